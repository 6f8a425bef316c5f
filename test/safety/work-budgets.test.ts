import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IncludeResolver, MAX_INCLUDE_USES } from "../../src/config/includes.js";
import { substituteString } from "../../src/config/env-substitution.js";
import { parseConfigText } from "../../src/config/parse-json5.js";
import { matchesPrefix, segmentGlob, type SegmentTest } from "../../src/ignore/glob.js";
import { compilePathPattern } from "../../src/ignore/pattern.js";
import { regexHazard } from "../../src/ignore/regex-guard.js";
import { parseReloadMessage } from "../../src/log/reload-messages.js";
import { isClawdiffError } from "../../src/shared/errors.js";
import { runInProcess } from "../helpers/run-cli.js";
import { memoryInput } from "../property/memory-source.js";

/**
 * Small hostile inputs must not buy large work. Each case is a few KB that
 * used to run for tens of seconds or overflow the stack; the guards are
 * checked by counting work where the code exposes it, otherwise by
 * finishing (with the right outcome) well inside the test timeout on inputs
 * sized so the old code would need minutes.
 */
let root: string;

/** Files f1…f7, each including the next ten times: 10^6 include uses at depth 6 from under 1 KB each. */
function includeFan(levels: number, ways: number): Record<string, string> {
  const files: Record<string, string> = { "openclaw.json": JSON.stringify({ gateway: { port: 18789 }, agents: { $include: "./f1.json" } }) };
  for (let level = 1; level < levels; level += 1) {
    files[`f${level}.json`] = JSON.stringify({ [`l${level}`]: Object.fromEntries(Array.from({ length: ways }, (_, way) => [`k${way}`, { $include: `./f${level + 1}.json` }])) });
  }
  files[`f${levels}.json`] = JSON.stringify({ leaf: 1 });
  return files;
}

/** Three files, each nested 995 deep, the innermost including the next: 2,985 levels no single file shows. */
function deepChain(): Record<string, string> {
  const nested = (inner: string) => `${'{"a":'.repeat(995)}${inner}${"}".repeat(995)}`;
  return {
    "openclaw.json": JSON.stringify({ x: { $include: "./a.json" } }),
    "a.json": nested('{"$include":"./b.json"}'),
    "b.json": nested('{"$include":"./c.json"}'),
    "c.json": nested("1"),
  };
}

function writeState(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

function resolveIncludes(files: Record<string, string>): { resolver: IncludeResolver; error: unknown } {
  const input = memoryInput(files);
  const resolver = new IncludeResolver(input.reader, { rootDir: "/state", allowOutside: false });
  const file = { path: input.configPath, display: "openclaw.json", text: input.text, parsed: parseConfigText(input.text, "openclaw.json") };
  resolver.addRoot(file);
  try {
    resolver.resolveTree(file);
    return { resolver, error: null };
  } catch (error) {
    return { resolver, error };
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "clawdiff-budgets-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("work budgets: $include", () => {
  it("an include fan of seven small files stops at the include budget, having done bounded work", () => {
    const { resolver, error } = resolveIncludes(includeFan(7, 10));
    expect(isClawdiffError(error) && error.message).toMatch(/more than 10000 \$include uses/);
    expect(resolver.work.includeUses).toBe(MAX_INCLUDE_USES + 1);
    expect(resolver.work.nodes).toBeLessThan(200_000);
  });

  it("a modest fan (1 + 10 + 100 uses) still resolves in full", () => {
    const { resolver, error } = resolveIncludes(includeFan(3, 10));
    expect(error).toBeNull();
    expect(resolver.work.includeUses).toBe(111);
  });

  it("a 2 MiB-ish file included a thousand times exceeds the node budget, not the clock", () => {
    const big = JSON.stringify({ list: Array.from({ length: 20_000 }, (_, index) => index) });
    const files: Record<string, string> = { "openclaw.json": JSON.stringify({ agents: Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`a${index}`, { $include: "./big.json" }])) }), "big.json": big };
    const { resolver, error } = resolveIncludes(files);
    expect(isClawdiffError(error) && error.message).toMatch(/\$include expands past \d+ nodes/);
    expect(isClawdiffError(error) && error.position?.file).toBe("big.json");
    expect(resolver.work.includeUses).toBeLessThan(200);
  });

  it("diff over the include fan is a clean exit 2 naming the file", async () => {
    const before = writeState("fan-before", includeFan(7, 10));
    const after = writeState("fan-after", includeFan(7, 10));
    const result = await runInProcess(["diff", before, after]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/f\d\.json:\d+:\d+: more than 10000 \$include uses/);
  });

  it("nesting is counted across included files: a clean exit 2, no stack overflow", async () => {
    const before = writeState("deep-before", deepChain());
    const after = writeState("deep-after", deepChain());
    const result = await runInProcess(["diff", before, after]);
    expect(result.stderr).not.toContain("call stack");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/[bc]\.json: config is nested deeper than 1000 levels, counted across \$include files/);
  });
});

