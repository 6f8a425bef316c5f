import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeControls } from "../../src/shared/display-text.js";
import { runInProcess } from "../helpers/run-cli.js";

/**
 * Text from data never reaches a terminal or a CI log as a control: a
 * config key that carries a line break and a workflow command, values
 * with ESC sequences, C1 controls, line separators and bidi overrides, a
 * lint fixture directory and a gateway log line doing the same. Every
 * text format must print them as visible escapes, and no line may start a
 * GitHub Actions workflow command except the github format's own.
 */
const INJECTION = "::error file=README.md,line=1::INJECTED";
const HOSTILE_KEY = `x\n${INJECTION}`;
const HOSTILE_VALUE = (side: string) => `v-${side}\u001b]0;pwned\u0007\u001b[31m\r\u009b2J\u2028\u202eevil\u2066`;
/** Anything but the line feed that separates a format's own lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;

let root: string;

function hostileConfig(side: string): string {
  const mappings = { [HOSTILE_KEY]: side === "before" ? 1 : 2, [`esc\u001b[2Jkey`]: HOSTILE_VALUE(side) };
  return JSON.stringify({ gateway: { port: 18789 }, hooks: { enabled: true, mappings: [{ id: `hook\u001b[1m\n${INJECTION}`, action: side }], presets: mappings }, [`${HOSTILE_KEY}top`]: side }, null, 2);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "clawdiff-escaping-"));
  for (const side of ["before", "after"]) {
    mkdirSync(join(root, side));
    writeFileSync(join(root, side, "openclaw.json"), hostileConfig(side));
  }
  const fixtureDir = join(root, "lint", `evil\u001b[31m\n${INJECTION}`);
  mkdirSync(fixtureDir, { recursive: true });
  writeFileSync(join(fixtureDir, "fixture.json5"), JSON.stringify({ before: "../../before", after: "../../after", expect: { restart: true, paths: { [`hooks.presets.${HOSTILE_KEY}`]: "restart" } } }));
  writeFileSync(
    join(root, "gateway.log"),
    [
      "2026-05-02T11:47:41.902+00:00 [gateway] gateway ready",
      `2026-05-02T11:47:55.604+00:00 [reload] config change detected; evaluating reload (hooks.presets.esc\u001b[2Jkey, x\u2028${INJECTION})`,
      `2026-05-02T11:47:55.606+00:00 [reload] config hot reload applied (hooks.presets.esc\u001b[2Jkey)\u001b]0;pwned\u0007`,
    ].join("\n"),
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Lines a GitHub runner would execute: `::` after leading blanks. */
const commandLines = (text: string) => text.split("\n").filter((line) => line.trimStart().startsWith("::"));
const rawControls = (text: string) => text.split("\n").filter((line) => RAW_CONTROL.test(line)).map((line) => JSON.stringify(line).slice(0, 160));

const RUNS: { label: string; args: string[]; workflowCommands?: true }[] = [
  ...["table", "brief", "markdown", "junit"].map((format) => ({ label: `diff --format ${format}`, args: ["diff", "before", "after", "--format", format] })),
  { label: "diff --format github", args: ["diff", "before", "after", "--format", "github"], workflowCommands: true },
  { label: "diff --proposed table", args: ["diff", "before", "after", "--proposed", "openclaw@2026.5.3"] },
  { label: "explain the hostile key", args: ["explain", "before", "after", `hooks.presets.${HOSTILE_KEY}`] },
  { label: "explain the array", args: ["explain", "before", "after", "hooks.mappings"] },
  { label: "explain a top-level hostile key", args: ["explain", "before", "after", `${HOSTILE_KEY}top`] },
  { label: "lint text", args: ["lint", "lint", "--fixture-root", "."] },
  { label: "lint junit", args: ["lint", "lint", "--fixture-root", ".", "--format", "junit"] },
  { label: "log text", args: ["log", "gateway.log", "--state", "after", "--before", "before"] },
];

describe("output escaping", () => {
  it("the hostile data reaches the output (so its escaping is what the other tests see)", async () => {
    const result = await runInProcess(["diff", "before", "after", "--format", "json"], {}, root);
    expect(result.stdout).toContain(JSON.stringify(HOSTILE_KEY).slice(1, -1));
    const brief = await runInProcess(["diff", "before", "after", "--brief"], {}, root);
    expect(brief.stdout).toContain(`hooks.presets.x\\n${INJECTION}`);
    expect(brief.stdout).toContain("esc\\x1b[2Jkey");
  });

  for (const run of RUNS) {
    it(`${run.label}: no raw control characters and no injected workflow command`, async () => {
      const result = await runInProcess(run.args, {}, root);
      expect(result.code, result.stderr).not.toBe(2);
      const text = result.stdout + result.stderr;
      expect(rawControls(text)).toEqual([]);
      if (!run.workflowCommands) expect(commandLines(text)).toEqual([]);
      else {
        // Each line is one of the format's own commands; the injected one never starts a line of its own.
        for (const line of text.trimEnd().split("\n")) expect(line).toMatch(/^::(error|warning|notice) /);
        expect(text.split("\n").filter((line) => line.startsWith("::error file=README.md"))).toEqual([]);
        expect(text).not.toMatch(/%0A::error file=README\.md/);
      }
    });
  }

  it("an error line quoting data is escaped too", async () => {
    const result = await runInProcess(["explain", "before", "after", `a..b\u001b[2J\n${INJECTION}`], {}, root);
    expect(result.code).toBe(2);
    expect(rawControls(result.stderr)).toEqual([]);
    expect(commandLines(result.stderr)).toEqual([]);
  });

  it("escapes every class of unsafe character visibly, and escaping twice changes nothing", () => {
    const text = "a\nb\rc\td\u001be\u007ff\u009bg\u2028h\u2029i\u202ej\u2066k\u200el\ufeffm";
    expect(escapeControls(text)).toBe("a\\nb\\rc\\td\\x1be\\x7ff\\x9bg\\u2028h\\u2029i\\u202ej\\u2066k\\u200el\\ufeffm");
    expect(escapeControls(escapeControls(text))).toBe(escapeControls(text));
    expect(escapeControls("plain → text ✓")).toBe("plain → text ✓");
  });
});
