// Builds an OpenClaw-shaped config (the shape of a real openclaw.json, written
// from the documented config reference, not from OpenClaw code). Agents
// dominate the size, as on gateways that host thousands of them; the other
// sections grow to "hundreds" and then stop, as they do in practice.

const CHANNELS = ["telegram", "discord", "slack", "whatsapp", "signal", "matrix"];
const PROVIDERS = ["anthropic", "openai", "openrouter", "google", "mistral", "groq", "deepseek", "xai", "together", "fireworks", "ollama", "lmstudio"];
const MODEL_FAMILIES = ["claude-sonnet-4.6", "claude-opus-4.5", "gpt-5.2", "gpt-5-mini", "gemini-3-pro", "llama-4-70b", "qwen3-coder", "mistral-large-3"];
const THEMES = ["calm", "terse", "playful", "formal", "curious", "pirate"];
const EMOJI = ["🦞", "🤖", "🦉", "🐙", "🚀", "🧭", "📚", "🛠️"];
const TIMEZONES = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Australia/Sydney"];
const TOOL_NAMES = ["read", "write", "edit", "exec", "browser", "web_search", "web_fetch", "cron", "message", "image"];
const SKILLS = ["github", "weather", "calendar", "notion", "summarize", "gmail", "jira", "spotify"];
const PLUGIN_KINDS = ["memory", "voice-call", "diagnostics", "mcp-bridge", "webhooks", "lobster", "canvas", "search"];

const clamp = (value, low, high) => Math.max(low, Math.min(high, Math.round(value)));

/** How big each section is for a given number of agents. */
export function sectionSizes(agentCount) {
  return {
    accountsPerChannel: clamp(agentCount / 30, 1, 70), // 6 channels: up to ~400 accounts
    providers: clamp(agentCount / 400, 2, PROVIDERS.length),
    modelsPerProvider: clamp(agentCount / 100, 3, 40),
    plugins: clamp(agentCount / 10, 3, 300),
  };
}

const agentId = (index) => `agent-${String(index).padStart(5, "0")}`;
const isoAt = (rng, base = Date.UTC(2026, 3, 1)) => new Date(base + rng.int(60 * 86400) * 1000 + rng.int(1000)).toISOString();

function buildAgent(index, modelRefs, rng) {
  const id = agentId(index);
  const agent = { id, name: `${rng.pick(["Support", "Research", "Ops", "Sales", "Coding", "Family"])} Agent ${index}` };
  if (index === 0) agent.default = true;
  Object.assign(agent, {
    workspace: `~/.openclaw/workspace-${id}`,
    model: { primary: rng.pick(modelRefs), fallbacks: [rng.pick(modelRefs), rng.pick(modelRefs)] },
    identity: { name: `Claw ${index}`, theme: rng.pick(THEMES), emoji: rng.pick(EMOJI), avatar: `avatars/${id}.png` },
    heartbeat: {
      every: rng.pick(["15m", "30m", "1h", "4h"]),
      target: rng.pick(["last", "none", "telegram"]),
      activeHours: { start: "08:00", end: "22:00", timezone: rng.pick(TIMEZONES) },
    },
    sandbox: { mode: rng.pick(["off", "non-main", "all"]), workspaceAccess: rng.pick(["none", "ro", "rw"]) },
    tools: { profile: rng.pick(["minimal", "coding", "messaging", "full"]), allow: [rng.pick(TOOL_NAMES), rng.pick(TOOL_NAMES)], deny: [rng.pick(TOOL_NAMES)] },
    skills: [rng.pick(SKILLS), rng.pick(SKILLS)],
  });
  return agent;
}

function buildProviders(sizes, rng) {
  const providers = {};
  for (const provider of PROVIDERS.slice(0, sizes.providers)) {
    const models = [];
    for (let i = 0; i < sizes.modelsPerProvider; i += 1) {
      const family = MODEL_FAMILIES[i % MODEL_FAMILIES.length];
      models.push({
        id: `${family}-${Math.floor(i / MODEL_FAMILIES.length)}`,
        name: `${family} (${provider})`,
        reasoning: rng.chance(0.5),
        input: rng.chance(0.5) ? ["text", "image"] : ["text"],
        cost: { input: rng.int(1500) / 100, output: rng.int(7500) / 100, cacheRead: rng.int(150) / 100, cacheWrite: rng.int(400) / 100 },
        contextWindow: rng.pick([128000, 200000, 1000000]),
        maxTokens: rng.pick([8192, 32000, 64000]),
      });
    }
    providers[provider] = {
      baseUrl: `https://api.${provider}.example/v1`,
      apiKey: `\${${provider.toUpperCase()}_API_KEY}`,
      api: rng.pick(["openai-completions", "anthropic-messages", "openai-responses"]),
      models,
    };
  }
  return providers;
}

