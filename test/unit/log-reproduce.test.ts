import { describe, expect, it } from "vitest";
import type { ReloadEvent } from "../../src/log/group-events.js";
import { describeSettings, groupVersions, reproduceEvent, type SettingOutcome, type VersionGroup } from "../../src/log/reproduce.js";

const groups: VersionGroup[] = groupVersions([
  { version: "2026.4.23", catalog: "openclaw@2026.4.24", key: "a" },
  { version: "2026.4.22", catalog: "openclaw@2026.4.24", key: "a" },
  { version: "2026.4.24", catalog: "openclaw@2026.4.24", key: "b" },
  { version: "2026.5.3", catalog: "openclaw@2026.5.3", key: "b" },
]);

const event = (changedPaths: string[] | null, outcome: ReloadEvent["outcome"], restartReasons: string[]): ReloadEvent => ({
  index: 0,
  line: 1,
  outcome,
  changedPaths,
  restartReasons,
  hotReasons: [],
  noopPaths: [],
  errors: [],
  lines: [1],
  truncated: false,
});

const outcome = (group: VersionGroup, trigger: "watcher" | "write", env: "dotenv" | "none", changedPaths: string[], restartReasons: string[]): SettingOutcome => ({
  setting: { group, trigger, env },
  ok: true,
  changedPaths,
  restartReasons,
  restart: restartReasons.length > 0,
});

describe("reproduce search", () => {
  it("groups consecutive versions with the same catalog and key, labelled as ranges", () => {
    expect(groups.map((group) => [group.label, group.catalog])).toEqual([
      ["2026.4.22–4.23", "openclaw@2026.4.24"],
      ["2026.4.24", "openclaw@2026.4.24"],
      ["2026.5.3", "openclaw@2026.5.3"],
    ]);
  });

  it("describes a set of settings by env and trigger, merging neighbouring version groups", () => {
    const settings = [groups[0]!, groups[1]!, groups[2]!].flatMap((group) => (["watcher", "write"] as const).map((trigger) => ({ group, trigger, env: "none" as const })));
    expect(describeSettings(settings, groups, ["watcher", "write"], 2)).toBe("no env (${VAR} unresolved), any trigger: 2026.4.22–5.3");
    expect(describeSettings([{ group: groups[0]!, trigger: "write", env: "dotenv" }, { group: groups[2]!, trigger: "write", env: "dotenv" }], groups, ["watcher", "write"], 2)).toBe(
      "env from the state's .env, trigger write: 2026.4.22–4.23, 2026.5.3",
    );
  });

  it("ranks: exact paths and decision reproduce; the others say what they miss, add and decide", () => {
    const logged = event(["gateway.auth.token", "agents.list"], "restart", ["gateway.auth.token"]);
    const result = reproduceEvent(
      logged,
      [
        outcome(groups[0]!, "write", "none", ["gateway.auth.token", "agents.list"], ["gateway.auth.token"]),
        outcome(groups[1]!, "watcher", "dotenv", ["agents.list"], []),
        outcome(groups[2]!, "watcher", "dotenv", ["gateway.auth.token", "agents.list", "meta.lastTouchedAt"], []),
      ],
      groups,
    );
    expect(result.reproducing.map((verdict) => verdict.setting.group.label)).toEqual(["2026.4.22–4.23"]);
    expect(result.closest.map((verdict) => verdict.why)).toEqual(["does not report gateway.auth.token; does not restart", "also reports meta.lastTouchedAt; does not restart"]);
    expect(result.narrowedPaths).toEqual([{ path: "gateway.auth.token", reportedBy: 2, summary: "no env (${VAR} unresolved), trigger write: 2026.4.22–4.23; env from the state's .env, trigger watcher: 2026.5.3" }]);
    expect(result.unexplained).toEqual([]);
  });

  it("a logged path no setting reports is named", () => {
    const result = reproduceEvent(event(["tools.exec.host"], "hot-reload", []), [outcome(groups[0]!, "watcher", "dotenv", [], [])], groups);
    expect(result.unexplained).toEqual(["tools.exec.host"]);
    expect(result.reproducing).toEqual([]);
  });
});
