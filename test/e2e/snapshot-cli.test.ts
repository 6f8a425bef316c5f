import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import snapshotSchema from "../../schemas/snapshot.schema.json" with { type: "json" };
import type { LogReport } from "../../src/log/log-report.js";
import type { DiffReport } from "../../src/report/model.js";
import { repoRoot, runInProcess } from "../helpers/run-cli.js";

const validate = new Ajv({ strict: false }).compile(snapshotSchema);
const outDir = mkdtempSync(join(tmpdir(), "clawdiff-snapshot-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Every before/after pair of state directories the repository ships. */
function statePairs(): string[] {
  const roots = ["examples", "examples/lint", "test/fixtures/states"];
  return roots.flatMap((root) =>
    readdirSync(join(repoRoot, root))
      .map((name) => `${root}/${name}`)
      .filter((pair) => existsSync(join(repoRoot, pair, "before/openclaw.json")) && existsSync(join(repoRoot, pair, "after/openclaw.json"))),
  );
}

let counter = 0;
async function snapshot(state: string): Promise<string> {
  const output = join(outDir, `snapshot-${(counter += 1)}.json`);
  const result = await runInProcess(["snapshot", state, "-o", output, "--no-process-env"]);
  expect(result.code, result.stderr).toBe(0);
  return output;
}

async function diffJson(before: string, after: string): Promise<DiffReport> {
  const result = await runInProcess(["diff", before, after, "--format", "json", "--no-process-env", "--rules", "openclaw@2026.5.3"]);
  expect(result.code, result.stderr).not.toBe(2);
  return JSON.parse(result.stdout) as DiffReport;
}

const essentials = (report: DiffReport) => ({ changedPaths: report.changedPaths, verdict: report.summary.verdict, plan: report.plans.current.restartReasons });

describe("clawdiff snapshot", () => {
  const pairs = statePairs();

  it("finds the state pairs to round-trip", () => {
    expect(pairs.length).toBeGreaterThan(10);
  });

  it.each(pairs)("%s: a snapshot on either side reproduces the live diff", async (pair) => {
    const [before, after] = [`${pair}/before`, `${pair}/after`];
    const [snapBefore, snapAfter] = [await snapshot(before), await snapshot(after)];
    const live = essentials(await diffJson(before, after));
    expect(essentials(await diffJson(snapBefore, after))).toEqual(live);
    expect(essentials(await diffJson(before, snapAfter))).toEqual(live);
    expect(essentials(await diffJson(snapBefore, snapAfter))).toEqual(live);
  });

  it("validates against its schema and stores no secret from the state's .env", async () => {
    const state = "examples/agents-create/before";
    const text = readFileSync(await snapshot(state), "utf8");
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
    const envValues = readFileSync(join(repoRoot, state, ".env"), "utf8")
      .split("\n")
      .map((line) => line.split("=").slice(1).join("=").trim())
      .filter((value) => value.length >= 6);
    expect(envValues.length).toBeGreaterThan(0);
    for (const value of envValues) expect(text).not.toContain(value);
    const snapshotData = JSON.parse(text) as { envRefs: { path: string; variables: { fingerprint?: string }[] }[] };
    expect(snapshotData.envRefs.find((ref) => ref.path === "gateway.auth.token")!.variables[0]!.fingerprint).toMatch(/^hmac:[0-9a-f]{32}$/);
  });

  it("serves as log --before: the same cause codes as the live before state", async () => {
    const args = ["log", "test/fixtures/logs/oc-76208-timeline.log", "--state", "examples/agents-create/after", "--format", "json", "--no-process-env", "--rules", "openclaw@2026.5.3"];
    const codes = (report: LogReport) => report.events[0]!.paths.map((item) => [item.path, item.explanation?.status === "unexplained" ? null : item.explanation?.causes.map((cause) => cause.code)]);
    const live = JSON.parse((await runInProcess([...args, "--before", "examples/agents-create/before"])).stdout) as LogReport;
    const fromSnapshot = JSON.parse((await runInProcess([...args, "--before", await snapshot("examples/agents-create/before")])).stdout) as LogReport;
    expect(codes(fromSnapshot)).toEqual(codes(live));
  });

  it("refuses to write over a file it read", async () => {
    const config = join(repoRoot, "examples/agents-create/before/openclaw.json");
    const original = readFileSync(config, "utf8");
    const result = await runInProcess(["snapshot", "examples/agents-create/before", "-o", "examples/agents-create/before/openclaw.json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("refusing to overwrite");
    expect(readFileSync(config, "utf8")).toBe(original);
  });

  it("a snapshot from a newer clawdiff is a one-line error", async () => {
    const file = join(outDir, "future.json");
    const data = JSON.parse(readFileSync(await snapshot("examples/meta-stamp/before"), "utf8")) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...data, snapshotSchemaVersion: 3 }));
    const result = await runInProcess(["diff", file, "examples/meta-stamp/after"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("snapshot schema version 3 is newer");
  });
});
