import { describe, expect, it } from "vitest";
import { createPlanner } from "../../src/plan/build-plan.js";
import { listInstallRecordPaths } from "../../src/plan/install-records.js";
import { decideReloadAction } from "../../src/plan/outcome.js";
import type { RuleCatalog } from "../../src/rules/catalog.js";
import { bundledCatalog } from "../helpers/catalogs.js";

const catalog = bundledCatalog("openclaw@2026.5.3");
const planner = createPlanner(catalog);
const kindOf = (path: string) => planner.plan([path]).classifications[0]!;

describe("planner on the openclaw@2026.5.3 rules", () => {
  it("uses the first matching rule in catalog order", () => {
    expect(kindOf("hooks.gmail.account")).toMatchObject({ kind: "hot", actions: ["restart-gmail-watcher"], rule: { prefix: "hooks.gmail" } });
    expect(kindOf("hooks.mappings")).toMatchObject({ kind: "hot", rule: { prefix: "hooks" } });
    expect(kindOf("models.pricing.openai")).toMatchObject({ kind: "restart", rule: { prefix: "models.pricing" } });
    expect(kindOf("models.providers.openrouter.apiKey")).toMatchObject({ kind: "hot", rule: { prefix: "models" } });
    expect(kindOf("agents.list")).toMatchObject({ kind: "hot", rule: { prefix: "agents.list" } });
    expect(kindOf("agents.defaults.workspace")).toMatchObject({ kind: "none", rule: { prefix: "agents" } });
    expect(kindOf("gateway.reload.mode")).toMatchObject({ kind: "none", rule: { prefix: "gateway.reload" } });
    expect(kindOf("gateway.tailscale")).toMatchObject({ kind: "restart", rule: { prefix: "gateway" } });
    expect(kindOf("plugins.installs.foo")).toMatchObject({ kind: "restart", rule: { prefix: "plugins.installs" } });
    expect(kindOf("plugins.entries.foo.enabled")).toMatchObject({ kind: "hot", rule: { prefix: "plugins" } });
  });

  it("matches whole segments only: 'agentsX' is not under 'agents'", () => {
    expect(kindOf("agentsX.a")).toMatchObject({ kind: "restart", fallback: true, rule: null });
    expect(kindOf("gatewayish")).toMatchObject({ fallback: true });
  });

  it("falls back to restart when no rule matches", () => {
    const plan = planner.plan(["browser.profiles.sandbox.cdpUrl", "meta.lastTouchedAt"]);
    expect(plan.restartGateway).toBe(true);
    expect(plan.restartReasons).toEqual(["browser.profiles.sandbox.cdpUrl"]);
    expect(plan.noopPaths).toEqual(["meta.lastTouchedAt"]);
    expect(plan.classifications[0]).toMatchObject({ fallback: true, reason: "fallback" });
  });

  it("collects hot actions as plan flags, and gmail implies hooks", () => {
    const plan = planner.plan(["hooks.gmail.topic", "cron.enabled", "agents.list"]);
    expect(plan.hotReasons).toEqual(["hooks.gmail.topic", "cron.enabled", "agents.list"]);
    expect(plan.actions).toEqual(["reloadHooks", "restartGmailWatcher", "restartCron", "restartHeartbeat"]);
    expect(decideReloadAction(plan, "hybrid")).toBe("hot-reload");
  });

  it("treats install-record timestamps as noop only while both records exist", () => {
    const before = { plugins: { installs: { foo: { installedAt: "t0", version: "1" }, gone: { installedAt: "t0" } } } };
    const after = { plugins: { installs: { foo: { installedAt: "t1", version: "1" }, added: { installedAt: "t1" } } } };
    const installRecords = listInstallRecordPaths(before, after, catalog.installRecordNoop!);
    expect(installRecords).toEqual({
      timestampNoopPaths: ["plugins.installs.foo.installedAt"],
      wholeRecordPaths: ["plugins.installs.gone", "plugins.installs.added"],
    });
    const plan = planner.plan(["plugins.installs.foo.installedAt", "plugins.installs.gone", "plugins.installs.added"], { installRecords });
    expect(plan.noopPaths).toEqual(["plugins.installs.foo.installedAt"]);
    expect(plan.restartReasons).toEqual(["plugins.installs.gone", "plugins.installs.added"]);
  });

  it("falls back to the stamp pattern when no explicit noop list is given", () => {
    expect(kindOf("plugins.installs.foo.resolvedAt")).toMatchObject({ kind: "none", reason: "install-timestamp" });
    expect(kindOf("plugins.installs.foo.version")).toMatchObject({ kind: "restart" });
  });

  it("parses channel actions into restartChannels", () => {
    const withChannel: RuleCatalog = {
      ...catalog,
      rules: [
        { prefix: "channels.telegram", kind: "hot", actions: ["restart-channel:telegram"], origin: "channel:telegram", plugin: "telegram" },
        ...catalog.rules,
      ],
    };
    const plan = createPlanner(withChannel).plan(["channels.telegram.botToken", "channels.discord.token"]);
    expect(plan.restartChannels).toEqual(["telegram"]);
    expect(plan.hotReasons).toEqual(["channels.telegram.botToken"]);
    expect(plan.restartReasons).toEqual(["channels.discord.token"]);
  });
});

describe("reload outcome by mode", () => {
  const restartPlan = planner.plan(["gateway.port"]);
  const hotPlan = planner.plan(["cron.enabled"]);
  const noopPlan = planner.plan(["meta.lastTouchedAt"]);
  it.each([
    ["hybrid", restartPlan, "restart"],
    ["hot", restartPlan, "restart-ignored"],
    ["restart", hotPlan, "restart"],
    ["off", restartPlan, "disabled"],
    ["hybrid", hotPlan, "hot-reload"],
    ["restart", noopPlan, "none"],
    ["off", noopPlan, "none"],
  ] as const)("mode %s", (mode, plan, expected) => {
    expect(decideReloadAction(plan, mode)).toBe(expected);
  });
});
