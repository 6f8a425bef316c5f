import { describe, expect, it } from "vitest";
import type { DiffReport, ReportChange, ReportFormOnlyChange } from "../../src/report/model.js";
import { runInProcess } from "../helpers/run-cli.js";

const fixture = (name: string, side: string) => `test/fixtures/causes/${name}/${side}`;

async function report(name: string, side: "after" | "edited", rules = "openclaw@2026.5.3", extra: string[] = []): Promise<DiffReport> {
  const result = await runInProcess(["diff", fixture(name, "before"), fixture(name, side), "--rules", rules, "--format", "json", "--no-process-env", ...extra]);
  expect(result.stderr).toBe("");
  const parsed = JSON.parse(result.stdout) as DiffReport;
  expect(result.stdout).not.toMatch(/oc_canary|sk-canary/);
  return parsed;
}

type AnyChange = ReportChange | ReportFormOnlyChange;
const codesAt = (changes: readonly AnyChange[], path: string) => changes.find((change) => change.path === path)?.causes.map((cause) => cause.code);
const causeAt = (changes: readonly AnyChange[], path: string, code: string) => changes.find((change) => change.path === path)?.causes.find((cause) => cause.code === code);

describe("cause codes on fixtures: assigned where they apply, absent from a real edit", () => {
  it("VALUE_CHANGED marks an edit, not a writer's save", async () => {
    expect(codesAt((await report("value-changed", "after")).changes, "gateway.port")).toEqual(["VALUE_CHANGED"]);
    const saved = await report("value-changed", "edited");
    expect(codesAt(saved.changes, "meta.lastTouchedAt")).toEqual(["WRITER_METADATA"]);
  });

  it("ENV_REF_FORM_ONLY: ${VAR} against its equal literal is form only; a different literal is an edit", async () => {
    const formOnly = await report("env-ref-form", "after");
    expect(formOnly.changedPaths).toEqual([]);
    expect(codesAt(formOnly.formOnlyChanges, "gateway.auth.token")).toEqual(["ENV_REF_FORM_ONLY"]);
    expect(causeAt(formOnly.formOnlyChanges, "gateway.auth.token", "ENV_REF_FORM_ONLY")!.evidence).toMatchObject({ before: [{ name: "OPENCLAW_GATEWAY_TOKEN", fingerprint: expect.stringMatching(/^hmac:[0-9a-f]{32}$/) }] });
    const edited = await report("env-ref-form", "edited");
    expect(codesAt(edited.changes, "gateway.auth.token")).toEqual(["VALUE_CHANGED"]);
    expect(edited.formOnlyChanges).toEqual([]);
  });

  it("ENV_VALUE_CHANGED: same reference, new environment value; pointing at another variable is an edit", async () => {
    const changed = await report("env-value", "after");
    expect(codesAt(changed.changes, "gateway.remote.url")).toEqual(["ENV_VALUE_CHANGED"]);
    const evidence = causeAt(changed.changes, "gateway.remote.url", "ENV_VALUE_CHANGED")!.evidence as { before: { fingerprint: string }[]; after: { fingerprint: string }[] };
    expect(evidence.before[0]!.fingerprint).not.toBe(evidence.after[0]!.fingerprint);
    expect(codesAt((await report("env-value", "edited")).changes, "gateway.remote.url")).toEqual(["VALUE_CHANGED"]);
  });

  it("DEFAULT_MATERIALIZED: written-out defaults are spurious; turning serve on is not", async () => {
    const materialized = await report("default-materialized", "after");
    const tailscale = materialized.changes.find((change) => change.path === "gateway.tailscale")!;
    expect(tailscale.causes.map((cause) => cause.code)).toEqual(["DEFAULT_MATERIALIZED"]);
    expect(tailscale.causes[0]!.evidence).toMatchObject({ explicitOn: "after", defaults: ["gateway.tailscale.mode", "gateway.tailscale.resetOnExit"] });
    expect(tailscale.spurious).toBe(true);
    expect(materialized.summary.headline).toBe("restart would fire for 1 path, spurious: gateway.tailscale");
    const edited = await report("default-materialized", "edited");
    expect(codesAt(edited.changes, "gateway.tailscale")).toEqual(["VALUE_CHANGED"]);
    expect(edited.summary.spuriousRestartReasons).toBe(0);
  });

  it("WRITER_METADATA: install timestamps are metadata, a version bump in the same record is not", async () => {
    const result = await runInProcess(["diff", "test/fixtures/states/install-records/before", "test/fixtures/states/install-records/after", "--format", "json", "--no-process-env"]);
    const { changes } = JSON.parse(result.stdout) as DiffReport;
    expect(codesAt(changes, "plugins.installs.voice-call.installedAt")).toEqual(["WRITER_METADATA"]);
    expect(codesAt(changes, "plugins.installs.voice-call.version")).toEqual(["VALUE_CHANGED"]);
  });

  it("INCLUDE_RELOCATED: a subtree moved into an $include unchanged; an edited value inside it is a change", async () => {
    const moved = await report("include-relocated", "after");
    expect(moved.changedPaths).toEqual([]);
    expect(codesAt(moved.formOnlyChanges, "agents")).toEqual(["INCLUDE_RELOCATED"]);
    expect(causeAt(moved.formOnlyChanges, "agents", "INCLUDE_RELOCATED")!.evidence).toEqual({ from: ["openclaw.json"], to: ["agents.json5"] });
    const edited = await report("include-relocated", "edited");
    expect(codesAt(edited.changes, "agents.defaults.heartbeat.every")).toEqual(["VALUE_CHANGED"]);
    expect(codesAt(edited.formOnlyChanges, "agents")).toBeUndefined();
  });

  it("SECRETREF_FORM: a SecretRef against the same value inline; re-pointing the SecretRef is an edit", async () => {
    const form = await report("secretref-form", "after");
    expect(codesAt(form.changes, "models.providers.openai.apiKey")).toEqual(["SECRETREF_FORM"]);
    expect(form.changes[0]!.spurious).toBe(true);
    const edited = await report("secretref-form", "edited");
    expect(codesAt(edited.changes, "models.providers.openai.apiKey.id")).toEqual(["VALUE_CHANGED"]);
  });

  it("ARRAY_ELEMENT names the added agent; ARRAY_REORDER marks a pure reorder, never both", async () => {
    const added = await report("arrays", "after");
    expect(codesAt(added.changes, "agents.list")).toEqual(["VALUE_CHANGED", "ARRAY_ELEMENT"]);
    expect(causeAt(added.changes, "agents.list", "ARRAY_ELEMENT")!.evidence).toEqual({ elements: [{ key: "id=research", change: "added" }] });
    const reordered = await report("arrays", "edited");
    expect(codesAt(reordered.changes, "agents.list")).toEqual(["VALUE_CHANGED", "ARRAY_REORDER"]);
  });

  it("UNMATCHED_DEFAULT_RESTART: a path no rule covers, with the nearest rules; a covered path has none", async () => {
    // Base rules: a stock install loads the browser plugin, whose `browser` rule covers the path.
    const gap = await report("unmatched", "after", "openclaw@2026.5.3", ["--plugins", "none"]);
    expect(codesAt(gap.changes, "browser.profiles.sandbox.cdpUrl")).toEqual(["VALUE_CHANGED", "UNMATCHED_DEFAULT_RESTART"]);
    const covered = await report("unmatched", "edited");
    expect(codesAt(covered.changes, "gateway.port")).toEqual(["VALUE_CHANGED"]);
  });

  it("CONDITIONAL_RULE: token rotation is hot while the auth mode stays, restart when it changes", async () => {
    const catalog = "test/fixtures/catalogs/conditional-auth.json";
    const rotation = await report("conditional", "after", catalog);
    const met = rotation.changes.find((change) => change.path === "gateway.auth.token")!;
    expect(met.classification.current).toMatchObject({ kind: "hot", reason: "rule" });
    expect(causeAt(rotation.changes, "gateway.auth.token", "CONDITIONAL_RULE")!.evidence).toMatchObject({ met: true, requireUnchanged: ["gateway.auth.mode"] });
    const switched = await report("conditional", "edited", catalog);
    expect(switched.changes.find((change) => change.path === "gateway.auth.token")!.classification.current).toMatchObject({ kind: "restart", reason: "condition-unmet" });
    expect(causeAt(switched.changes, "gateway.auth.token", "CONDITIONAL_RULE")!.evidence).toMatchObject({ met: false });
    expect(codesAt(switched.changes, "gateway.auth.mode")).toEqual(["VALUE_CHANGED"]);
  });

  it("FORMAT_ONLY: a reformatted file is clean; reformatting plus an edit is not format-only", async () => {
    const reformatted = await report("format-only", "after");
    expect(reformatted.changedPaths).toEqual([]);
    expect(reformatted.formatOnlyFiles).toEqual(["openclaw.json"]);
    expect(reformatted.summary.verdict).toBe("no-change");
    const edited = await report("format-only", "edited");
    expect(edited.formatOnlyFiles).toEqual([]);
    expect(edited.changedPaths).toEqual(["agents.defaults.heartbeat.every"]);
  });
});
