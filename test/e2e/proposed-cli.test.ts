import { describe, expect, it } from "vitest";
import type { DiffReport } from "../../src/report/model.js";
import { runInProcess } from "../helpers/run-cli.js";

const browser = ["examples/browser-profile/before", "examples/browser-profile/after", "--rules", "openclaw@2026.5.3"];
const overlay = "examples/proposed/browser-profiles-hot.json5";

const json = async (args: string[]) => {
  const result = await runInProcess([...args, "--format", "json"]);
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as DiffReport;
};

describe("--proposed rules side by side", () => {
  it("an overlay file: plans.proposed, classification.proposed, drift and the headline", async () => {
    const report = await json(["diff", ...browser, "--proposed", overlay]);
    expect(report.catalogs.proposed).toMatchObject({ id: "openclaw@2026.5.3+browser-profiles-hot", requested: overlay, resolution: "overlay" });
    expect(report.plans.current).toMatchObject({ outcome: "restart", restartReasons: ["browser.profiles.sandbox.cdpUrl"] });
    expect(report.plans.proposed).toMatchObject({ outcome: "hot-reload", hotReasons: ["browser.profiles.sandbox.cdpUrl"], wouldRestart: false });
    expect(report.changes[0]!.classification.proposed).toMatchObject({ kind: "hot", rule: { prefix: "browser.profiles", origin: "overlay" } });
    expect(report.summary).toMatchObject({ drift: true, reclassifiedPaths: 1 });
    expect(report.summary.headline).toBe("restart would fire for 1 path: browser.profiles.sandbox.cdpUrl; proposed rules: hot reload");
  });

  it("the table shows the proposed class next to the current one", async () => {
    const result = await runInProcess(["diff", ...browser, "--proposed", overlay]);
    expect(result.stdout).toContain("proposed openclaw@2026.5.3+browser-profiles-hot, first-match: hot-reload; 1 path reclassified");
    expect(result.stdout).toContain("proposed: hot, rule browser.profiles (overlay)");
  });

  it("another bundled catalog works as the proposal; the same rules mean no drift", async () => {
    const report = await json(["diff", ...browser, "--proposed", "openclaw@2026.5.3"]);
    expect(report.catalogs.proposed).toMatchObject({ id: "openclaw@2026.5.3", resolution: "exact" });
    expect(report.summary).toMatchObject({ drift: false, reclassifiedPaths: 0 });
  });

  it("overlay rules take precedence even over a longer base prefix", async () => {
    const report = await json(["diff", "examples/agents-create/before", "examples/agents-create/after", "--rules", "openclaw@2026.5.3", "--proposed", "test/fixtures/overlays/longest-prefix-override.json5"]);
    const list = report.changes.find((change) => change.path === "agents.list")!;
    expect(list.classification.current).toMatchObject({ kind: "hot", rule: { prefix: "agents.list" } });
    expect(list.classification.proposed).toMatchObject({ kind: "restart", rule: { prefix: "agents", origin: "overlay" } });
  });

  it("a malformed overlay is one line naming the file, line:col and JSON path, exit 2", async () => {
    const result = await runInProcess(["diff", ...browser, "--proposed", "test/fixtures/overlays/bad-kind.json5"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "clawdiff: test/fixtures/overlays/bad-kind.json5:6:23: invalid rules overlay: /rules/1/kind must be equal to one of the allowed values: restart, hot, none\n",
    );
  });

  it("an overlay extending an unknown catalog fails like --rules does", async () => {
    const result = await runInProcess(["diff", ...browser, "--proposed", "openclaw@1999.1.1"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^clawdiff: no bundled rule catalog at or before openclaw@1999\.1\.1/);
  });
});
