import { describe, expect, it } from "vitest";
import { compareInputs } from "../../src/compare.js";
import type { LoadOptions } from "../../src/config/load-config.js";
import { causesForChange } from "../../src/explain/causes.js";
import { createPlanner } from "../../src/plan/build-plan.js";
import { openConfigInput } from "../../src/sources/config-input.js";
import { bundledCatalog } from "../helpers/catalogs.js";
import { repoRoot } from "../helpers/run-cli.js";

const hermetic: LoadOptions = { env: {} };
const open = (spec: string) => openConfigInput(`test/fixtures/states/${spec}`, { cwd: repoRoot });
const compare = (name: string, catalogId: string) => compareInputs(open(`${name}/before`), open(`${name}/after`), bundledCatalog(catalogId), { before: hermetic, after: hermetic });

describe("2026.1.29 – 2.21 compare array elements by identity", () => {
  it("reports arrays of objects on an identical re-save, with the ARRAY_IDENTITY cause; arrays of strings are not reported", () => {
    const comparison = compare("array-resave", "openclaw@2026.2.9");
    expect(comparison.changes.map((change) => change.path)).toEqual(["meta.lastTouchedAt", "gateway.trustedProxies", "hooks.mappings"]);
    const trusted = comparison.changes.findIndex((change) => change.path === "gateway.trustedProxies");
    const causes = causesForChange(comparison.changes[trusted]!, comparison.semanticallyChanged[trusted]!, comparison.current.plan.classifications[trusted]!, comparison, comparison.current);
    expect(causes.map((cause) => cause.code)).toEqual(["ARRAY_IDENTITY"]);
    expect(causes[0]).toMatchObject({ meaningPreserving: true });
    // gateway.* restarts in 2026.2.9: the re-save alone restarts the gateway.
    expect(comparison.current.plan.restartReasons).toContain("gateway.trustedProxies");
  });

  it("2026.5.3 compares arrays by value: only the stamp changed", () => {
    expect(compare("array-resave", "openclaw@2026.5.3").changes.map((change) => change.path)).toEqual(["meta.lastTouchedAt"]);
  });
});

describe("install records kept in the config before 2026.4.26", () => {
  it("a non-object plugins.installs (1 → 2) is a changed path that restarts 2026.2.9 (plugins.installs is not split off)", () => {
    const comparison = compare("installs-scalar", "openclaw@2026.2.9");
    expect(comparison.changes.map((change) => change.path)).toEqual(["plugins.installs"]);
    expect(comparison.semanticallyChanged).toEqual([true]);
    expect(comparison.current.plan.restartGateway).toBe(true);
  });

  it("from 2026.5 the config read strips the records and the install index is diffed instead: no change", () => {
    expect(compare("installs-scalar", "openclaw@2026.5.3").changes).toEqual([]);
  });
});

describe("gateway.auth.token rotation in 2026.9.6 (canHotReloadGatewayAuthCredentials, dist/auth-resolve-BeCTtDNQ.mjs)", () => {
  const planner = createPlanner(bundledCatalog("openclaw@2026.9.6"));
  const restarts = (previousConfig: unknown, candidateConfig: unknown, envValue: (name: string) => string | undefined = () => undefined) =>
    planner.plan(["gateway.auth.token"], { previousConfig, candidateConfig, envValue }).restartGateway;
  const auth = (value: Record<string, unknown>) => ({ gateway: { auth: value } });
  const ref = (id: string) => ({ source: "env", provider: "default", id });

  // Expected verdicts: buildGatewayReloadPlan of 2026.9.6 on the same configs (scripts/diff-eras-agreement.mjs).
  it("restarts with mode trusted-proxy on both sides", () => {
    expect(restarts(auth({ mode: "trusted-proxy", token: "a" }), auth({ mode: "trusted-proxy", token: "b" }))).toBe(true);
  });
  it("restarts for a SecretRef token without an explicit mode", () => {
    expect(restarts(auth({ token: ref("T") }), auth({ token: ref("U") }))).toBe(true);
  });
  it("is hot with an explicit token mode, and with no mode and plain tokens (the mode resolves to token)", () => {
    expect(restarts(auth({ mode: "token", token: "a" }), auth({ mode: "token", token: "b" }))).toBe(false);
    expect(restarts(auth({ token: "a" }), auth({ token: "b" }))).toBe(false);
    expect(restarts(auth({ mode: "token", token: ref("T") }), auth({ mode: "token", token: ref("U") }))).toBe(false);
  });
  it("restarts when a configured password stops resolving the mode to password", () => {
    expect(restarts(auth({ token: "a", password: "p" }), auth({ token: "b" }))).toBe(true);
    expect(restarts(auth({ token: "a", password: "p" }), auth({ token: "b" }), (name) => (name === "OPENCLAW_GATEWAY_PASSWORD" ? "env-p" : undefined))).toBe(false);
  });
  it("restarts without both configs, as the gateway does", () => {
    expect(planner.plan(["gateway.auth.token"]).restartGateway).toBe(true);
  });
  it("compareInputs hands the planner both runtime configs", () => {
    expect(compare("auth-trusted-proxy", "openclaw@2026.9.6").current.plan.restartReasons).toEqual(["gateway.auth.token"]);
  });
});

describe("plan flags set by path (2026.4.30-beta.1 planPluginRuntimeDeps, dist/config-reload-BvNC5nl6.js)", () => {
  const planner = createPlanner(bundledCatalog("openclaw@2026.4.30-beta.1"));
  it("sets the flag for a path under a listed prefix whatever its rule, and not otherwise", () => {
    expect(planner.plan(["models.providers.openai.apiKey"]).actions).toContain("planPluginRuntimeDeps");
    expect(planner.plan(["agents.defaults.model"]).actions).toContain("planPluginRuntimeDeps");
    expect(planner.plan(["agents.defaults.workspace"]).actions).not.toContain("planPluginRuntimeDeps");
    expect(planner.plan(["plugins.installs.x.installedAt"]).actions).not.toContain("planPluginRuntimeDeps");
  });
});
