import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import catalogSchema from "../../schemas/catalog.schema.json" with { type: "json" };
import configKeysSchema from "../../schemas/config-keys.schema.json" with { type: "json" };
import pluginRulesSchema from "../../schemas/plugin-rules.schema.json" with { type: "json" };
import { configIssues, issueLine } from "../../src/rules/config-keys.js";
import { decidePlugin, decidePlugins } from "../../src/rules/plugin-activation.js";
import { composeWithPlugins, type BundledPlugin, type PluginRulesTable } from "../../src/rules/plugin-rules.js";
import { chooseVersion, describeVersionSource } from "../../src/rules/version-choice.js";
import { loadConfigKeysFor } from "../../src/sources/config-keys-store.js";
import { findInstalledOpenclaw } from "../../src/sources/openclaw-install.js";
import { bundledCatalog } from "../helpers/catalogs.js";
import { repoRoot } from "../helpers/run-cli.js";

const readJson = <T>(path: string): T => JSON.parse(readFileSync(`${repoRoot}${path}`, "utf8")) as T;
const table = (id: string) => readJson<PluginRulesTable>(`schemas/plugin-rules/${id}.json`);
const pluginTables = readdirSync(`${repoRoot}schemas/plugin-rules`).filter((name) => name.endsWith(".json"));
const keyTables = readdirSync(`${repoRoot}schemas/config-keys`).filter((name) => name.endsWith(".json"));

describe("bundled plugin rules and config-key tables", () => {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true });
  ajv.addSchema(catalogSchema);
  const validatePlugins = ajv.compile(pluginRulesSchema);
  const validateKeys = ajv.compile(configKeysSchema);

  it("ship a table for 2026.5.3, 2026.9.6 and one version of every era from 2026.3.24 on", () => {
    for (const id of ["openclaw@2026.3.24", "openclaw@2026.5.3", "openclaw@2026.7.2-beta.7", "openclaw@2026.8.2", "openclaw@2026.9.6"]) {
      expect(pluginTables).toContain(`${id}.json`);
    }
    expect(keyTables.length).toBe(readdirSync(`${repoRoot}schemas/catalogs`).length);
  });

  it.each(pluginTables)("schemas/plugin-rules/%s validates and, with no plugin loaded, is its bundled catalog", (name) => {
    const data = table(name.replace(/\.json$/, ""));
    expect(validatePlugins(data), JSON.stringify(validatePlugins.errors)).toBe(true);
    const catalog = bundledCatalog(data.catalog);
    expect(composeWithPlugins(catalog, data, new Set()).rules).toEqual(catalog.rules);
  });

  it.each(keyTables)("schemas/config-keys/%s validates", (name) => {
    expect(validateKeys(readJson(`schemas/config-keys/${name}`)), JSON.stringify(validateKeys.errors)).toBe(true);
  });
});

describe("composing a catalog with the loaded plugins", () => {
  const catalog = bundledCatalog("openclaw@2026.9.6");
  const data = table("openclaw@2026.9.6");
  const ruleFor = (loaded: string[], prefix: string) => composeWithPlugins(catalog, data, new Set(loaded)).rules.find((rule) => rule.prefix === prefix);

  it("keeps a plugin's rules only while it is loaded", () => {
    expect(ruleFor(["telegram"], "channels.telegram")).toMatchObject({ kind: "hot", actions: ["restart-channel:telegram"], plugin: "telegram" });
    expect(ruleFor([], "channels.telegram")).toBeUndefined();
  });

  it("restarts only the loaded channels through a shared channel rule, and none makes it a no-op", () => {
    expect(ruleFor(["telegram"], "channels.defaults")).toMatchObject({ kind: "hot", actions: ["restart-channel:telegram"] });
    expect(ruleFor(["a2a", "telegram"], "channels.defaults")?.actions).toEqual(["restart-channel:a2a", "restart-channel:telegram"]);
    expect(ruleFor([], "channels.defaults")).toMatchObject({ kind: "none" });
    expect(ruleFor([], "channels.defaults")?.actions).toBeUndefined();
  });

  it("keeps the list era's shared rule hot without channels (2026.8.2 lists it as hot with one action per channel)", () => {
    const listCatalog = bundledCatalog("openclaw@2026.8.2");
    const listRules = (loaded: string[]) => composeWithPlugins(listCatalog, table("openclaw@2026.8.2"), new Set(loaded)).rules;
    expect(listRules([]).find((rule) => rule.prefix === "agents.defaults.mediaMaxMb")).toMatchObject({ kind: "hot" });
    expect(listRules(["telegram"]).find((rule) => rule.prefix === "agents.defaults.mediaMaxMb")?.actions).toEqual(["restart-channel:telegram"]);
  });

  it("keeps overlay rules on top", () => {
    const overlaid = { ...catalog, id: `${catalog.id}+mine`, overlayRuleCount: 1, rules: [{ prefix: "channels.telegram", kind: "none" as const, origin: "overlay" }, ...catalog.rules] };
    expect(composeWithPlugins(overlaid, data, new Set(["telegram"])).rules[0]).toEqual(overlaid.rules[0]);
  });
});

