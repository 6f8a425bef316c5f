import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Every canary holds this marker; no output may contain it. Variable names never do. */
export const CANARY_MARKER = "CNRY";

const canary = (what: string, side: string) => `${CANARY_MARKER}-${what}-${side}-q8Zt4w`;

/** Values that reach ${VAR} from outside the config, by source. */
export function secretEnv(side: string) {
  return {
    processEnv: { REMOTE_GATEWAY_TOKEN: canary("process-env", side), API_SECRET_NAME: canary("secret-named-var", side) },
    dotEnv: `HOOKS_TOKEN=${canary("dotenv", side)}\nOPENAI_API_KEY=${canary("dotenv-openai", side)}\n`,
    envFile: `SLACK_WEBHOOK_SECRET=${canary("env-file", side)}\n`,
    envOption: `GATEWAY_PASSWORD=${canary("env-option", side)}`,
  };
}

/** A config with a secret in every place the gateway keeps one, inline or by reference. */
function seededConfig(side: string): unknown {
  return {
    meta: { lastTouchedAt: side === "before" ? "2026-05-02T09:00:00.000Z" : "2026-05-02T10:00:00.000Z" },
    env: { vars: { ANTHROPIC_API_KEY: canary("env-block", side) } },
    gateway: {
      port: 18789,
      auth: { mode: "token", token: canary("gateway-token", side), password: "${GATEWAY_PASSWORD}" },
      remote: { token: "${REMOTE_GATEWAY_TOKEN}", password: canary("remote-password", side) },
    },
    hooks: { enabled: true, token: "${HOOKS_TOKEN}" },
    models: {
      providers: {
        openai: { baseUrl: "https://api.openai.com/v1", apiKey: "${OPENAI_API_KEY}" },
        anthropic: { baseUrl: "https://api.anthropic.com", apiKey: "${ANTHROPIC_API_KEY}" },
        mistral: { baseUrl: "https://api.mistral.ai/v1", apiKey: canary("inline-api-key", side) },
        proxy: { baseUrl: "https://llm.example.com/v1", headers: { Authorization: `Bearer ${canary("auth-header", side)}` } },
      },
    },
    channels: {
      telegram: { enabled: true, botToken: canary("telegram-bot-token", side) },
      discord: { enabled: true, token: { source: "env", provider: "default", id: "DISCORD_BOT_TOKEN" }, webhookUrl: `https://discord.com/api/webhooks/1/${canary("webhook", side)}` },
      slack: { enabled: true, webhookUrl: "${SLACK_WEBHOOK_SECRET}", signingSecret: canary("slack-signing", side), appToken: canary("slack-app", side) },
    },
    identity: { name: "${API_SECRET_NAME}" },
    agents: { defaults: { model: { primary: "openai/gpt-5" } }, list: [{ id: side === "before" ? "main" : "research" }] },
  };
}

/** Writes seeded before/after state dirs (config + .env) and a --dotenv file; returns their paths. */
export function writeSecretStates(): { root: string; before: string; after: string; envFile: string } {
  const root = mkdtempSync(join(tmpdir(), "clawdiff-secret-states-"));
  for (const side of ["before", "after"]) {
    mkdirSync(join(root, side));
    writeFileSync(join(root, side, "openclaw.json"), JSON.stringify(seededConfig(side), null, 2));
    writeFileSync(join(root, side, ".env"), secretEnv(side).dotEnv);
  }
  writeFileSync(join(root, "extra.env"), secretEnv("after").envFile);
  return { root, before: join(root, "before"), after: join(root, "after"), envFile: join(root, "extra.env") };
}
