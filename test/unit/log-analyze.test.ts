import { describe, expect, it } from "vitest";
import { analyzeEvents } from "../../src/log/analyze-events.js";
import { groupReloadEvents } from "../../src/log/group-events.js";
import { elapsedMs, parseLogTime } from "../../src/log/log-time.js";
import { parseGatewayLog } from "../../src/log/parse-log.js";
import { hintsForPath } from "../../src/log/spurious-hints.js";
import { loadCatalog, loadDefaultsFor } from "../../src/sources/catalog-store.js";

const catalog = loadCatalog("openclaw@2026.5.3").catalog;
const defaults = loadDefaultsFor(catalog.openclawVersion);
const codes = (path: string) => hintsForPath(path, defaults).map((hint) => hint.code);

describe("spurious hints from a path's shape", () => {
  it("names the known false-restart shapes and nothing else", () => {
    expect(codes("meta.lastTouchedAt")).toEqual(["WRITER_METADATA"]);
    expect(codes("plugins.installs.matrix.installedAt")).toEqual(["WRITER_METADATA"]);
    // A block above defaulted settings appears whole when a writer writes the defaults out.
    expect(codes("gateway.tailscale")).toEqual(["DEFAULT_MATERIALIZED"]);
    expect(codes("gateway.auth.token")).toEqual(["ENV_REF_FORM"]);
    expect(codes("plugins.entries.ollama.config")).toEqual(["PHANTOM_PLUGIN_CONFIG"]);
    // A defaulted leaf edited by hand is a real change.
    expect(codes("gateway.port")).toEqual([]);
    expect(codes("browser.profiles.sandbox.cdpUrl")).toEqual([]);
  });
});

describe("log timestamps", () => {
  it("reads ISO stamps with offsets and clock-only stamps; clock times wrap at midnight", () => {
    expect(parseLogTime("2026-02-07T09:12:03.441+01:00")).toEqual({ ms: Date.parse("2026-02-07T08:12:03.441Z"), hasDate: true, day: "2026-02-07" });
    expect(elapsedMs(parseLogTime("23:59:59"), parseLogTime("00:00:01"))).toBe(2000);
    expect(elapsedMs(parseLogTime("2026-05-02T11:47:55Z"), parseLogTime("11:47:57"))).toBeNull();
    expect(parseLogTime("yesterday")).toBeNull();
  });
});

describe("event analysis under a catalog", () => {
  const analyze = (log: string, proposed?: typeof catalog) =>
    analyzeEvents(groupReloadEvents(parseGatewayLog(log).records).events, { catalog, defaults, ...(proposed ? { proposed } : {}) });

  it("says which logged restarts the catalog reproduces", () => {
    const [agrees, disagrees] = analyze(
      [
        "[reload] config change detected; evaluating reload (gateway.port)",
        "[reload] config change requires gateway restart (gateway.port)",
        "[reload] config change detected; evaluating reload (meta.lastTouchedAt)",
        "[reload] config change requires gateway restart (meta.lastTouchedAt)",
      ].join("\n"),
    );
    expect(agrees).toMatchObject({ catalogAgrees: true, catalogRestartReasons: ["gateway.port"], spuriousRestart: false });
    expect(agrees!.paths[0]).toMatchObject({ logged: "restart", current: { kind: "restart", rule: { prefix: "gateway", origin: "base-tail" }, fallback: false } });
    expect(disagrees).toMatchObject({ catalogAgrees: false, catalogRestartReasons: [], spuriousRestart: true });
  });

  it("lists restart reasons the evaluation line did not (a cut-off list, a writer's reason)", () => {
    const [event] = analyze("config change requires gateway restart (gateway.bind, config.patch)");
    expect(event!.event.changedPaths).toBeNull();
    expect(event!.paths.map((item) => [item.path, item.logged])).toEqual([
      ["gateway.bind", "restart"],
      ["config.patch", "restart"],
    ]);
    expect(event!.catalogAgrees).toBeNull();
  });
});