describe("work budgets: scanners", () => {
  it("${ repeated 1.6M times substitutes in linear time and stays literal", () => {
    const text = "${".repeat(1_600_000);
    const result = substituteString(text, () => "x");
    expect(result.text).toBe(text);
    expect(result.references).toEqual([]);
    const mixed = `${"${A".repeat(200_000)}}`;
    expect(substituteString(mixed, (name) => (name === "A" ? "v" : undefined)).text).toBe(`${"${A".repeat(199_999)}v`);
  }, 10_000);

  it("a restart deferral line with 200,000 blanks inside parses without backtracking", () => {
    const blanks = " ".repeat(200_000);
    const parsed = parseReloadMessage(`config change requires gateway restart (a.b) — deferring until${blanks}x${blanks}`);
    expect(parsed).toEqual({ status: "known", message: { kind: "restart-required", paths: ["a.b"], deferral: { mode: "deferring", detail: "x" } } });
    expect(parseReloadMessage("config change requires gateway restart (a.b) — deferring until 2 operations complete")).toEqual({
      status: "known",
      message: { kind: "restart-required", paths: ["a.b"], deferral: { mode: "deferring", detail: "2 operations" } },
    });
    const closers = parseReloadMessage(`config change detected; evaluating reload (a${")x".repeat(100_000)}`);
    expect(closers.status).toBe("unclosed");
  }, 10_000);
});

describe("work budgets: ignore patterns", () => {
  it("`**.**.…` advances a set of positions: tests are called at most patterns × segments times", () => {
    let calls = 0;
    const counting = (wanted: string): SegmentTest => (candidate) => {
      calls += 1;
      return candidate === wanted;
    };
    const tests: SegmentTest[] = [...Array.from({ length: 40 }, () => "**" as const), counting("zz")];
    const segments = Array.from({ length: 60 }, (_, index) => `s${index}`);
    expect(matchesPrefix(tests, segments)).toBe(false);
    expect(calls).toBeLessThanOrEqual(segments.length);
    expect(matchesPrefix(tests, [...segments, "zz", "below"])).toBe(true);
    const stars = compilePathPattern(`${Array.from({ length: 40 }, () => "**").join(".")}.zz`);
    expect(stars.matches([...segments, "zz"], "")).toBe(true);
    expect(stars.matches(segments, "")).toBe(false);
  });

  it("a star glob cannot backtrack: `*a*a…*c` against a long run of a's answers at once", () => {
    const glob = segmentGlob(`${"*a".repeat(40)}*c`);
    expect(glob("a".repeat(100_000))).toBe(false);
    expect(glob(`${"a".repeat(100_000)}c`)).toBe(true);
    const entry = compilePathPattern(`agents.${"*a".repeat(40)}*c`);
    expect(entry.matches(["agents", "a".repeat(5_000)], "")).toBe(false);
    expect(entry.matches(["agents", `${"a".repeat(5_000)}c`, "x"], "")).toBe(true);
    expect(segmentGlob("agent*")("agents")).toBe(true);
    expect(segmentGlob("a*b*a")("aba")).toBe(true);
    expect(segmentGlob("a*a")("a")).toBe(false);
    expect(segmentGlob("*")("")).toBe(true);
  }, 10_000);

  it("re: patterns that can backtrack exponentially are refused, ordinary ones are kept", () => {
    for (const hostile of ["^agents\\.(a+)+$", "(a*)*b", "(x+x+)+y", "(a|aa)+$", "(.*a){2,}", "(a)\\1", "(?=a)a", "a".repeat(300)]) {
      expect(regexHazard(hostile), hostile).not.toBeNull();
    }
    for (const ordinary of ["^browser\\.profiles\\.", "^plugins\\.installs\\.[^.]+\\.(installedAt|resolvedAt)$", "^agents\\.list\\.\\d+\\.heartbeat$", "(ab)?c+", "[(+)]+", "^a{2}$"]) {
      expect(regexHazard(ordinary), ordinary).toBeNull();
    }
    expect(() => compilePathPattern("re:^agents\\.(a+)+$")).toThrow(/nested quantifiers/);
  });
});
