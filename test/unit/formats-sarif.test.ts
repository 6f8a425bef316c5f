import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import { renderSarif, SARIF_SCHEMA_URI } from "../../src/report/formats/sarif.js";
import { repoRoot } from "../helpers/run-cli.js";
import { agentsCreate, intoInclude, reportFor, withProposedHot, withSuppressed } from "./formats-report.js";

/**
 * The official OASIS schema (schemas/vendor/, byte-exact) is draft-04, which
 * ajv 8 reads once its two draft-04 spellings are modernized: `id` → `$id`
 * and the meta-schema URI. It uses no other draft-04-only keyword.
 */
function sarifValidator() {
  const official = JSON.parse(readFileSync(`${repoRoot}schemas/vendor/sarif-schema-2.1.0.json`, "utf8")) as Record<string, unknown>;
  const { id, $schema: _draft04, ...rest } = official;
  if (id !== SARIF_SCHEMA_URI) throw new Error(`unexpected SARIF schema id ${String(id)}`);
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat("uri", (text: string) => URL.canParse(text));
  ajv.addFormat("uri-reference", (text: string) => URL.canParse(text, "file:///base/"));
  ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  return ajv.compile({ ...rest, $id: id });
}

const validateSarif = sarifValidator();

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations?: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number; startColumn?: number } } }[];
  suppressions?: { kind: string; justification: string }[];
  properties: Record<string, unknown>;
}

interface SarifLog {
  version: string;
  runs: { tool: { driver: { rules: { id: string }[] } }; results: SarifResult[]; originalUriBaseIds?: Record<string, { uri: string }>; properties: Record<string, unknown> }[];
}

const sarifOf = (text: string) => JSON.parse(text) as SarifLog;

describe("sarif format", () => {
  it("validates against the official SARIF 2.1.0 schema, with and without proposed rules and suppressions", async () => {
    const report = await reportFor(agentsCreate);
    for (const variant of [report, withProposedHot(report), withSuppressed(report, "agents.list"), await reportFor(intoInclude)]) {
      const log = JSON.parse(renderSarif(variant, { cwd: repoRoot })) as unknown;
      expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    }
  });

  it("the schema check has teeth: a result without a message fails", async () => {
    const log = sarifOf(renderSarif(await reportFor(agentsCreate)));
    delete (log.runs[0]!.results[0] as Partial<SarifResult>).message;
    expect(validateSarif(log)).toBe(false);
  });

  it("has one result per changed path, ruled by its reload kind, at the value's file and line", async () => {
    const log = sarifOf(renderSarif(await reportFor(agentsCreate), { cwd: repoRoot }));
    const run = log.runs[0]!;
    expect(log.version).toBe("2.1.0");
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(expect.arrayContaining(["RELOAD_RESTART", "RELOAD_HOT", "RELOAD_NONE", "DEFAULT_MATERIALIZED", "UNMATCHED_DEFAULT_RESTART"]));
    const tailscale = run.results.find((result) => result.properties["path"] === "gateway.tailscale")!;
    expect(tailscale).toMatchObject({ ruleId: "RELOAD_RESTART", level: "error", properties: { spurious: true, causes: ["DEFAULT_MATERIALIZED"] } });
    expect(run.tool.driver.rules[tailscale.ruleIndex]!.id).toBe("RELOAD_RESTART");
    expect(tailscale.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "examples/agents-create/after/openclaw.json", uriBaseId: "SRCROOT" },
      region: { startLine: 14, startColumn: 5 },
    });
    expect(run.originalUriBaseIds!["SRCROOT"]!.uri).toMatch(/^file:\/\/\/.*\/$/);
    expect(run.results.map((result) => result.level).sort()).toEqual(["error", "note", "warning"]);
    expect(run.properties).toMatchObject({ verdict: "restart", catalog: "openclaw@2026.5.3" });
  });

  it("turns ignore-file entries into accepted external suppressions and carries the proposed kind", async () => {
    const log = sarifOf(renderSarif(withProposedHot(withSuppressed(await reportFor(agentsCreate), "agents.list"))));
    const list = log.runs[0]!.results.find((result) => result.properties["path"] === "agents.list")!;
    expect(list.suppressions).toEqual([expect.objectContaining({ kind: "external", status: "accepted", justification: "known writer stamp" })]);
    expect(log.runs[0]!.results.find((result) => result.properties["path"] === "gateway.tailscale")!.properties["proposedKind"]).toBe("hot");
    expect(log.runs[0]!.properties).toMatchObject({ proposedVerdict: "hot-reload", drift: true });
  });

  it("points at the included file through $include", async () => {
    const log = sarifOf(renderSarif(await reportFor(intoInclude)));
    const heartbeat = log.runs[0]!.results.find((result) => result.properties["path"] === "agents.defaults.heartbeat.every")!;
    expect(heartbeat.locations![0]!.physicalLocation.artifactLocation.uri).toBe("test/fixtures/states/include-merge/extra.json5");
  });
});
