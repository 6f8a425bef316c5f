import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { FixtureResult } from "../../src/lint/result.js";
import { repoRoot, runBinary, runInProcess } from "../helpers/run-cli.js";

const exampleNames = readdirSync(`${repoRoot}examples/lint`).sort();
const examples = exampleNames.map((name) => `examples/lint/${name}`);
const deliberatelyWrong = exampleNames.filter((name) => name.startsWith("expect-fail-"));
const meantToPass = examples.filter((path) => !path.includes("/expect-fail-"));

const scratch = mkdtempSync(join(tmpdir(), "clawdiff-lint-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("clawdiff lint on examples/lint", () => {
  it("exits 1 and names exactly the deliberately wrong fixtures", () => {
    const result = runBinary(["lint", ...examples, "--fixture-root", "examples"]);
    expect(result.code).toBe(1);
    const failing = result.stdout.split("\n").filter((line) => line.startsWith("FAIL "));
    expect(failing.map((line) => line.slice(5).trim().split(":")[0])).toEqual(deliberatelyWrong.map((name) => `examples/lint/${name}`));
    expect(deliberatelyWrong.length).toBeGreaterThanOrEqual(2);
    expect(result.stdout).toContain("✗ expected no restart, got a restart (gateway.auth.token)");
    expect(result.stdout.trimEnd().split("\n").at(-1)).toMatch(new RegExp(`^${examples.length} fixtures, ${deliberatelyWrong.length} failed`));
  });

  it("exits 0 when every fixture meets its expectations, and warns about hazards", async () => {
    const result = await runInProcess(["lint", ...meantToPass, "--fixture-root", "examples"]);
    expect(result.code).toBe(0);
    expect(meantToPass.length).toBeGreaterThanOrEqual(10);
    expect(result.stdout).not.toMatch(/^(FAIL|ERROR)/m);
    expect(result.stdout).toContain("PASS  examples/lint/agents-create: restart would fire");
    expect(result.stdout).toContain("! channels.whatsapp.accounts.default.enabled matches no rule: the restart fallback decides");
  });

  it("a folder argument lints every fixture in it; json output carries each result", async () => {
    const result = await runInProcess(["lint", "examples/lint", "--format", "json", "--fixture-root", "examples"]);
    const parsed = JSON.parse(result.stdout) as { fixtures: FixtureResult[]; summary: { fixtures: number; failed: number } };
    expect(parsed.summary).toMatchObject({ fixtures: examples.length, failed: deliberatelyWrong.length });
    expect(parsed.fixtures.find((fixture) => fixture.name === "examples/lint/expect-fail-unknown-key")).toMatchObject({
      status: "fail",
      warnings: expect.arrayContaining([
        "after: examples/lint/expect-fail-unknown-key/after/openclaw.json:1:35: unknown top-level key 'gatewy' (openclaw@2026.5.3 rejects the config)",
      ]),
    });
    expect(result.code).toBe(1);
  });

  it("junit output has one testcase per fixture and fails the deliberately wrong ones", async () => {
    const result = await runInProcess(["lint", "examples/lint", "--format", "junit", "--fixture-root", "examples"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`<testsuite name="clawdiff.lint" [^>]*tests="${examples.length}" failures="${deliberatelyWrong.length}" errors="0"`));
    expect(result.stdout.match(/<testcase /g)).toHaveLength(examples.length);
    const failedCases = [...result.stdout.matchAll(/<testcase name="([^"]+)"[^/]*?>\s*<failure type="EXPECTATION"/g)].map((match) => match[1]);
    expect(failedCases).toEqual(deliberatelyWrong.map((name) => `examples/lint/${name}`));
    expect(result.stdout).toContain("examples/lint/expect-fail-unknown-key: after: examples/lint/expect-fail-unknown-key/after/openclaw.json:1:35: unknown top-level key 'gatewy'");
  });

  it("exits 2 when a fixture cannot be loaded, after linting the others", async () => {
    const broken = join(scratch, "broken");
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, "fixture.json5"), '{\n  before: "before",\n  after: "missing",\n}\n');
    mkdirSync(join(broken, "before"));
    writeFileSync(join(broken, "before", "openclaw.json"), "{}");
    const result = await runInProcess(["lint", "examples/lint/meta-stamp", broken, "--fixture-root", "examples"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("PASS  examples/lint/meta-stamp");
    expect(result.stdout).toMatch(/^ERROR .*broken: .*missing: no such file or directory$/m);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("2 fixtures, 0 failed, 1 error");
  });

  it("an invalid fixture file is an error naming its line", async () => {
    const invalid = join(scratch, "invalid");
    mkdirSync(invalid, { recursive: true });
    writeFileSync(join(invalid, "fixture.json5"), '{\n  before: "b",\n  after: "a",\n  expect: { restart: "no" },\n}\n');
    const result = await runInProcess(["lint", invalid]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/fixture\.json5:4:\d+: invalid fixture: \/expect\/restart must be boolean/);
  });

  it("a missing argument is a usage error", async () => {
    expect((await runInProcess(["lint", "examples/lint/nope"])).code).toBe(2);
  });
});
