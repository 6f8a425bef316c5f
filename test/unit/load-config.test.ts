import { describe, expect, it } from "vitest";
import { compareInputs } from "../../src/compare.js";
import { loadConfig, type LoadOptions } from "../../src/config/load-config.js";
import { openConfigInput } from "../../src/sources/config-input.js";
import { buildReport } from "../../src/report/model.js";
import { isClawdiffError } from "../../src/shared/errors.js";
import { bundledCatalog, bundledDefaults } from "../helpers/catalogs.js";
import { repoRoot } from "../helpers/run-cli.js";

const states = "test/fixtures/states";
const open = (spec: string) => openConfigInput(`${states}/${spec}`, { cwd: repoRoot });
const catalog = bundledCatalog("openclaw@2026.5.3");
const hermetic: LoadOptions = { env: {} };

function compareFixture(name: string, options: LoadOptions = hermetic) {
  return compareInputs(open(`${name}/before`), open(`${name}/after`), catalog, { before: options, after: options });
}

function loadError(spec: string, options: LoadOptions = hermetic): string {
  try {
    loadConfig(open(spec), options);
  } catch (error) {
    if (isClawdiffError(error)) return error.format();
    throw error;
  }
  throw new Error("expected a load error");
}

describe("${VAR} resolution", () => {
  it("does not report ${VAR} vs its equal resolved literal to the evaluator, but keeps it as a form-only change", () => {
    const comparison = compareFixture("env-form");
    expect(comparison.changes).toEqual([]);
    expect(comparison.authoredOnly.map((change) => change.path)).toEqual(["gateway.auth.token"]);
    const report = buildReport(comparison, { catalogRequest: { requested: "x", resolution: "exact" } });
    const side = report.formOnlyChanges[0]!.provenance.before;
    expect(side.envRefs).toEqual([
      { name: "GW_TOKEN", resolved: true, from: `${states}/env-form/before/.env`, fingerprint: expect.stringMatching(/^hmac:[0-9a-f]{32}$/) },
    ]);
    expect(report.formOnlyChanges[0]!.after).toBe(`<redacted ${side.envRefs![0]!.fingerprint}>`);
    expect(report.formOnlyChanges[0]!.provenance.after).not.toHaveProperty("value");
  });

  it("reports a .env value change behind the same ${VAR} as an evaluator change, never printing the values", () => {
    const comparison = compareFixture("env-value");
    expect(comparison.changes.map((change) => change.path)).toEqual(["gateway.auth.token"]);
    const text = JSON.stringify(buildReport(comparison, { catalogRequest: { requested: "x", resolution: "exact" } }));
    expect(text).not.toContain("canary-gw-token-111");
    expect(text).not.toContain("canary-gw-token-222");
    const report = JSON.parse(text);
    const [before, after] = [report.changes[0].provenance.before.envRefs[0], report.changes[0].provenance.after.envRefs[0]];
    expect(before.name).toBe("GW_TOKEN");
    expect(before.fingerprint).not.toBe(after.fingerprint);
  });

  it("lets --env win over the state dir's .env", () => {
    const overridden = compareFixture("env-value", { env: { overrides: { GW_TOKEN: "same" } } });
    expect(overridden.changes).toEqual([]);
  });

  it("keeps a missing variable symbolic instead of failing, and honours the $${VAR} escape", () => {
    const loaded = loadConfig(open("missing-var"), hermetic);
    expect(loaded.compare).toMatchObject({ gateway: { auth: { token: "${NOT_SET_ANYWHERE}" } }, channels: { discord: { token: "${LITERAL}" } } });
    expect(loaded.envReferences.get("gateway.auth.token")?.references).toEqual([{ name: "NOT_SET_ANYWHERE", resolved: false }]);
    const input = open("missing-var");
    const report = buildReport(compareInputs(input, input, catalog, { before: hermetic, after: hermetic }), {
      catalogRequest: { requested: "x", resolution: "exact" },
    });
    expect(report.warnings).toContainEqual({
      side: "after",
      path: "gateway.auth.token",
      message: "${NOT_SET_ANYWHERE} has no value: the gateway keeps the literal text and warns",
    });
  });

  it("uses the process env only when asked", () => {
    const withProcess = loadConfig(open("missing-var"), { env: { processEnv: { NOT_SET_ANYWHERE: "from-process" } } });
    expect(withProcess.compare).toMatchObject({ gateway: { auth: { token: "from-process" } } });
  });
});