describe("which bundled plugins a config loads", () => {
  const plugins = table("openclaw@2026.5.3").plugins;
  const loaded = (config: unknown) => decidePlugins(plugins, config).filter((decision) => decision.loaded).map((decision) => decision.id);
  const telegram = { channels: { telegram: { botToken: "x" } } };

  it("loads a configured channel and the default-enabled browser, and nothing else, on a stock config", () => {
    expect(loaded(telegram)).toEqual(["browser", "telegram"]);
    expect(loaded({})).toEqual(["browser"]);
  });

  it("counts a channel as configured only with more than `enabled`, and never when disabled", () => {
    expect(loaded({ channels: { telegram: { enabled: true } } })).toEqual(["browser"]);
    expect(loaded({ channels: { telegram: { enabled: false, botToken: "x" } } })).toEqual(["browser"]);
  });

  it("honours plugins.enabled, plugins.deny and disabled entries", () => {
    expect(loaded({ ...telegram, plugins: { enabled: false } })).toEqual([]);
    expect(loaded({ ...telegram, plugins: { deny: ["telegram"] } })).toEqual(["browser"]);
    expect(loaded({ ...telegram, plugins: { entries: { browser: { enabled: false } } } })).toEqual(["telegram"]);
  });

  it("lets plugins.allow keep out a default plugin but not a configured bundled channel", () => {
    expect(loaded({ ...telegram, plugins: { allow: ["slack"] } })).toEqual(["telegram"]);
  });

  it("starts a plugin whose activation config path is set even when it is off by default", () => {
    const browser: BundledPlugin = { ...plugins.find((plugin) => plugin.id === "browser")!, enabledByDefault: false };
    expect(decidePlugin(browser, {})).toMatchObject({ loaded: false, reason: "bundled, disabled by default" });
    expect(decidePlugin(browser, { browser: { headless: true } })).toMatchObject({ loaded: true, reason: "configured (browser)" });
    expect(decidePlugin(browser, { browser: { enabled: false } }).loaded).toBe(false);
  });

  it("says why", () => {
    expect(decidePlugins(plugins, telegram).find((decision) => decision.id === "slack")).toEqual({ id: "slack", kind: "channel", loaded: false, reason: "channel not configured (channels.slack)" });
  });
});

describe("the version a run judges by", () => {
  const installed = { version: "2026.4.2", via: "PATH", packageJson: "/opt/openclaw/package.json" };

  it("takes meta.lastTouchedVersion of the after side, then the before side, then the installed package, then latest", () => {
    expect(chooseVersion({ stamped: { after: "2026.5.3", before: "2026.2.9" }, installed })).toEqual({ spec: "openclaw@2026.5.3", source: { from: "meta.lastTouchedVersion", side: "after" } });
    expect(chooseVersion({ stamped: { before: "2026.2.9" }, installed }).source).toEqual({ from: "meta.lastTouchedVersion", side: "before" });
    expect(chooseVersion({ stamped: { after: "not a version" }, installed }).spec).toBe("openclaw@2026.4.2");
    expect(chooseVersion({})).toEqual({ spec: "latest", source: { from: "latest" } });
  });

  it("names where the version came from", () => {
    expect(describeVersionSource("2026.5.3", { from: "meta.lastTouchedVersion", side: "after" })).toBe("version 2026.5.3 from meta.lastTouchedVersion of the after side");
  });

  it("finds the openclaw on PATH through its symlink, and in a global npm root", () => {
    const root = mkdtempSync(join(tmpdir(), "clawdiff-installed-"));
    const pkg = join(root, "prefix", "lib", "node_modules", "openclaw");
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "openclaw", version: "2026.8.2" }));
    writeFileSync(join(pkg, "openclaw.mjs"), "");
    mkdirSync(join(root, "bin"));
    symlinkSync(join(pkg, "openclaw.mjs"), join(root, "bin", "openclaw"));
    expect(findInstalledOpenclaw({ PATH: join(root, "bin") }, join(root, "none"))).toEqual({ version: "2026.8.2", packageJson: join(pkg, "package.json"), via: "PATH" });
    expect(findInstalledOpenclaw({ PATH: "", npm_config_prefix: join(root, "prefix") }, join(root, "none"))?.via).toBe("npm global root");
    expect(findInstalledOpenclaw({ PATH: "" }, join(root, "none"))).toBeNull();
  });
});

describe("what a version's schema rejects", () => {
  const v96 = loadConfigKeysFor("2026.9.6")!;
  const v53 = loadConfigKeysFor("2026.5.3")!;
  const lines = (config: unknown, keys = v96) => configIssues(config, keys).map(issueLine);

  it("rejects a typo'd top-level key", () => {
    expect(lines({ gateway: {}, gatewy: {} })).toEqual(['<root>: Unrecognized key: "gatewy"']);
    expect(lines({ gateway: {}, gatewy: {} }, v53)).toEqual(['<root>: Unrecognized key: "gatewy"']);
  });

  it("rejects gateway.reload.debounceMs and meta.lastTouchedAt on 2026.9.6, not on 2026.5.3", () => {
    const config = { meta: { lastTouchedAt: "2026-09-01T00:00:00Z" }, gateway: { reload: { debounceMs: 500 } } };
    expect(lines(config)).toEqual(['meta: Unrecognized key: "lastTouchedAt"', 'gateway.reload: Unrecognized key: "debounceMs"']);
    expect(lines(config, v53)).toEqual([]);
  });

  it("rejects a reload mode the version retired, but not an unresolved ${VAR}", () => {
    expect(lines({ gateway: { reload: { mode: "hot" } } })).toEqual(['gateway.reload.mode: Invalid input: expected one of "off", "hybrid"']);
    expect(lines({ gateway: { reload: { mode: "hot" } } }, v53)).toEqual([]);
    expect(lines({ gateway: { reload: { mode: "${MODE}" } } })).toEqual([]);
  });

  it("groups several unknown keys of one object as zod does", () => {
    expect(configIssues({ a: 1, b: 2 }, v96)).toEqual([{ path: "", keys: ["a", "b"], message: 'Unrecognized keys: "a", "b"' }]);
  });
});
