import { describe, expect, it } from "vitest";
import { diffStates } from "../../src/index.js";
import { unknownRootKeys } from "../../src/rules/config-keys.js";
import { checkExpectations } from "../../src/lint/expectations.js";
import { parseFixture } from "../../src/lint/fixture.js";
import { renderLintSummary, summarizeLint } from "../../src/lint/render.js";
import { loadConfigKeysFor } from "../../src/sources/config-keys-store.js";
import { findFixtures } from "../../src/sources/fixture-source.js";
import { repoRoot } from "../helpers/run-cli.js";

const options = { rules: "openclaw@2026.5.3", cwd: repoRoot, processEnv: false as const, ignoreFile: false as const };
const agentsCreate = diffStates("examples/agents-create/before", "examples/agents-create/after", options);
const browser = diffStates("examples/browser-profile/before", "examples/browser-profile/after", { ...options, proposed: "examples/proposed/browser-profiles-hot.json5" });

describe("fixture expectations", () => {
  it("passes when the report meets every expectation", () => {
    expect(
      checkExpectations(agentsCreate, {
        restart: true,
        verdict: "restart",
        paths: { "agents.list": "hot", "gateway.tailscale": "restart", "gateway.auth.token": "unchanged" },
        causes: { "gateway.tailscale": ["DEFAULT_MATERIALIZED"], "gateway.auth.token": ["ENV_REF_FORM_ONLY"] },
        changedPaths: ["agents.list", "gateway.tailscale", "meta.lastTouchedAt"],
        noSpurious: false,
      }),
    ).toEqual([]);
  });

  it("says what differs, naming paths and rules", () => {
    expect(
      checkExpectations(agentsCreate, {
        restart: false,
        paths: { "gateway.tailscale": "hot", "gateway.port": "none", "agents.list": "unchanged" },
        causes: { "gateway.tailscale": ["VALUE_CHANGED"] },
        changedPaths: ["agents.list"],
        noSpurious: true,
      }),
    ).toEqual([
      "expected no restart, got a restart (gateway.tailscale)",
      "expected gateway.tailscale hot, got restart (rule gateway)",
      "expected gateway.port none, but the evaluator does not see it change",
      "expected agents.list unchanged, but it changed (hot)",
      "changed paths differ: unexpected meta.lastTouchedAt, gateway.tailscale",
      "expected gateway.tailscale caused by VALUE_CHANGED, got DEFAULT_MATERIALIZED",
      "expected no spurious paths, got meta.lastTouchedAt, gateway.tailscale",
    ]);
  });

  it("checks proposed rules and drift", () => {
    expect(checkExpectations(browser, { restart: true, drift: true, proposed: { restart: false, verdict: "hot-reload", paths: { "browser.profiles.sandbox.cdpUrl": "hot" } } })).toEqual([]);
    expect(checkExpectations(browser, { drift: false, proposed: { restart: true } })).toEqual([
      "expected no drift, got hot-reload under proposed vs restart under current",
      "proposed: expected a restart, got no restart",
    ]);
    expect(checkExpectations(agentsCreate, { drift: false })).toEqual(["expectations about proposed rules need `proposed` in the fixture"]);
  });
});

describe("fixture files", () => {
  it("validates against schemas/fixture.schema.json with file:line", () => {
    expect(() => parseFixture('{\n  before: "b",\n  after: "a",\n  expect: { restart: "yes" },\n}', "f.json5")).toThrow(
      /^invalid fixture: \/expect\/restart must be boolean$/,
    );
    try {
      parseFixture('{\n  before: "b",\n  after: "a",\n  expect: { restart: "yes" },\n}', "f.json5");
    } catch (error) {
      expect((error as { format(): string }).format()).toMatch(/^f\.json5:4:\d+: /);
    }
    expect(() => parseFixture('{ before: "b", after: "a", expect: { paths: { "a.b": "hotter" } } }', "f.json5")).toThrow(/must be equal to one of the allowed values/);
  });

  it("finds fixture files, bare pairs and folders of fixtures", () => {
    const found = findFixtures(["examples/lint"], repoRoot);
    expect(found.length).toBeGreaterThanOrEqual(10);
    expect(found.find((location) => location.name === "examples/lint/bare-pair")).toMatchObject({ kind: "pair", before: "before.json5", after: "after.json5" });
    expect(found.find((location) => location.name === "examples/lint/agents-create")).toMatchObject({ kind: "file" });
    expect(() => findFixtures(["schemas/catalogs"], repoRoot)).toThrow(/no fixtures here/);
  });
});

describe("top-level keys", () => {
  it("knows the 2026.5.3 root keys and flags others", () => {
    const keys = loadConfigKeysFor("2026.5.3")!;
    expect(keys.rootKeys).toContain("gateway");
    expect(unknownRootKeys({ gateway: {}, gatewy: {}, meta: {} }, keys)).toEqual(["gatewy"]);
    expect(loadConfigKeysFor("2026.1.1")).toBeNull();
  });
});

describe("lint summary", () => {
  it("prints N fixtures, N failed, and errors and warnings only when present", () => {
    const pass = { name: "a", status: "pass" as const, failures: [], warnings: ["w"] };
    const fail = { name: "b", status: "fail" as const, failures: ["x"], warnings: [] };
    expect(renderLintSummary(summarizeLint([pass, fail]))).toBe("2 fixtures, 1 failed, 1 warning");
    expect(renderLintSummary(summarizeLint([{ ...pass, warnings: [] }]))).toBe("1 fixture, 0 failed");
  });
});