describe("$include", () => {
  it("treats a value moved between an include and the main file as no change", () => {
    const comparison = compareFixture("include-move");
    expect(comparison.changes).toEqual([]);
    expect(comparison.authoredOnly).toEqual([]);
  });

  it("merges like the gateway: later files win, siblings win last, arrays concatenate", () => {
    const loaded = loadConfig(open("include-merge"), hermetic);
    expect(loaded.compare).toEqual({
      agents: {
        defaults: { maxConcurrent: 2, heartbeat: { every: "1h" } },
        list: [{ id: "base" }, { id: "extra" }, { id: "local" }],
      },
    });
  });

  it("traces each value to the file and line it came from", () => {
    const loaded = loadConfig(open("include-merge"), hermetic);
    const [maxConcurrent, every, list] = loaded.origins.originsFor([
      ["agents", "defaults", "maxConcurrent"],
      ["agents", "defaults", "heartbeat", "every"],
      ["agents", "list"],
    ]);
    expect(maxConcurrent).toEqual([{ file: `${states}/include-merge/openclaw.json`, pathInFile: ["agents", "defaults", "maxConcurrent"], relativeFile: "openclaw.json", line: 4, column: 17 }]);
    expect(every).toEqual([{ file: `${states}/include-merge/extra.json5`, pathInFile: ["defaults", "heartbeat", "every"], relativeFile: "extra.json5", line: 2, column: 28 }]);
    expect(list!.map((origin) => origin.file)).toEqual([
      `${states}/include-merge/base.json5`,
      `${states}/include-merge/extra.json5`,
      `${states}/include-merge/openclaw.json`,
    ]);
  });

  it("refuses a cycle, naming the chain and where the include sits", () => {
    expect(loadError("include-cycle")).toBe(
      `${states}/include-cycle/b.json5:3:15: circular $include: ${states}/include-cycle/openclaw.json -> ${states}/include-cycle/a.json5 -> ${states}/include-cycle/b.json5 -> ${states}/include-cycle/a.json5`,
    );
  });

  it("refuses a path escaping the config directory unless allowed", () => {
    expect(loadError("include-escape")).toBe(
      `${states}/include-escape/openclaw.json:3:13: $include escapes the config directory: ../outside-models.json5 (use --allow-include-outside to permit)`,
    );
    const allowed = loadConfig(open("include-escape"), { ...hermetic, allowIncludeOutside: true });
    expect(allowed.compare).toMatchObject({ models: { providers: {} } });
  });

  it("refuses chains deeper than the gateway's limit of 10 files", () => {
    expect(loadError("include-depth")).toMatch(/level10\.json5:1:3: \$include nested deeper than 10 files at \.\/level11\.json5$/);
  });
});

describe("defaults and install records", () => {
  it("marks a writer-materialized gateway.tailscale block as an evaluator change equal to the defaults", () => {
    const compareWith = (defaults: LoadOptions["defaults"]) =>
      compareInputs(
        openConfigInput("examples/agents-create/before", { cwd: repoRoot }),
        openConfigInput("examples/agents-create/after", { cwd: repoRoot }),
        catalog,
        { before: { env: {}, defaults }, after: { env: {}, defaults } },
      );
    const tailscaleSemanticChange = (comparison: ReturnType<typeof compareWith>) =>
      comparison.semanticallyChanged[comparison.changes.findIndex((change) => change.path === "gateway.tailscale")];
    expect(tailscaleSemanticChange(compareWith(null))).toBe(true);
    expect(tailscaleSemanticChange(compareWith(bundledDefaults("openclaw@2026.5.3")))).toBe(false);
  });

  it("folds plugin install records from plugins/installs.json into the changed paths, stamps as noop", () => {
    const comparison = compareFixture("install-records");
    expect(comparison.changes.map((change) => change.path)).toEqual([
      "plugins.entries.voice-call.enabled",
      "plugins.installs.voice-call.version",
      "plugins.installs.voice-call.installedAt",
      "plugins.installs.matrix",
    ]);
    expect(comparison.current.plan.noopPaths).toContain("plugins.installs.voice-call.installedAt");
    expect(comparison.current.plan.restartReasons).toEqual(["plugins.installs.voice-call.version", "plugins.installs.matrix"]);
  });
});

describe("${VAR} written with escapes", () => {
  it("substitutes a reference spelled \\u0024{, \\x24{ or across a line continuation, as the parsed string holds it", () => {
    const text = '{ a: "\\u0024{TOKEN}", b: "\\x24{TOKEN}", c: "$\\\n{TOKEN}", d: "plain" }';
    const input = openConfigInput("-", { cwd: repoRoot, stdinText: () => text });
    const loaded = loadConfig(input, { env: { overrides: { TOKEN: "resolved" } } });
    expect(loaded.compare).toEqual({ a: "resolved", b: "resolved", c: "resolved", d: "plain" });
    expect([...loaded.envReferences.keys()]).toEqual(["a", "b", "c"]);
  });
});