function buildChannels(sizes, agentCount, rng) {
  const channels = {};
  const bindings = [];
  for (const channel of CHANNELS) {
    const accounts = {};
    for (let i = 0; i < sizes.accountsPerChannel; i += 1) {
      const accountId = `${channel}-acct-${i}`;
      const secretKey = channel === "discord" ? "token" : "botToken";
      accounts[accountId] = {
        name: `${channel} account ${i}`,
        enabled: rng.chance(0.9),
        [secretKey]: rng.chance(0.7) ? `\${${channel.toUpperCase()}_TOKEN_${i}}` : `oc_${channel}_${rng.hex(24)}`,
        dmPolicy: rng.pick(["pairing", "allowlist", "open"]),
        allowFrom: [`+1555${String(rng.int(10000000)).padStart(7, "0")}`],
        groupPolicy: rng.pick(["allowlist", "open", "disabled"]),
        historyLimit: rng.pick([20, 50, 100]),
      };
      bindings.push({ agentId: agentId(rng.int(agentCount)), match: { channel, accountId } });
    }
    channels[channel] = { enabled: true, dmPolicy: "pairing", accounts };
  }
  return { channels, bindings };
}

function buildPlugins(sizes, rng) {
  const entries = {};
  const installs = {};
  for (let i = 0; i < sizes.plugins; i += 1) {
    const id = `${PLUGIN_KINDS[i % PLUGIN_KINDS.length]}-${i}`;
    entries[id] = { enabled: rng.chance(0.8), config: { level: rng.pick(["low", "high"]), endpoint: `https://plugins.example/${id}`, apiKey: `\${PLUGIN_${i}_KEY}` } };
    if (i % 3 === 0) {
      installs[id] = { source: "npm", spec: `@openclaw/${id}@1.${i}.0`, installPath: `~/.openclaw/extensions/${id}`, version: `1.${i}.0`, installedAt: isoAt(rng), resolvedAt: isoAt(rng) };
    }
  }
  return { enabled: true, allow: Object.keys(entries).slice(0, 20), load: { paths: ["~/.openclaw/extensions"] }, entries, installs };
}

export function buildConfig(agentCount, rng) {
  const sizes = sectionSizes(agentCount);
  const providers = buildProviders(sizes, rng);
  const modelRefs = Object.entries(providers).flatMap(([provider, { models }]) => models.map((model) => `${provider}/${model.id}`));
  const { channels, bindings } = buildChannels(sizes, agentCount, rng);
  const list = Array.from({ length: agentCount }, (_, index) => buildAgent(index, modelRefs, rng));
  return {
    meta: { lastTouchedVersion: "2026.5.3", lastTouchedAt: isoAt(rng) },
    wizard: { lastRunAt: isoAt(rng), lastRunVersion: "2026.5.3", lastRunCommand: "onboard", lastRunMode: "local" },
    logging: { level: "info", consoleLevel: "warn", file: "~/.openclaw/logs/gateway.log" },
    gateway: {
      port: 18789,
      mode: "local",
      bind: "loopback",
      auth: { mode: "token", token: "${OPENCLAW_GATEWAY_TOKEN}" },
      tailscale: { mode: "off", resetOnExit: false },
      reload: { mode: "hybrid", debounceMs: 300 },
      controlUi: { enabled: true, basePath: "/" },
    },
    models: { mode: "merge", providers },
    agents: {
      defaults: {
        model: { primary: modelRefs[0], fallbacks: modelRefs.slice(1, 3) },
        workspace: "~/.openclaw/workspace",
        heartbeat: { every: "30m", target: "last" },
        maxConcurrent: 4,
        sandbox: { mode: "off" },
      },
      list,
    },
    bindings,
    tools: { profile: "coding", web: { search: { enabled: true, apiKey: "${BRAVE_API_KEY}" }, fetch: { enabled: true } }, exec: { host: "sandbox", timeoutSec: 1800 } },
    session: { scope: "per-sender", reset: { mode: "daily", atHour: 4 } },
    messages: { ackReaction: "👀", queue: { mode: "collect", debounceMs: 1000 } },
    commands: { native: "auto", text: true },
    channels,
    plugins: buildPlugins(sizes, rng),
    hooks: {
      enabled: true,
      token: "${OPENCLAW_HOOKS_TOKEN}",
      path: "/hooks",
      mappings: [{ match: { path: "gmail" }, action: "agent", agentId: agentId(0), deliver: true }],
      gmail: { account: "ops@example.com", label: "INBOX", topic: "projects/claw/topics/gmail" },
    },
    cron: { enabled: true, store: "~/.openclaw/cron/jobs.json", maxConcurrentRuns: 2 },
    env: { vars: { OPENCLAW_LOG_FORMAT: "json" } },
  };
}
