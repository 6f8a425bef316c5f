// Scenario edits for the real-gateway harness. They run in order on one gateway:
// each starts from the config the gateway left settled after the previous one.
// An edit either maps the settled config (`config`) or writes raw files (`files`,
// relative to the state dir; null deletes). Families follow the rule families.
// A config the gateway refuses is put back to the before side afterwards (so one
// refusal does not spoil the scenarios after it) unless `keepRefused` says the
// next scenario is the revert being tested.

import { setPath as set } from "./lib/state-files.mjs";

const edit = (path, value) => (config) => set(config, path, value);
const drop = (path) => edit(path, undefined);
const keep = (config) => config;
const TOKEN_A = "harness-token-aaaaaaaaaaaaaaaaaaaaaaaa";
const TOKEN_B = "harness-token-bbbbbbbbbbbbbbbbbbbbbbbb";

/** `port` is the gateway's first port; port scenarios move it and back. */
export function scenarios({ port }) {
  return [
    { id: "identical-resave", family: "resave", does: "write the settled config back unchanged", config: keep },
    { id: "reformat-only", family: "resave", does: "re-indent the file (same values)", format: (text) => JSON.stringify(JSON.parse(text)) },
    { id: "gateway-port", family: "gateway", does: "gateway.port +1", config: edit("gateway.port", port + 1) },
    { id: "gateway-port-revert", family: "revert", does: "gateway.port back", config: edit("gateway.port", port) },
    { id: "token-rotate", family: "gateway.auth", does: "gateway.auth.token changed, mode token", config: edit("gateway.auth.token", TOKEN_B) },
    { id: "auth-password-mode", family: "gateway.auth", does: "mode token -> password with a password", config: (c) => set(set(set(c, "gateway.auth.mode", "password"), "gateway.auth.password", "harness-password-1"), "gateway.auth.token", undefined) },
    { id: "password-rotate", family: "gateway.auth", does: "gateway.auth.password changed, mode password", config: edit("gateway.auth.password", "harness-password-2") },
    { id: "auth-token-mode", family: "gateway.auth", does: "mode password -> token", config: (c) => set(set(set(c, "gateway.auth.mode", "token"), "gateway.auth.token", TOKEN_A), "gateway.auth.password", undefined) },
    { id: "auth-trusted-proxy-mode", family: "gateway.auth", does: "mode token -> trusted-proxy (header x-harness-user, proxies [127.0.0.1]), token dropped", config: (c) => set(set(set(set(c, "gateway.auth.mode", "trusted-proxy"), "gateway.auth.trustedProxy", { userHeader: "x-harness-user" }), "gateway.trustedProxies", ["127.0.0.1"]), "gateway.auth.token", undefined) },
    { id: "trusted-proxy-token-add", family: "gateway.auth", does: "add gateway.auth.token while mode is trusted-proxy (a config that cannot start)", config: edit("gateway.auth.token", TOKEN_B) },
    { id: "trusted-proxies-resave", family: "resave", does: "gateway.trustedProxies re-saved identically", config: keep },
    { id: "auth-back-to-token", family: "gateway.auth", does: "mode trusted-proxy -> token with a token, drop trustedProxy and trustedProxies", config: (c) => set(set(set(set(c, "gateway.auth.mode", "token"), "gateway.auth.token", TOKEN_A), "gateway.auth.trustedProxy", undefined), "gateway.trustedProxies", undefined) },
    { id: "gateway-remote-add", family: "object-add", does: "add gateway.remote { url } (no-op subtree under a restart prefix)", config: edit("gateway.remote", { url: "ws://127.0.0.1:9" }) },
    { id: "gateway-remote-remove", family: "object-remove", does: "remove gateway.remote", config: drop("gateway.remote") },
    { id: "gateway-tailscale-empty", family: "object-empty", does: "add an empty gateway.tailscale {}", config: edit("gateway.tailscale", {}) },
    { id: "gateway-tailscale-remove", family: "object-remove", does: "remove the empty gateway.tailscale", config: drop("gateway.tailscale") },
    { id: "agents-default-model", family: "agents", does: "agents.defaults.model.primary set", config: edit("agents.defaults.model", { primary: "anthropic/claude-opus-4-5" }) },
    { id: "agents-list-add", family: "agents", does: "add agents.list [main, helper] with no default marker", config: edit("agents.list", [{ id: "main" }, { id: "helper", name: "Helper" }]) },
    { id: "agents-list-default-marker", family: "agents", does: "add agents.list [main (default: true), helper]", config: edit("agents.list", [{ id: "main", default: true }, { id: "helper", name: "Helper" }]) },
    { id: "agents-settled-resave", family: "resave", does: "the settled agents config re-saved identically (array of objects)", config: keep },
    { id: "agents-entries-edit", family: "agents", does: "rename the helper agent in whichever form the settled file holds", config: renameHelper },
    { id: "agents-defaults-empty", family: "object-empty", does: "agents.defaults.model removed, leaving agents.defaults {}", config: drop("agents.defaults.model") },
    { id: "hooks-enable", family: "hooks", does: "hooks { enabled, token, path }", config: edit("hooks", { enabled: true, token: "harness-hook-token-1", path: "/hooks" }) },
    { id: "hooks-mappings-add", family: "hooks", does: "add hooks.mappings (array of objects)", config: edit("hooks.mappings", [{ match: { path: "harness" }, action: "wake" }]) },
    { id: "hooks-mappings-resave", family: "resave", does: "hooks.mappings re-saved identically", config: keep },
    { id: "hooks-token-rotate", family: "hooks", does: "hooks.token changed", config: edit("hooks.token", "harness-hook-token-2") },
    { id: "cron-disable", family: "cron", does: "cron.enabled false", config: edit("cron.enabled", false) },
    { id: "cron-enable", family: "cron", does: "cron.enabled true", config: edit("cron.enabled", true) },
    { id: "browser-disable", family: "browser", does: "browser.enabled false", config: edit("browser.enabled", false) },
    { id: "browser-enable", family: "browser", does: "browser.enabled true", config: edit("browser.enabled", true) },
    { id: "channel-telegram-add", family: "channels", does: "add channels.telegram (disabled, bot token)", config: edit("channels", { telegram: { enabled: false, botToken: "123456:harness-bot-token-a" } }) },
    { id: "channel-telegram-token", family: "channels", does: "channels.telegram.botToken changed", config: edit("channels.telegram.botToken", "123456:harness-bot-token-b") },
    { id: "channels-remove", family: "object-remove", does: "remove channels", config: drop("channels") },
    { id: "plugin-entry-disable", family: "plugins", does: "plugins.entries.xai.enabled false", config: edit("plugins.entries.xai", { enabled: false }) },
    { id: "plugin-entry-remove", family: "plugins", does: "remove plugins", config: drop("plugins") },
    { id: "mcp-server-add", family: "mcp", does: "add mcp.servers.probe (a local command)", config: edit("mcp", { servers: { probe: { command: "/bin/true" } } }) },
    { id: "mcp-remove", family: "object-remove", does: "remove mcp", config: drop("mcp") },
    { id: "talk-silence", family: "talk", does: "talk.silenceTimeoutMs set", config: edit("talk.silenceTimeoutMs", 1500) },
    { id: "talk-remove", family: "object-remove", does: "remove talk", config: drop("talk") },
    { id: "models-provider-add", family: "models", does: "add models.providers.harness (loopback base URL, one model)", config: edit("models.providers", { harness: { baseUrl: "http://127.0.0.1:9/v1", api: "openai-completions", models: [{ id: "harness-1", name: "Harness 1" }] } }) },
    { id: "models-provider-reorder", family: "reorder", does: "models.providers.harness keys written in another order", config: reorderProvider },
    { id: "models-provider-remove", family: "object-remove", does: "remove models.providers", config: drop("models.providers") },
    { id: "logging-level", family: "none-prefix", does: "logging.level debug", config: edit("logging.level", "debug") },
    { id: "session-scope", family: "session", does: "session.dmScope per-peer", config: edit("session.dmScope", "per-peer") },
    { id: "tools-profile", family: "tools", does: "tools.profile minimal", config: edit("tools.profile", "minimal") },
    { id: "env-var-add", family: "env-ref", does: "hooks.token as ${HARNESS_HOOK_TOKEN} with the value in .env", files: { ".env": "HARNESS_HOOK_TOKEN=harness-hook-token-3\n" }, config: edit("hooks.token", "${HARNESS_HOOK_TOKEN}") },
    { id: "env-file-only", family: "env-ref", does: "change only .env (config untouched)", files: { ".env": "HARNESS_HOOK_TOKEN=harness-hook-token-4\n" } },
    { id: "env-resave-after-env", family: "env-ref", does: "re-save the config after the .env change", config: keep },
    { id: "include-add", family: "include", does: "move hooks into $include ./inc/hooks.json5", config: includeHooks },
    { id: "include-edit", family: "include", does: "edit the included file (hooks.path)", includeEdit: { "inc/hooks.json5": (value) => ({ ...value, path: "/hooks2" }) } },
    { id: "include-inline", family: "include", does: "inline hooks again (same values as the include held)", config: inlineHooks },
    { id: "meta-stamp", family: "meta", does: "write meta.lastTouchedAt / lastTouchedVersion", config: (c) => set(c, "meta", { ...(c.meta ?? {}), lastTouchedAt: "2026-12-01T00:00:00.000Z", lastTouchedVersion: "harness" }) },
    { id: "meta-stamp-remove", family: "meta", does: "remove the meta stamps again", config: (c) => set(c, "meta", undefined) },
    { id: "typo-top-level", family: "invalid", does: "add a typo'd top-level key gatewy", config: edit("gatewy", { port: 1 }), keepRefused: true },
    { id: "typo-revert", family: "revert", does: "remove the typo again (back to the last accepted config)", config: drop("gatewy") },
    { id: "typo-nested", family: "invalid", does: "typo'd key gateway.prot", config: edit("gateway.prot", 1), keepRefused: true },
    { id: "typo-nested-revert", family: "revert", does: "remove gateway.prot", config: drop("gateway.prot") },
    { id: "reload-mode-off", family: "reload.mode", does: "gateway.reload.mode off", config: edit("gateway.reload", { mode: "off" }) },
    { id: "port-while-off", family: "reload.mode", does: "gateway.port +2 while reload is off", config: edit("gateway.port", port + 2) },
    { id: "reload-mode-hybrid", family: "reload.mode", does: "gateway.reload.mode hybrid (port still moved)", config: edit("gateway.reload", { mode: "hybrid" }) },
    { id: "port-revert-final", family: "revert", does: "gateway.port back, reload block removed", config: (c) => set(set(c, "gateway.port", port), "gateway.reload", undefined) },
  ];
}

function agentListOf(config) {
  return config.agents?.list ?? config.agents?.entries;
}

function renameHelper(config) {
  const agents = agentListOf(config);
  if (Array.isArray(agents)) {
    const helper = agents.find((agent) => agent.id === "helper");
    if (helper) helper.name = "Helper Two";
  } else if (agents && typeof agents === "object" && agents.helper) agents.helper.name = "Helper Two";
  return config;
}

function reorderProvider(config) {
  const provider = config.models?.providers?.harness;
  if (provider) config.models.providers.harness = Object.fromEntries(Object.entries(provider).reverse());
  return config;
}

function includeHooks(config, files) {
  files["inc/hooks.json5"] = JSON.stringify(config.hooks ?? {}, null, 2);
  config.hooks = { $include: "./inc/hooks.json5" };
  return config;
}

function inlineHooks(config, files, readFile) {
  const included = readFile("inc/hooks.json5");
  if (included !== undefined) config.hooks = JSON.parse(included);
  return config;
}
