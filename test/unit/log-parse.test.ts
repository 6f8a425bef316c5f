import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { groupReloadEvents } from "../../src/log/group-events.js";
import { parseGatewayLog } from "../../src/log/parse-log.js";
import { parseReloadMessage } from "../../src/log/reload-messages.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/logs/${name}`, import.meta.url), "utf8");
const eventsOf = (name: string) => {
  const parsed = parseGatewayLog(fixture(name));
  return { parsed, ...groupReloadEvents(parsed.records) };
};

describe("reload messages", () => {
  it("splits the deferral suffix off the restart reasons, even with parentheses in it", () => {
    const parsed = parseReloadMessage("config change requires gateway restart (gateway.port, models.pricing) — deferring until 2 operation(s), 1 reply complete");
    expect(parsed).toEqual({
      status: "known",
      message: { kind: "restart-required", paths: ["gateway.port", "models.pricing"], deferral: { mode: "deferring", detail: "2 operation(s), 1 reply" } },
    });
  });

  it("accepts an ASCII dash where the em dash was mangled", () => {
    const parsed = parseReloadMessage("config change requires gateway restart (gateway.bind) - already waiting for operations to complete");
    expect(parsed.status === "known" && parsed.message).toMatchObject({ paths: ["gateway.bind"], deferral: { mode: "already-waiting" } });
  });

  it("2026.8+: a plugin-lifecycle evaluation has no changed config paths", () => {
    expect(parseReloadMessage("plugin metadata changed with identical config; applying plugin lifecycle")).toEqual({ status: "known", message: { kind: "evaluating", paths: [] } });
  });

  it("reports an unclosed path list so the caller can join the wrapped lines", () => {
    expect(parseReloadMessage("config change detected; evaluating reload (gateway.port,")).toEqual({ status: "unclosed", kind: "evaluating" });
  });
});

describe("gateway log corpus", () => {
  it("openclaw#76208: one restart for gateway.auth.token and gateway.tailscale, 1.6 s until ready", () => {
    const { events, restarts, parsed } = eventsOf("oc-76208-timeline.log");
    expect(parsed.malformed).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      outcome: "restart",
      time: "2026-05-02T11:47:55.604+00:00",
      changedPaths: ["gateway.auth.token", "gateway.tailscale", "agents.list", "meta.lastTouchedAt"],
      restartReasons: ["gateway.auth.token", "gateway.tailscale"],
      signal: { signal: "SIGUSR1", line: 6 },
    });
    expect(restarts).toEqual([expect.objectContaining({ events: [0], readyLine: 10, downtimeMs: 1604 })]);
  });

  it("meta.lastTouchedAt storm: every save restarts; a writer's own SIGUSR1 is kept as an unattributed restart", () => {
    const { events, restarts } = eventsOf("meta-storm.log");
    expect(events.map((event) => event.outcome)).toEqual(["signal-only", "restart", "restart", "restart", "restart"]);
    expect(events.slice(1).every((event) => event.restartReasons.join() === "meta.lastTouchedAt")).toBe(true);
    expect(restarts).toHaveLength(5);
    expect(restarts.map((restart) => restart.downtimeMs)).toEqual([1569, 1650, 1501, 1500, null]);
  });

  it("hot-only reloads, dynamic reads, and a silent no-op evaluation", () => {
    const { events, restarts } = eventsOf("hot-only.log");
    expect(events.map((event) => [event.outcome, event.changedPaths])).toEqual([
      ["hot-reload", ["agents.defaults.heartbeat.every", "cron.maxConcurrentRuns"]],
      ["none", ["skills.entries.xurl.enabled"]],
      ["none", ["meta.lastTouchedAt"]],
      ["hot-reload", ["hooks.gmail.account"]],
    ]);
    expect(events[1]!.noopPaths).toEqual(["skills.entries.xurl.enabled"]);
    expect(restarts).toEqual([]);
  });

  it("deferred restarts: wrapped paths re-joined, two evaluations carried by one signal", () => {
    const { events, restarts } = eventsOf("deferred-restart.log");
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      changedPaths: ["gateway.port", "models.pricing.openrouter", "agents.list"],
      restartReasons: ["gateway.port", "models.pricing.openrouter"],
      deferral: { mode: "deferring", detail: "2 operation(s), 1 reply" },
    });
    expect(events[1]).toMatchObject({ restartReasons: ["gateway.bind"], deferral: { mode: "already-waiting" } });
    expect(restarts).toEqual([expect.objectContaining({ events: [0, 1], downtimeMs: 2101 })]);
  });

  it("mode=off, hot mode ignoring a restart, and an invalid config", () => {
    const { events } = eventsOf("mode-off.log");
    expect(events.map((event) => event.outcome)).toEqual(["disabled", "restart-ignored", "invalid-config"]);
    expect(events[1]!.restartReasons).toEqual(["gateway.tailscale.mode"]);
    expect(events[2]!.errors).toEqual([
      "invalid config: gateway.port: Expected number, received string",
      "config reload restored last-known-good config after invalid config",
    ]);
  });

  it("JSON lines: the file log (tslog) and console JSON", () => {
    const { events, restarts, parsed } = eventsOf("json-lines.log");
    expect(parsed.malformed).toEqual([]);
    expect(parsed.records[0]).toMatchObject({ subsystem: "gateway/reload", time: "2026-04-24T08:30:00.000+00:00" });
    expect(events.map((event) => event.outcome)).toEqual(["restart", "hot-reload"]);
    expect(events[0]!.restartReasons).toEqual(["gateway.auth.token", "plugins.entries.perplexity.config.webSearch.apiKey"]);
    expect(restarts[0]!.downtimeMs).toBe(2001);
  });

  it("garbage lines are counted and skipped; colour codes, syslog prefixes and hard-wrapped paths still parse", () => {
    const { events, parsed } = eventsOf("garbage.log");
    expect(parsed.malformed.map((entry) => entry.line)).toEqual([3, 4, 13]);
    expect(events.map((event) => event.changedPaths ?? event.restartReasons)).toEqual([
      ["agents.list"],
      ["tools.exec.host"],
      ["gateway.controlUi.allowedOrigins"],
      ["gateway.auth.token", "discovery.mdns"],
    ]);
    expect(events[1]!.truncated).toBe(true);
    expect(events[2]!.outcome).toBe("restart");
    // The restart line cut off at the end of the log still counts, with the paths it did show.
    expect(events[3]).toMatchObject({ outcome: "restart", truncated: true, restartReasons: ["gateway.remote.url"] });
  });

  it("a long wrapped list that never closes stays linear (no regex backtracking blow-up)", () => {
    const paths = Array.from({ length: 3000 }, (_, index) => `p${index}`).join(",");
    const log = `[reload] config change detected; evaluating reload (a,\n${paths},x {\n`;
    const { records, malformed } = parseGatewayLog(log);
    expect(records[0]).toMatchObject({ truncated: true, message: { kind: "evaluating", paths: ["a"] } });
    expect(malformed).toEqual([]);
  });

  it("never throws on arbitrary bytes", () => {
    const noise = Array.from({ length: 2000 }, (_, index) => String.fromCharCode((index * 7919) % 256)).join("");
    expect(() => groupReloadEvents(parseGatewayLog(noise + "\n(" + noise).records)).not.toThrow();
  });
});
