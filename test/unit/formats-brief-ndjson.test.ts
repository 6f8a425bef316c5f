import { describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import reportSchema from "../../schemas/report.schema.json" with { type: "json" };
import ndjsonSchema from "../../schemas/ndjson.schema.json" with { type: "json" };
import { renderBrief } from "../../src/report/formats/brief.js";
import { NDJSON_LISTS } from "../../src/report/formats/ndjson.js";
import { renderReport } from "../../src/report/formats/index.js";
import type { DiffReport } from "../../src/report/model.js";
import { agentsCreate, reportFor, withProposedHot, withSuppressed } from "./formats-report.js";

const ajv = new Ajv({ strict: false });
ajv.addSchema(reportSchema);
const validateRecord = ajv.compile(ndjsonSchema);
const validateReport = ajv.getSchema(reportSchema.$id)!;
const renderNdjson = (report: DiffReport) => renderReport("ndjson", report, { palette: undefined as never, width: 100 });

describe("brief format", () => {
  it("prints the headline, then kind, path, causes and a spurious marker per path", async () => {
    const lines = renderBrief(await reportFor(agentsCreate)).trimEnd().split("\n");
    expect(lines[0]).toBe("restart would fire for 1 path, spurious: gateway.tailscale");
    expect(lines.slice(-2)).toEqual([
      "# version 2026.5.3 from --rules",
      "# bundled plugins loaded per the before config: browser (bundled default enablement), telegram (channel configured (channels.telegram)); not loaded: imessage, irc, matrix, mattermost, signal, slack (channel not configured)",
    ]);
    expect(lines.slice(1, -2)).toEqual([
      "none     meta.lastTouchedAt  writer metadata  (spurious)",
      "restart  gateway.tailscale   default materialized  (spurious)",
      "hot      agents.list         edited value, array element",
    ]);
  });

  it("shows a proposed kind that differs, and marks ignored changes", async () => {
    const report = withSuppressed(withProposedHot(await reportFor(agentsCreate)), "meta.lastTouchedAt");
    const lines = renderBrief(report).split("\n");
    expect(lines).toContain("restart → hot  gateway.tailscale   default materialized  (spurious)");
    expect(lines.find((line) => line.includes("meta.lastTouchedAt"))).toMatch(/\(spurious\) \(ignored\)$/);
  });

  it("is the headline and the run's context alone when nothing changed", async () => {
    const report = await reportFor(["examples/agents-create/after", "examples/agents-create/after/openclaw.json"]);
    const [headline, ...rest] = renderBrief(report).trimEnd().split("\n");
    expect(headline).toBe("no change: the gateway would not react");
    expect(rest.every((line) => line.startsWith("# "))).toBe(true);
  });
});

function parseLines(text: string): Record<string, unknown>[] {
  expect(text.endsWith("\n")).toBe(true);
  return text.trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Undoes the record split: what a consumer streaming the lines can rebuild. */
function reassemble(records: Record<string, unknown>[]): DiffReport {
  const { kind: _header, ...report } = records[0]!;
  const listOf = Object.fromEntries(Object.entries(NDJSON_LISTS).map(([field, kind]) => [kind, field]));
  for (const field of Object.keys(NDJSON_LISTS)) report[field] = [];
  for (const { kind, ...item } of records.slice(1, -1)) (report[listOf[kind as string]!] as unknown[]).push(item);
  const { kind: _summary, ...summary } = records[records.length - 1]!;
  return { ...report, summary } as unknown as DiffReport;
}

describe("ndjson format", () => {
  it("is a header, one record per list item, and a summary, each valid against schemas/ndjson.schema.json", async () => {
    const report = await reportFor(agentsCreate);
    const records = parseLines(renderNdjson(report));
    expect(records.map((record) => record["kind"])).toEqual(["header", "change", "change", "change", "form-only", "state-file", "state-file", "state-file", "summary"]);
    expect(records[0]).toMatchObject({ kind: "header", schemaVersion: 1 });
    for (const record of records) expect(validateRecord(record), JSON.stringify(validateRecord.errors)).toBe(true);
  });

  it("reassembles to the JSON report, which validates against the report schema", async () => {
    for (const args of [agentsCreate, ["examples/token-rotation/before", "examples/token-rotation/after"]]) {
      const report = await reportFor(args);
      const rebuilt = reassemble(parseLines(renderNdjson(report)));
      expect(rebuilt).toEqual(report);
      expect(validateReport(rebuilt), JSON.stringify(validateReport.errors)).toBe(true);
    }
  });

  it("rejects a change record that lacks what the report schema requires", () => {
    expect(validateRecord({ kind: "change", path: "gateway.port" })).toBe(false);
    expect(validateRecord({ kind: "header", schemaVersion: 2 })).toBe(false);
  });
});
