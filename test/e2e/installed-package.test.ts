import { describe, expect, it } from "vitest";
import type { DiffReport } from "../../src/report/model.js";
import { runInProcess } from "../helpers/run-cli.js";

const channelEdit = ["test/fixtures/states/channel-edit/before", "test/fixtures/states/channel-edit/after", "--format", "json"];
const miniature = "test/fixtures/openclaw-dist/list-era";

const report = async (...extra: string[]) => {
  const result = await runInProcess(["diff", ...channelEdit, "--no-cache", ...extra]);
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as DiffReport;
};

describe("--openclaw: the rules of the installed package, plugins and channels included", () => {
  it("a channel edit restarts the channel, not the gateway, once the channel's rules are loaded", async () => {
    const installed = await report("--openclaw", miniature);
    expect(installed.catalogs.current).toMatchObject({ id: "openclaw@2026.4.99", resolution: "installed", requested: miniature });
    expect(installed.changes[0]!.classification.current).toMatchObject({ kind: "hot", rule: { prefix: "channels.telegram" } });
    expect(installed.plans.current.restartChannels).toEqual(["telegram"]);
    expect(installed.plans.current.wouldRestart).toBe(false);
  });

  it("--plugins none reads the base rules only: the same edit falls to the restart fallback", async () => {
    const base = await report("--openclaw", miniature, "--plugins", "none");
    expect(base.changes[0]!.classification.current).toMatchObject({ kind: "restart", fallback: true });
    expect(base.changes[0]!.causes.map((cause) => cause.code)).toContain("UNMATCHED_DEFAULT_RESTART");
  });

  it("--plugins without --openclaw narrows a bundled catalog's plugin rules, and is refused for a version that has none", async () => {
    const none = await runInProcess(["diff", ...channelEdit, "--rules", "openclaw@2026.5.3", "--plugins", "none", "--format", "json"]);
    expect((JSON.parse(none.stdout) as DiffReport).plugins).toMatchObject({ by: "--plugins", loaded: [] });
    const result = await runInProcess(["diff", ...channelEdit, "--rules", "openclaw@2026.2.9", "--plugins", "telegram"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("clawdiff: --plugins: openclaw@2026.2.9 has no bundled plugin rules; read them from the package with --openclaw\n");
  });
});
