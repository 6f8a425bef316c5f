import { describe, expect, it } from "vitest";
import { EXIT, exitCodeFor, lintExitCode, parseFailOn, type ExitPolicy } from "../../src/cli/exit-codes.js";
import { diffStates, type DiffReport } from "../../src/index.js";
import { repoRoot } from "../helpers/run-cli.js";

const diff = (name: string, extra: { proposed?: string; ignoreFile?: string } = {}) =>
  diffStates(`examples/${name}/before`, `examples/${name}/after`, { rules: "openclaw@2026.5.3", cwd: repoRoot, processEnv: false, ignoreFile: false, ...extra });
const policy = (...failOn: string[]): ExitPolicy => ({ failOn: parseFailOn(failOn), exitCode: "contract" });

const restart = diff("token-rotation");
const hot = diff("heartbeat-edit");
const unchanged = diffStates("examples/heartbeat-edit/after", "examples/heartbeat-edit/after", { cwd: repoRoot, ignoreFile: false });
const drift = diff("browser-profile", { proposed: "examples/proposed/browser-profiles-hot.json5" });

describe("--fail-on parsing", () => {
  it("defaults to any: restart, hot and invalid", () => {
    expect([...parseFailOn([])]).toEqual(["restart", "hot", "invalid"]);
    expect([...parseFailOn(["any"])]).toEqual(["restart", "hot", "invalid"]);
  });

  it("accepts repeats and comma lists", () => {
    expect([...parseFailOn(["restart,drift", "stale-ignore"])]).toEqual(["restart", "drift", "stale-ignore"]);
  });

  it("never means nothing fails, and refuses company", () => {
    expect(parseFailOn(["never"]).size).toBe(0);
    expect(() => parseFailOn(["never,restart"])).toThrow(/cannot be combined/);
    expect(() => parseFailOn(["restarts"])).toThrow(/unknown result 'restarts'/);
  });
});

describe("exit codes for results", () => {
  it("default contract: 0 no change, 1 changes without restart, 3 restart", () => {
    expect(exitCodeFor(unchanged)).toBe(EXIT.noChange);
    expect(exitCodeFor(hot)).toBe(EXIT.changedNoRestart);
    expect(exitCodeFor(restart)).toBe(EXIT.restart);
  });

  it("drift is not a failure unless asked for, then it outranks a restart", () => {
    expect(drift.summary.drift).toBe(true);
    expect(exitCodeFor(drift)).toBe(EXIT.restart);
    expect(exitCodeFor(drift, policy("drift"))).toBe(EXIT.drift);
    expect(exitCodeFor(drift, policy("any,drift"))).toBe(EXIT.drift);
    expect(exitCodeFor(restart, policy("drift"))).toBe(EXIT.noChange);
  });

  it("restart and hot select their own results only", () => {
    expect(exitCodeFor(hot, policy("restart"))).toBe(EXIT.noChange);
    expect(exitCodeFor(restart, policy("restart"))).toBe(EXIT.restart);
    expect(exitCodeFor(restart, policy("hot"))).toBe(EXIT.noChange);
    expect(exitCodeFor(hot, policy("hot"))).toBe(EXIT.changedNoRestart);
  });

  it("--exit-code none and --fail-on never exit 0 on any result", () => {
    for (const report of [restart, hot, drift]) {
      expect(exitCodeFor(report, { failOn: parseFailOn(["any,drift"]), exitCode: "none" })).toBe(0);
      expect(exitCodeFor(report, policy("never"))).toBe(0);
    }
  });

  it("counts only unsuppressed changes", () => {
    const accepted = diff("agents-create", { ignoreFile: "test/fixtures/ignore/accept-writer-noise.json5" });
    expect(accepted.summary.verdict).toBe("restart");
    expect(exitCodeFor(accepted)).toBe(EXIT.changedNoRestart);
    const everything: DiffReport = { ...accepted, ignore: { ...accepted.ignore!, effectiveVerdict: "no-change" } };
    expect(exitCodeFor(everything)).toBe(EXIT.noChange);
  });

  it("stale ignore entries fail only with --fail-on stale-ignore", () => {
    const stale = diff("agents-create", { ignoreFile: "test/fixtures/ignore/stale.json5" });
    expect(exitCodeFor(stale, policy("hot"))).toBe(EXIT.noChange);
    expect(exitCodeFor(stale, policy("hot,stale-ignore"))).toBe(EXIT.changedNoRestart);
    expect(exitCodeFor(stale, policy("stale-ignore,restart"))).toBe(EXIT.restart);
  });
});

describe("lint exit codes", () => {
  it("0 all pass, 1 a failure, 2 an error", () => {
    expect(lintExitCode({ failed: 0, errors: 0 })).toBe(0);
    expect(lintExitCode({ failed: 2, errors: 0 })).toBe(1);
    expect(lintExitCode({ failed: 2, errors: 1 })).toBe(2);
  });
});
