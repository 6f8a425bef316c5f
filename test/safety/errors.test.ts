import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ClawdiffError, type ErrorKind } from "../../src/shared/errors.js";
import { runInProcess } from "../helpers/run-cli.js";

/**
 * Every kind of user-caused failure is one message class: exit 2, empty
 * stdout, exactly one stderr line `clawdiff: [file[:line[:col]]: ]message`,
 * and --debug appends the stack without changing that line. The table is a
 * Record over ErrorKind, so adding a kind without a scenario fails to compile.
 */
const dir = mkdtempSync(join(tmpdir(), "clawdiff-errors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, "ok.json"), "{}");
writeFileSync(join(dir, "bad.json"), "{ gateway: ");
writeFileSync(join(dir, "deep.json"), `${"[".repeat(5000)}${"]".repeat(5000)}`);
mkdirSync(join(dir, "cycle"));
writeFileSync(join(dir, "cycle", "openclaw.json"), '{ "$include": "openclaw.json" }');
mkdirSync(join(dir, "folder", "openclaw.json"), { recursive: true });

interface Scenario {
  args: string[];
  line: string | RegExp;
}

const SCENARIOS: Record<ErrorKind, Scenario> = {
  usage: { args: ["ok.json", "ok.json", "--env", "NOEQUALS"], line: "clawdiff: --env expects KEY=VALUE, got no '=' (the argument is not shown)" },
  "not-found": { args: ["missing.json", "ok.json"], line: "clawdiff: missing.json: no such file or directory" },
  unreadable: { args: ["folder", "ok.json"], line: "clawdiff: folder/openclaw.json: is a directory, expected a config file" },
  parse: { args: ["bad.json", "ok.json"], line: "clawdiff: bad.json:1:12: invalid JSON5: invalid end of input" },
  "too-large": { args: ["bad.json", "ok.json", "--max-bytes", "4"], line: "clawdiff: bad.json: file is 11 bytes, over the --max-bytes limit of 4" },
  "too-deep": { args: ["deep.json", "ok.json"], line: "clawdiff: deep.json: config is nested deeper than 1000 levels" },
  include: { args: ["cycle", "ok.json"], line: "clawdiff: cycle/openclaw.json:1:3: circular $include: cycle/openclaw.json -> cycle/openclaw.json" },
  catalog: { args: ["ok.json", "ok.json", "--rules", "openclaw@banana"], line: /^clawdiff: unknown rule catalog 'openclaw@banana' \(bundled: openclaw@[^)]+; or pass a catalog file path\)$/ },
  git: { args: ["git:HEAD", "ok.json"], line: /^clawdiff: not a git repository: .+ \(name one with -C <repo>\)$/ },
};

const MESSAGE_CLASS = /^clawdiff: (?:[^\n:]+(?::\d+(?::\d+)?)?: )?[^\n]+$/;

describe("every error kind: one line, exit 2, stack only with --debug", () => {
  it.each(Object.entries(SCENARIOS))("%s", async (_kind, scenario) => {
    const result = await runInProcess(scenario.args, {}, dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(MESSAGE_CLASS);
    if (typeof scenario.line === "string") expect(lines[0]).toBe(scenario.line);
    else expect(lines[0]).toMatch(scenario.line);

    const debug = await runInProcess([...scenario.args, "--debug"], {}, dir);
    expect(debug.code).toBe(2);
    expect(debug.stderr.split("\n")[0]).toBe(lines[0]);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it("format() is one line for every position shape", () => {
    for (const kind of Object.keys(SCENARIOS) as ErrorKind[]) {
      for (const position of [undefined, { file: "f" }, { file: "f", line: 1 }, { file: "f", line: 1, column: 2 }]) {
        expect(`clawdiff: ${new ClawdiffError(kind, "message", position).format()}`).toMatch(MESSAGE_CLASS);
      }
    }
  });

  it("commander's own usage errors are one line, exit 2, too", async () => {
    for (const args of [["ok.json"], ["ok.json", "ok.json", "--nope"], ["ok.json", "ok.json", "--format", "yaml"], ["ok.json", "ok.json", "--max-bytes", "x"]]) {
      const result = await runInProcess(args, {}, dir);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/^error: /);
    }
  });
});
