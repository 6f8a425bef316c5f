import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffStates } from "../../src/index.js";
import { applyIgnoreFile, verdictWithout } from "../../src/ignore/apply.js";
import { parseIgnoreFile } from "../../src/ignore/ignore-file.js";
import { compilePathPattern } from "../../src/ignore/pattern.js";
import { ClawdiffError } from "../../src/shared/errors.js";
import { repoRoot } from "../helpers/run-cli.js";

const matches = (pattern: string, path: string, segments = path.split(".")) => compilePathPattern(pattern).matches(segments, path);
const fixture = (name: string) => `test/fixtures/ignore/${name}`;
const readIgnore = (name: string) => parseIgnoreFile(readFileSync(`${repoRoot}${fixture(name)}`, "utf8"), fixture(name));
const agentsCreate = () =>
  diffStates("examples/agents-create/before", "examples/agents-create/after", { rules: "openclaw@2026.5.3", cwd: repoRoot, processEnv: false, ignoreFile: false });

describe("ignore path patterns", () => {
  it("dotted patterns match the path and everything below it, on whole segments", () => {
    expect(matches("gateway.tailscale", "gateway.tailscale")).toBe(true);
    expect(matches("gateway.tailscale", "gateway.tailscale.mode")).toBe(true);
    expect(matches("gateway.tailscale", "gateway.tailscaleX")).toBe(false);
    expect(matches("gateway.tailscale.mode", "gateway.tailscale")).toBe(false);
  });

  it("* is one segment (or part of one), ** any number of segments", () => {
    expect(matches("meta.*", "meta.lastTouchedAt")).toBe(true);
    expect(matches("meta.*", "meta")).toBe(false);
    expect(matches("plugins.installs.*.installedAt", "plugins.installs.voice-call.installedAt")).toBe(true);
    expect(matches("channels.wh*", "channels.whatsapp.accounts")).toBe(true);
    expect(matches("**.apiKey", "plugins.entries.perplexity.config.webSearch.apiKey")).toBe(true);
    expect(matches("**.apiKey", "apiKey")).toBe(true);
  });

  it("JSON pointers name keys that contain dots", () => {
    const segments = ["agents", "defaults", "models", "claude-sonnet-4.6", "alias"];
    expect(matches("/agents/defaults/models/claude-sonnet-4.6", segments.join("."), segments)).toBe(true);
    expect(matches("/agents/defaults/models/claude-sonnet-4", segments.join("."), segments)).toBe(false);
    expect(matches("/a~1b/c~0d", "a/b.c~d", ["a/b", "c~d"])).toBe(true);
  });

  it("re: patterns test the dotted path as gateways log it", () => {
    expect(matches("re:^meta\\.", "meta.lastTouchedAt")).toBe(true);
    expect(matches("re:^meta\\.", "gateway.meta.x")).toBe(false);
  });

  it("refuses an empty dotted segment and an invalid regex", () => {
    expect(() => compilePathPattern("meta..x")).toThrow(/empty segment/);
    expect(() => compilePathPattern("re:(")).toThrow(/invalid regular expression/);
  });
});

describe("ignore files", () => {
  it("records where each entry is written", () => {
    const ignore = readIgnore("accept-writer-noise.json5");
    expect(ignore.entries.map((entry) => entry.ref)).toEqual([
      { path: "meta.*", reason: "writers restamp meta on every save", file: fixture("accept-writer-noise.json5"), line: 4, column: 5 },
      {
        path: "/gateway/tailscale",
        reason: "materialized defaults, tracked in openclaw#76208",
        until: "2999-12-31",
        file: fixture("accept-writer-noise.json5"),
        line: 5,
        column: 5,
      },
    ]);
  });

  it("names the file, line and JSON path of an invalid entry", () => {
    expect(() => readIgnore("invalid-until.json5")).toThrow(ClawdiffError);
    try {
      readIgnore("invalid-until.json5");
    } catch (error) {
      expect((error as ClawdiffError).format()).toMatch(/^test\/fixtures\/ignore\/invalid-until\.json5:4:\d+: invalid ignore file: \/ignore\/1\/until must match pattern/);
    }
    expect(() => parseIgnoreFile('{ ignore: [{ path: "a", reason: "r", until: "2026-02-31" }] }', "x.json5")).toThrow(/not a calendar date/);
    expect(() => parseIgnoreFile('{ ignore: [{ path: "a" }] }', "x.json5")).toThrow(/must have required property 'reason'/);
  });
});

describe("applying an ignore file to a report", () => {
  it("suppresses matching changes and computes the verdict without them", () => {
    const report = agentsCreate();
    const { suppressed, ignore } = applyIgnoreFile(report, readIgnore("accept-writer-noise.json5"), "2026-11-25");
    expect(suppressed.map((change) => [change.path, change.entry.path])).toEqual([
      ["meta.lastTouchedAt", "meta.*"],
      ["gateway.tailscale", "/gateway/tailscale"],
    ]);
    expect(report.summary.verdict).toBe("restart");
    expect(ignore.effectiveVerdict).toBe("hot-reload");
    expect(ignore.stale).toEqual([]);
  });

  it("reports entries that matched nothing as stale", () => {
    const { ignore } = applyIgnoreFile(agentsCreate(), readIgnore("stale.json5"), "2026-11-25");
    expect(ignore.stale.map((entry) => entry.path)).toEqual(["re:^browser\\.profiles\\."]);
    expect(ignore.effectiveVerdict).toBe("restart");
  });

  it("skips expired entries (until is inclusive) and lists them", () => {
    const ignore = readIgnore("expired.json5");
    const onTheDay = applyIgnoreFile(agentsCreate(), ignore, "2000-01-01");
    expect(onTheDay.ignore.expired).toEqual([]);
    expect(onTheDay.ignore.effectiveVerdict).toBe("hot-reload");
    const after = applyIgnoreFile(agentsCreate(), ignore, "2000-01-02");
    expect(after.ignore.expired.map((entry) => entry.path)).toEqual(["gateway.tailscale"]);
    expect(after.suppressed.map((change) => change.path)).toEqual(["meta.lastTouchedAt"]);
    expect(after.ignore.effectiveVerdict).toBe("restart");
    // An expired entry is not also stale: the warning says why it did nothing.
    expect(after.ignore.stale).toEqual([]);
  });

  it("keeps the reload mode's say over what remains", () => {
    const report = agentsCreate();
    const offReport = { ...report, reloadMode: { mode: "off", source: "config" } };
    expect(verdictWithout(offReport, new Set(["meta.lastTouchedAt"]))).toBe("disabled");
    expect(verdictWithout(report, new Set(report.changedPaths))).toBe("no-change");
    expect(verdictWithout(report, new Set(["agents.list", "gateway.tailscale"]))).toBe("none");
  });
});
