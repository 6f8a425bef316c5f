import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import ndjsonSchema from "../../schemas/ndjson.schema.json" with { type: "json" };
import reportSchema from "../../schemas/report.schema.json" with { type: "json" };
import type { DiffReport } from "../../src/report/model.js";
import { runInProcess } from "../helpers/run-cli.js";

const stockTelegram = ["test/fixtures/states/stock-telegram/before", "test/fixtures/states/stock-telegram/after"];
const typoKey = ["test/fixtures/states/typo-key/before", "test/fixtures/states/typo-key/after"];
const hermetic = ["--no-process-env", "--env", "TELEGRAM_TOKEN_OLD=old-token-value", "--env", "TELEGRAM_TOKEN_NEW=new-token-value"];
const ajv = new Ajv({ strict: false });
ajv.addSchema(reportSchema, "report.schema.json");
const validateReport = ajv.compile(reportSchema);
const validateNdjson = ajv.compile(ndjsonSchema);

async function jsonReport(args: string[]): Promise<DiffReport> {
  const result = await runInProcess(["diff", ...args, "--format", "json"]);
  const report = JSON.parse(result.stdout) as DiffReport;
  expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  return report;
}

describe("without --rules: a stock install of the version that wrote the config", () => {
  it("judges a state stamped 2026.5.3 by 2026.5.3's rules, and a Telegram token change restarts the channel, not the gateway", async () => {
    const report = await jsonReport([...stockTelegram, ...hermetic]);
    expect(report.catalogs.current.id).toBe("openclaw@2026.5.3");
    expect(report.version).toMatchObject({ version: "2026.5.3", source: { from: "meta.lastTouchedVersion", side: "after" } });
    const token = report.changes.find((change) => change.path === "channels.telegram.botToken")!;
    expect(token.classification.current).toMatchObject({ kind: "hot", rule: { prefix: "channels.telegram", origin: "channel:telegram" }, actions: ["restart-channel:telegram"] });
    expect(report.plans.current).toMatchObject({ restartGateway: false, restartChannels: ["telegram"], outcome: "hot-reload" });
    expect(report.plugins).toMatchObject({ by: "config", table: "schemas/plugin-rules/openclaw@2026.5.3.json", loaded: ["browser", "telegram"] });
  });

  it("under base rules alone the same change would restart the gateway (the fallback)", async () => {
    const report = await jsonReport([...stockTelegram, ...hermetic, "--plugins", "none"]);
    expect(report.changes.find((change) => change.path === "channels.telegram.botToken")!.classification.current).toMatchObject({ kind: "restart", fallback: true });
  });

  it("says in the header where the version came from and which plugins it assumed", async () => {
    const result = await runInProcess(["diff", ...stockTelegram, ...hermetic]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("version 2026.5.3 from meta.lastTouchedVersion of the after side");
    expect(result.stdout.replace(/\n\s+/g, " ")).toContain("bundled plugins loaded per the before config: browser (bundled default enablement), telegram (channel configured (channels.telegram)); not loaded: imessage, irc, matrix, mattermost, signal, slack (channel not configured)");
    expect(result.stdout).not.toContain("new-token-value");
  });

  it("shows the assumed plugin set in every format", async () => {
    for (const format of ["brief", "markdown", "github", "junit", "sarif"]) {
      const result = await runInProcess(["diff", ...stockTelegram, ...hermetic, "--format", format]);
      expect(result.stdout, format).toMatch(/bundled plugins loaded per the before config: browser \\?\(bundled default enablement\\?\), telegram \\?\(channel configured/);
      expect(result.stdout, format).toContain("version 2026.5.3 from meta.lastTouchedVersion of the after side");
    }
    const ndjson = await runInProcess(["diff", ...stockTelegram, ...hermetic, "--format", "ndjson"]);
    const header = JSON.parse(ndjson.stdout.split("\n")[0]!) as DiffReport;
    expect(validateNdjson(header), JSON.stringify(validateNdjson.errors)).toBe(true);
    expect(header.plugins?.loaded).toEqual(["browser", "telegram"]);
  });

  it("--rules wins over the stamp", async () => {
    const report = await jsonReport([...stockTelegram, ...hermetic, "--rules", "openclaw@2026.9.6"]);
    expect(report.catalogs.current.id).toBe("openclaw@2026.9.6");
    expect(report.version?.source).toEqual({ from: "--rules" });
  });
});

describe("validation per version: reload skipped (invalid config)", () => {
  it("a typo'd top-level key on 2026.9.6 skips the reload instead of restarting, exit 1", async () => {
    const result = await runInProcess(["diff", ...typoKey]);
    expect(result.stdout.split("\n")[0]).toBe('reload skipped (invalid config): <root>: Unrecognized key: "gatewy"');
    expect(result.code).toBe(1);
    const report = await jsonReport(typoKey);
    expect(report.summary.verdict).toBe("skipped-invalid");
    expect(report.plans.current).toMatchObject({ outcome: "skipped-invalid", wouldRestart: false });
    expect(report.validation).toEqual({
      openclawVersion: "2026.9.6",
      table: "schemas/config-keys/openclaw@2026.9.6.json",
      issues: [{ path: "", keys: ["gatewy"], message: 'Unrecognized key: "gatewy"', line: '<root>: Unrecognized key: "gatewy"' }],
    });
  });

  it("is the `invalid` result of --fail-on: `--fail-on restart` lets it pass", async () => {
    expect((await runInProcess(["diff", ...typoKey, "--fail-on", "restart"])).code).toBe(0);
    expect((await runInProcess(["diff", ...typoKey, "--fail-on", "invalid"])).code).toBe(1);
  });

  it("a valid config on the same version plans as usual", async () => {
    const report = await jsonReport([typoKey[0]!, typoKey[0]!]);
    expect(report.validation?.issues).toEqual([]);
    expect(report.summary.verdict).toBe("no-change");
  });
});
