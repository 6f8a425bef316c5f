import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importCatalog } from "../../src/rules/import/import-catalog.js";
import { openPackage } from "../../src/sources/package-reader.js";
import { validateCatalog } from "../../src/rules/load-catalog.js";
import { ClawdiffError } from "../../src/shared/errors.js";

const fixture = (name: string) => openPackage(new URL(`../fixtures/openclaw-dist/${name}`, import.meta.url).pathname);
const summary = (rules: { prefix: string; kind: string; origin: string }[]) => rules.map((rule) => `${rule.prefix} ${rule.kind} ${rule.origin}`);

describe("rules import: ordered-list era", () => {
  const { catalog, declared } = importCatalog(fixture("list-era"), { plugins: "all" });

  it("keeps the planner's order: base head, plugin, channel, base tail; first match wins", () => {
    expect(catalog.matching).toBe("first-match");
    expect(summary(catalog.rules)).toEqual([
      "gateway.remote none base",
      "hooks.gmail hot base",
      "hooks hot base",
      "browser restart plugin:browser",
      "browser.profiles hot plugin:browser",
      "channels.telegram hot channel:telegram",
      "channels.telegram.dmPolicy none channel:telegram",
      "channels.telegram.allowFrom none channel:telegram",
      "meta none base-tail",
      "plugins hot base-tail",
      "gateway restart base-tail",
    ]);
    expect(catalog.rules.find((rule) => rule.prefix === "channels.telegram")).toMatchObject({ actions: ["restart-channel:telegram"], plugin: "telegram" });
  });

  it("reads the action switch, the channel prefix, implications, modes, debounce and install stamps", () => {
    expect(catalog.actions).toEqual({
      flags: { "reload-hooks": "reloadHooks", "restart-gmail-watcher": "restartGmailWatcher", "reload-plugins": "reloadPlugins" },
      channelPrefix: "restart-channel:",
      implies: { restartGmailWatcher: ["reloadHooks"] },
    });
    expect(catalog.reloadModes).toEqual(["hybrid", "off", "restart", "hot"]);
    expect(catalog.defaultDebounceMs).toBe(300);
    expect(catalog.installRecordNoop).toEqual({ recordsPath: "plugins.installs", timestampKeys: ["installedAt", "resolvedAt"] });
    expect(() => validateCatalog(catalog, "imported")).not.toThrow();
  });

  it("finds channel declarations (ids through constants) and plugin registrations imported from another chunk, not services", () => {
    expect(declared.channels.map((channel) => channel.id)).toEqual(["telegram"]);
    expect(declared.plugins).toEqual([expect.objectContaining({ id: "browser", restartPrefixes: ["browser"], hotPrefixes: ["browser.profiles"], file: "dist/extensions/browser/index.js" })]);
  });

  it("loads no plugins unless asked: base rules only", () => {
    const base = importCatalog(fixture("list-era")).catalog;
    expect(base.rules.every((rule) => rule.origin.startsWith("base"))).toBe(true);
    expect(base.source.generatedBy).toContain("base rules");
  });

  it("reads unminified chunks too (2026.1.x ships tsc output): a block-bodied implication", () => {
    const files = fixture("list-era");
    const plannerFile = "dist/config-reload-plan-Ab12Cd.js";
    const unminified = files.read(plannerFile)!.replace("if (plan.restartGmailWatcher) plan.reloadHooks = true;", "if (plan.restartGmailWatcher) {\n    plan.reloadHooks = true;\n}");
    expect(unminified).toContain("{\n    plan.reloadHooks");
    const inMemory = { paths: files.paths, read: (path: string) => (path === plannerFile ? unminified : files.read(path)) };
    expect(importCatalog(inMemory).catalog.actions.implies).toEqual({ restartGmailWatcher: ["reloadHooks"] });
  });
});

describe("rules import: policy era", () => {
  const { catalog } = importCatalog(fixture("policy-era"));

  it("expands policies and sorts them most specific first, wildcards after exact prefixes", () => {
    expect(catalog.matching).toBe("longest-prefix");
    expect(catalog.rules.map((rule) => rule.prefix)).toEqual([
      "agents.entries.*.decisionModel",
      "gateway.auth.token",
      "gateway.auth.password",
      "gateway.reload",
      "agents.entries",
      "channels.defaults",
      "messages.inbound",
      "hooks",
      "meta",
      "agents",
      "messages",
      "plugins",
      "gateway",
    ]);
    expect(catalog.rules[0]).toMatchObject({ kind: "hot", actions: ["restartHeartbeat", "reloadPlugins"], origin: "core" });
  });

  it("turns credential paths into conditional hot rules and uses flag names as actions", () => {
    expect(catalog.rules.find((rule) => rule.prefix === "gateway.auth.token")).toMatchObject({
      kind: "hot",
      condition: { authModeStable: { hotModes: ["token", "password"], passwordEnv: "OPENCLAW_GATEWAY_PASSWORD" }, otherwiseKind: "restart" },
    });
    expect(catalog.actions.flags).toEqual({ reloadHooks: "reloadHooks", restartHeartbeat: "restartHeartbeat", reloadPlugins: "reloadPlugins" });
    expect(catalog.reloadModes).toEqual(["hybrid", "off"]);
    expect(catalog.defaultDebounceMs).toBe(250);
    expect(catalog.installRecordNoop).toBeUndefined();
  });

  it("shared channel prefixes are none while no channel is loaded", () => {
    expect(catalog.rules.find((rule) => rule.prefix === "channels.defaults")).toMatchObject({ kind: "none", origin: "channel-shared" });
  });
});

