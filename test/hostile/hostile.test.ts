import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import JSON5 from "json5";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, runInProcess } from "../helpers/run-cli.js";
import { GENERATORS } from "./generators.js";

interface HostileCase {
  name: string;
  files?: Record<string, string | { hex: string }>;
  setup?: string;
  skipAsRoot?: string;
  args: string[];
  code: number;
  stdout?: string;
  stderr?: string;
  stderrPrefix?: string;
  stderrMatch?: string;
}

const corpus = JSON5.parse(readFileSync(join(repoRoot, "test/fixtures/hostile/cases.json5"), "utf8")) as {
  baseline: string;
  defaultArgs: string[];
  cases: HostileCase[];
};
/** The case's own arguments, plus the corpus defaults for options it does not set. */
const argsOf = (testCase: HostileCase) => (testCase.args.includes(corpus.defaultArgs[0]!) ? testCase.args : [...testCase.args, ...corpus.defaultArgs]);
const scratch = mkdtempSync(join(tmpdir(), "clawdiff-hostile-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const isRoot = process.getuid?.() === 0;
const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();

function materialize(index: number, testCase: HostileCase): string {
  const dir = join(scratch, String(index));
  mkdirSync(dir);
  writeFileSync(join(dir, "baseline.json"), corpus.baseline);
  for (const [name, content] of Object.entries(testCase.files ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), typeof content === "string" ? content : Buffer.from(content.hex, "hex"));
  }
  if (testCase.setup) {
    const generate = GENERATORS[testCase.setup];
    if (!generate) throw new Error(`unknown setup '${testCase.setup}'`);
    generate(dir);
  }
  return dir;
}

describe("hostile inputs: exact one-line errors or exact results", () => {
  it("the corpus has at least 30 cases, each with one expectation", () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(30);
    for (const testCase of corpus.cases) {
      expect([testCase.stdout, testCase.stderr, testCase.stderrPrefix, testCase.stderrMatch].filter((x) => x !== undefined), testCase.name).toHaveLength(1);
    }
  });

  it.for(corpus.cases.map((testCase, index) => ({ ...testCase, index })))("$name", async (testCase, context) => {
    if (testCase.skipAsRoot && isRoot) context.skip(`running as root: ${testCase.skipAsRoot}`);
    const dir = materialize(testCase.index, testCase);
    const protoBefore = prototypeNames();
    const result = await runInProcess(argsOf(testCase), {}, dir);

    expect(prototypeNames()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(result.code, result.stderr).toBe(testCase.code);
    if (testCase.stdout !== undefined) {
      expect(result.stderr).toBe("");
      expect(result.stdout.split("\n")[0]).toBe(testCase.stdout);
      return;
    }
    expect(result.stdout).toBe("");
    expect(result.stderr.endsWith("\n") && !result.stderr.slice(0, -1).includes("\n"), result.stderr).toBe(true);
    const line = result.stderr.slice(0, -1);
    if (testCase.stderr !== undefined) expect(line).toBe(testCase.stderr);
    else if (testCase.stderrMatch !== undefined) expect(line).toMatch(new RegExp(testCase.stderrMatch));
    else expect(line.startsWith(testCase.stderrPrefix!), line).toBe(true);

    if (line.startsWith("clawdiff: ")) {
      // The same failure with --debug: the same first line, then the stack.
      const debug = await runInProcess([...argsOf(testCase), "--debug"], {}, dir);
      expect(debug.code).toBe(2);
      expect(debug.stderr.split("\n")[0]).toBe(line);
      expect(debug.stderr).toMatch(/\n\s+at /);
    }
  });
});
