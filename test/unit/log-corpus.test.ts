import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { groupReloadEvents } from "../../src/log/group-events.js";
import { parseGatewayLog } from "../../src/log/parse-log.js";

const dir = new URL("../fixtures/logs/", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, dir), "utf8");
const grouped = (path: string) => {
  const parsed = parseGatewayLog(read(path));
  return { parsed, ...groupReloadEvents(parsed.records) };
};

const INCIDENT = {
  outcome: "restart",
  changedPaths: ["gateway.auth.token", "gateway.tailscale", "agents.list", "meta.lastTouchedAt"],
  restartReasons: ["gateway.auth.token", "gateway.tailscale"],
  signal: expect.objectContaining({ signal: "SIGUSR1" }),
};

describe("the openclaw#76208 event as collectors and terminals deliver it (test/fixtures/logs/formats)", () => {
  const files = readdirSync(new URL("formats/", dir)).filter((name) => name.endsWith(".log"));

  it("covers every collector the README lists", () => {
    expect(files.sort()).toEqual([
      "docker-compose.log",
      "docker-json-driver.log",
      "docker-timestamps.log",
      "incident-paste.log",
      "journald-short-iso.log",
      "journald-short.log",
      "journald.json.log",
      "kubernetes-cri.log",
      "launchd-compact.log",
      "launchd-log-show.log",
      "pretty-ansi.log",
    ]);
  });

  for (const file of files) {
    it(`${file}: one restart with all four evaluated paths, every line read`, () => {
      const { parsed, events, restarts } = grouped(`formats/${file}`);
      expect(parsed.malformed).toEqual([]);
      // launchd's `log show` prints a column header first.
      expect(parsed.otherLines).toBe(file === "launchd-log-show.log" ? 1 : 0);
      expect(events).toEqual([expect.objectContaining(INCIDENT)]);
      expect(restarts).toHaveLength(1);
      expect(restarts[0]!.readyLine).toBeDefined();
    });
  }

  it("the paste from the issue: wrapped before the parenthesis and after a comma; 1.6 s until ready", () => {
    const { events, restarts } = grouped("formats/incident-paste.log");
    expect(events[0]).toMatchObject({ line: 1, time: "18:15:12.230", lines: [1, 3, 5] });
    expect(restarts[0]!.downtimeMs).toBe(1600);
  });

  it("collector timestamps stand in when the gateway's own line has none; the gateway's win when it has one", () => {
    expect(grouped("formats/journald.json.log").events[0]!.time).toBe("2026-05-02T18:15:12.230Z");
    expect(grouped("formats/docker-json-driver.log").events[0]!.time).toBe("2026-05-02T18:15:12.230+00:00");
    expect(grouped("formats/launchd-compact.log").events[0]!.time).toBe("2026-05-02 20:15:12.230");
  });
});

describe("every reload and restart line of each era (test/fixtures/logs/eras, cited in the README)", () => {
  const outcomes = (path: string) => grouped(path).events.map((event) => event.outcome);

  for (const era of ["2026.2.9", "2026.5.3", "2026.8.2", "2026.9.1", "2026.9.6"]) {
    it(`${era}: no line is left unread`, () => {
      const { parsed } = grouped(`eras/${era}.log`);
      expect(parsed.malformed).toEqual([]);
      expect(parsed.otherLines).toBe(0);
    });
  }

  it("2026.2.9: restart, hot, dynamic reads, mode off, hot mode ignoring, invalid config, no listener, failure, refused signal", () => {
    expect(outcomes("eras/2026.2.9.log")).toEqual(["restart", "hot-reload", "none", "disabled", "restart-ignored", "invalid-config", "restart", "error", "signal-only"]);
    const { restarts } = grouped("eras/2026.2.9.log");
    expect(restarts.map((restart) => restart.ignored)).toEqual([false, true, true]);
  });

  it("2026.5.3: a deferred restart and the one already waiting share one in-process restart", () => {
    const { events, restarts } = grouped("eras/2026.5.3.log");
    expect(events.map((event) => event.outcome)).toEqual(["restart", "restart", "skipped-by-writer", "hot-reload", "restart-ignored", "config-missing", "invalid-config"]);
    expect(events[0]!.deferral).toEqual({ mode: "deferring", detail: "1 operation(s), 1 reply" });
    expect(events[0]!.lines).toEqual([1, 2, 3, 8]);
    // Waiting and proceeding lines belong to the latest restart still waiting for its signal.
    expect(events[1]).toMatchObject({ lines: [4, 5, 6, 7, 8], deferral: { mode: "already-waiting" } });
    expect(restarts).toEqual([expect.objectContaining({ events: [0, 1], mode: "in-process restart (OPENCLAW_NO_RESPAWN)", downtimeMs: 1890 })]);
  });

  it("2026.8.2: plugin lifecycle without config paths, `— preparing`, a forced restart after the timeout", () => {
    const { events, restarts } = grouped("eras/2026.8.2.log");
    expect(events.map((event) => [event.outcome, event.changedPaths, event.deferral?.mode])).toEqual([
      ["hot-reload", [], undefined],
      ["restart", ["mcp", "mcp.apps"], "preparing"],
      ["restart", ["gateway.port"], "deferring"],
      ["restart", ["gateway.bind"], undefined],
    ]);
    expect(restarts.map((restart) => restart.mode)).toEqual(["full process restart (supervisor restart)", undefined]);
  });

  it("2026.9.6: SIGUSR2 restarts in process; an unauthorised SIGUSR2 is a refused restart", () => {
    const { events, restarts } = grouped("eras/2026.9.6.log");
    expect(events.map((event) => event.outcome)).toEqual(["restart", "invalid-config", "hot-reload", "signal-only"]);
    expect(events[0]!.signal?.signal).toBe("SIGUSR2");
    expect(restarts.map((restart) => [restart.signal, restart.ignored, restart.downtimeMs])).toEqual([
      ["SIGUSR2", false, 1201],
      ["SIGUSR2", true, null],
    ]);
  });
});

describe("lines captured from real gateways (test/fixtures/logs/real, from the gateway harness)", () => {
  const real = new URL("real/", dir);
  const files = existsSync(real) ? readdirSync(real).filter((name) => /\.(log|jsonl)$/.test(name)) : [];

  it.skipIf(files.length === 0)("every line of every captured log is read as a reload or restart line, or as another subsystem's", () => {
    for (const file of files) {
      const { parsed, events } = grouped(`real/${file}`);
      expect(parsed.malformed, file).toEqual([]);
      expect(events.length, file).toBeGreaterThan(0);
      // Reload-subsystem lines are all understood: none is left as "other".
      const reloadLines = read(`real/${file}`).split("\n").filter((line) => line.includes("gateway/reload")).length;
      const readAsReload = parsed.records.filter((record) => record.subsystem === "gateway/reload").reduce((sum, record) => sum + record.lines, 0);
      expect(readAsReload, file).toBe(reloadLines);
    }
  });
});