describe("rules import: diff eras", () => {
  it("list era: arrays compared element by element with ===, install records in the config, no boundaries", () => {
    expect(importCatalog(fixture("list-era")).catalog.diff).toEqual({ arrays: "element-identity", installRecords: "in-config" });
  });

  it("policy era: refinement by every rule with the decisionModel expansion, the boundary projection, the install index diffed beside", () => {
    expect(importCatalog(fixture("policy-era")).catalog.diff).toEqual({
      arrays: "deep-equal",
      installRecords: "beside-config",
      boundaries: { when: "always", dedupe: true, leaves: [{ path: ["mcp", "apps"], from: ["mcp", "apps"] }] },
      refinement: { from: "all-rules", expand: [{ prefix: "agents.entries.*.decisionModel", collection: ["agents", "entries"], key: "decisionModel" }] },
    });
  });
});

/** A fixture package with one dist file's text rewritten. */
function altered(name: string, file: string, from: string | RegExp, to: string) {
  const files = fixture(name);
  return {
    paths: files.paths,
    read: (path: string) => {
      const text = files.read(path);
      if (path !== file || text === undefined) return text;
      const next = text.replace(from, to);
      if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
      return next;
    },
  };
}

const importError = (files: ReturnType<typeof altered>) => {
  try {
    importCatalog(files);
  } catch (error) {
    if (error instanceof ClawdiffError) return error.format();
    throw error;
  }
  return "no error";
};

describe("rules import: unrecognised diff shapes fail loudly", () => {
  it("an array comparison that is neither deep equality nor element identity", () => {
    expect(importError(altered("list-era", "dist/config-reload-plan-Ab12Cd.js", "val === next[idx]", "sameValue(val, next[idx])"))).toMatch(
      /^dist\/config-reload-plan-Ab12Cd\.js.*diffConfigPaths compares arrays in an unrecognised way/,
    );
  });

  it("a boundary projection value that is not a config read", () => {
    expect(importError(altered("policy-era", "dist/config-diff-Df1.mjs", "apps: config.mcp?.apps", "apps: 1"))).toMatch(/^dist\/config-diff-Df1\.mjs.*unrecognised value for reload boundary 'mcp\.apps'/);
  });

  it("a credential check that does not require both modes to match", () => {
    expect(importError(altered("policy-era", "dist/auth-resolve-Ab.mjs", "&& modes[0] === modes[1]", "|| modes[1] === \"token\""))).toMatch(/^dist\/auth-resolve-Ab\.mjs.*checks credentials in an unrecognised way/);
  });

  it("refinement prefixes derived from something other than the rules", () => {
    expect(importError(altered("policy-era", "dist/config-reload-plan-Pq7.mjs", "refinementPrefixes: rules.map((rule) => rule.prefix)", "refinementPrefixes: []"))).toMatch(
      /^dist\/config-reload-plan-Pq7\.mjs.*refinement prefixes are derived from the rules in an unrecognised way/,
    );
  });
});

describe("rules import: unrecognised shapes", () => {
  it("fails loudly, naming the dist file", () => {
    let error: unknown;
    try {
      importCatalog(fixture("broken"));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ClawdiffError);
    expect((error as ClawdiffError).format()).toMatch(/^dist\/config-reload-plan-Br0k\.js.*: rules import: rule composition calls 'loadMoreRules'/);
  });

  it("refuses a directory that is not a package", () => {
    expect(() => openPackage(new URL("../fixtures/openclaw-dist", import.meta.url).pathname)).toThrow(/no package\.json/);
  });
});

describe("rules import: reading a .tgz", () => {
  const scratch = mkdtempSync(join(tmpdir(), "clawdiff-pack-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("reads the npm pack layout (package/...) straight from the archive", () => {
    cpSync(new URL("../fixtures/openclaw-dist/list-era", import.meta.url).pathname, join(scratch, "package"), { recursive: true });
    execFileSync("tar", ["czf", "openclaw-2026.4.99.tgz", "package"], { cwd: scratch });
    const fromArchive = openPackage(join(scratch, "openclaw-2026.4.99.tgz"));
    expect(fromArchive.paths).toContain("dist/extensions/browser/index.js");
    expect(importCatalog(fromArchive, { plugins: "all" })).toEqual(importCatalog(fixture("list-era"), { plugins: "all" }));
  });

  it("refuses a file that is neither a package directory nor a .tgz", () => {
    expect(() => openPackage(new URL("../fixtures/openclaw-dist/list-era/package.json", import.meta.url).pathname)).toThrow(/unpacked package directory or a \.tgz/);
  });
});
