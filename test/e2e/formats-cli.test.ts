import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FORMAT_NAMES } from "../../src/report/formats/index.js";
import { repoRoot, runBinary, runInProcess } from "../helpers/run-cli.js";

const agentsCreate = ["examples/agents-create/before", "examples/agents-create/after", "--rules", "openclaw@2026.5.3", "--no-ignore-file"];
const scratch = mkdtempSync(join(tmpdir(), "clawdiff-formats-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("--format on the command line", () => {
  it("offers every registered format, each keeping the exit code", async () => {
    expect(FORMAT_NAMES).toEqual(["table", "brief", "json", "ndjson", "markdown", "github", "sarif", "junit"]);
    for (const format of FORMAT_NAMES) {
      const result = await runInProcess([...agentsCreate, "--format", format]);
      expect(result.code, `${format}: ${result.stderr}`).toBe(3);
      expect(result.stdout.length, format).toBeGreaterThan(0);
    }
  });

  it("rejects an unknown format with the list of choices", async () => {
    const result = await runInProcess([...agentsCreate, "--format", "yaml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("junit");
  });

  it("--brief is --format brief, and conflicts with an explicit --format", async () => {
    const brief = await runInProcess([...agentsCreate, "--brief"]);
    expect(brief.stdout).toBe((await runInProcess([...agentsCreate, "--format", "brief"])).stdout);
    expect(brief.stdout.split("\n")[1]).toMatch(/^none +meta\.lastTouchedAt/);
    const both = await runInProcess([...agentsCreate, "--brief", "--format", "json"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--brief.*cannot be used with.*--format/);
  });

  it("picks github annotations inside GitHub Actions when no format is given", async () => {
    const auto = await runInProcess(agentsCreate, { GITHUB_ACTIONS: "true" });
    expect(auto.stdout).toMatch(/^::notice file=examples\/agents-create\/after\/openclaw\.json,line=4/);
    expect(auto.code).toBe(3);
    const explicitTable = await runInProcess([...agentsCreate, "--format", "table"], { GITHUB_ACTIONS: "true" });
    expect(explicitTable.stdout).not.toContain("::");
    const elsewhere = await runInProcess(agentsCreate, { GITHUB_ACTIONS: "false" });
    expect(elsewhere.stdout).not.toContain("::");
  });

  it("--summary appends the markdown report to $GITHUB_STEP_SUMMARY", async () => {
    const summaryFile = join(scratch, "step-summary.md");
    writeFileSync(summaryFile, "earlier step\n");
    const result = await runInProcess([...agentsCreate, "--format", "json", "--summary"], { GITHUB_STEP_SUMMARY: summaryFile });
    expect(JSON.parse(result.stdout)).toMatchObject({ schemaVersion: 1 });
    const written = readFileSync(summaryFile, "utf8");
    expect(written.startsWith("earlier step\n### restart would fire for 1 path, spurious: gateway.tailscale\n")).toBe(true);
    expect(written).toContain("#### Restart (1)");
    expect(written).not.toContain("\u001b[");
  });

  it("--summary without $GITHUB_STEP_SUMMARY warns and keeps the result", async () => {
    const result = await runInProcess([...agentsCreate, "--summary"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("GITHUB_STEP_SUMMARY is not set");
  });

  it("the bundled binary prints SARIF too", () => {
    const result = runBinary([...agentsCreate, "--format", "sarif"]);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ version: "2.1.0" });
  });
});

/** Every value of a dotenv file: the fixtures keep their secrets there. */
function dotenvValues(path: string): string[] {
  return readFileSync(join(repoRoot, path), "utf8")
    .split("\n")
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.slice(line.indexOf("=") + 1));
}

const secretsMixed = "test/fixtures/states/secrets-mixed";
const fromEnvFlag = {
  GATEWAY_PASSWORD: "fixture-gateway-password-5e6f7a8b",
  HOOKS_TOKEN: "fixture-hooks-token-before-1a2b3c4d",
  SLACK_WEBHOOK_SECRET: "https://hooks.slack.com/services/T000/B000/fixtureSlackSecret42",
};

const SECRET_CASES = [
  {
    name: "agents-create (inline gateway token, .env keys)",
    args: agentsCreate,
    secrets: [...dotenvValues("examples/agents-create/before/.env"), ...dotenvValues("examples/agents-create/after/.env")],
  },
  {
    name: "secrets-mixed (inline api keys, SecretRef, ${VAR} from --env and .env, env block)",
    args: [`${secretsMixed}/before`, `${secretsMixed}/after`, "--rules", "openclaw@2026.5.3", "--no-process-env", "--no-ignore-file", ...Object.entries(fromEnvFlag).flatMap(([key, value]) => ["--env", `${key}=${value}`])],
    secrets: [
      ...Object.values(fromEnvFlag),
      ...dotenvValues(`${secretsMixed}/before/.env`),
      ...dotenvValues(`${secretsMixed}/after/.env`),
      "sk-ant-fixture-before-0d1e2f3a4b5c6d7e",
      "sk-ant-fixture-after-7a6b5c4d3e2f1a0b",
      "mistral-fixture-inline-9a8b7c6d5e4f",
      "mistral-fixture-rotated-1f2e3d4c5b6a",
      "fixture-hooks-token-after-3c4d5e6f",
      "fixture-discord-inline-8e9f0a1b2c3d",
    ],
  },
];

const VALUE_FORMATS = new Set(["table", "json", "ndjson", "markdown"]);

describe("no format prints a secret", () => {
  for (const { name, args, secrets } of SECRET_CASES) {
    it(name, async () => {
      expect(secrets.length).toBeGreaterThan(2);
      const summaryFile = join(scratch, `summary-${secrets.length}.md`);
      for (const format of FORMAT_NAMES) {
        const result = await runInProcess([...args, "--format", format, "--summary"], { GITHUB_STEP_SUMMARY: summaryFile, GITHUB_ACTIONS: "true" });
        expect(result.code, `${format}: ${result.stderr}`).not.toBe(2);
        // Formats that print values show the changed secrets as fingerprints (brief, github, sarif, junit print none).
        if (VALUE_FORMATS.has(format)) expect(result.stdout, format).toMatch(/hmac:[0-9a-f]{12}/);
        for (const secret of secrets) {
          expect(result.stdout, `${format} printed ${secret.slice(0, 6)}…`).not.toContain(secret);
          expect(result.stderr).not.toContain(secret);
        }
      }
      const summaries = readFileSync(summaryFile, "utf8");
      for (const secret of secrets) expect(summaries).not.toContain(secret);
    });
  }

  it("the check has teeth: with --show-secrets the secrets-mixed values do appear", async () => {
    const { args, secrets } = SECRET_CASES[1]!;
    const shown = await runInProcess([...args, "--format", "ndjson", "--show-secrets"]);
    const printed = secrets.filter((secret) => shown.stdout.includes(secret));
    expect(printed.length).toBeGreaterThanOrEqual(6);
  });
});
