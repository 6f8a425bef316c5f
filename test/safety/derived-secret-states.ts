import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Every canary holds this marker; no output may contain it. */
export const DERIVED_MARKER = "DRVCNRY";

const canary = (what: string, side: string) => `${DERIVED_MARKER}-${what}-${side}-k3Pw9x`;

/** Secret-looking names the old key pattern let through, each holding a canary that changes between the sides. */
export const SECRET_LIKE_NAMES = [
  "passphrase", "pwd", "pin", "accessKey", "encryptionKey", "hmacKey", "jwt", "dsn", "privKey", "X-Auth",
  "clientSecret", "db_password", "refresh-token", "sessionSecret", "APP_PASS", "otpSeed", "sentryDsn", "masterKey",
];

/**
 * A pair of configs whose secrets reach derived text: array elements named
 * by a secret `key` or by an `id` from `${HOOK_TOKEN}` or `${TEAM_NAME}`
 * (ARRAY_ELEMENT causes and their evidence), the config's own env block,
 * URL userinfo, and values under every name in SECRET_LIKE_NAMES.
 */
function derivedConfig(side: string): unknown {
  const moved = side === "before" ? 1 : 2;
  return {
    meta: { lastTouchedAt: side === "before" ? "2026-05-02T09:00:00.000Z" : "2026-05-02T10:00:00.000Z" },
    env: { vars: { TEAM_SETTING: canary("env-block", side) }, PLAIN_TOP: canary("env-top", side) },
    gateway: { port: 18789, auth: { mode: "token", token: "${GATEWAY_TOKEN}" } },
    agents: {
      defaults: { model: { primary: "openai/gpt-5" } },
      list: [{ id: "main" }, { key: canary("identity-key", "both"), weight: moved }],
    },
    hooks: { enabled: true, mappings: [{ id: "${HOOK_TOKEN}", match: { path: `/hooks/${moved}` } }, { name: "${TEAM_NAME}", action: `wake-${moved}` }] },
    models: { providers: { proxy: { baseUrl: `https://relay:${canary("userinfo", side)}@llm.example.com/v1` } } },
    plugins: { entries: { vault: { enabled: true, config: Object.fromEntries(SECRET_LIKE_NAMES.map((name) => [name, canary(`name-${name}`, side)])) } } },
  };
}

export const derivedEnv = (side: string) =>
  `HOOK_TOKEN=${canary("hook-token-identity", "both")}\nTEAM_NAME=${canary("env-identity", "both")}\nGATEWAY_TOKEN=${canary("gateway-token", side)}\n`;

export function writeDerivedSecretStates(): { root: string; before: string; after: string } {
  const root = mkdtempSync(join(tmpdir(), "clawdiff-derived-states-"));
  for (const side of ["before", "after"]) {
    mkdirSync(join(root, side));
    writeFileSync(join(root, side, "openclaw.json"), JSON.stringify(derivedConfig(side), null, 2));
    writeFileSync(join(root, side, ".env"), derivedEnv(side));
  }
  return { root, before: join(root, "before"), after: join(root, "after") };
}
