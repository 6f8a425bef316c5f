import type { AuthModeStable } from "../rules/catalog.js";
import { isPlainObject } from "../shared/values.js";

const SECRET_SOURCES = new Set(["env", "file", "exec", "store"]);
const ENV_TEMPLATE = /^\$\{[A-Z][A-Z0-9_]{0,127}\}$|^\$[A-Z][A-Z0-9_]{0,127}$/;
const ENV_REFERENCE = /\$\{[A-Z_][A-Z0-9_]*\}/;

const nonBlank = (value: unknown) => typeof value === "string" && value.trim().length > 0;

/** What the gateway's coerceSecretRef accepts: `{source, provider, id}`, the same without provider, or `${NAME}` / `$NAME`. */
function isSecretInputRef(value: unknown): boolean {
  if (typeof value === "string") return ENV_TEMPLATE.test(value.trim());
  if (!isPlainObject(value) || !SECRET_SOURCES.has(String(value["source"])) || !nonBlank(value["id"])) return false;
  if (value["provider"] === undefined) return true;
  return Object.keys(value).length === 3 && nonBlank(value["provider"]);
}

/** A configured literal credential: trimmed, non-blank, no unresolved `${VAR}` left in it. */
function literalCredential(value: unknown): string | undefined {
  if (typeof value !== "string" || !value.trim()) return undefined;
  return ENV_REFERENCE.test(value.trim()) ? undefined : value.trim();
}

/**
 * One side's auth mode as canHotReloadGatewayAuthCredentials resolves it:
 * none when a credential is a SecretRef and no mode is set; the explicit
 * mode; else `password` when a password is configured or in the env, else
 * `token`.
 */
function resolvedMode(config: unknown, test: AuthModeStable, envValue: (name: string) => string | undefined): unknown {
  const gateway = isPlainObject(config) ? config["gateway"] : undefined;
  const auth = isPlainObject(gateway) && isPlainObject(gateway["auth"]) ? gateway["auth"] : {};
  if (!auth["mode"] && (isSecretInputRef(auth["token"]) || isSecretInputRef(auth["password"]))) return undefined;
  if (auth["mode"] !== undefined && auth["mode"] !== null) return auth["mode"];
  const password = isSecretInputRef(auth["password"]) ? undefined : literalCredential(auth["password"]);
  return password || envValue(test.passwordEnv)?.trim() ? "password" : "token";
}

/** Whether a credential change may hot-reload: both sides resolve to the same mode, one of the hot modes. */
export function authModeStable(test: AuthModeStable, previous: unknown, candidate: unknown, envValue: (name: string) => string | undefined): boolean {
  if (previous === undefined || candidate === undefined) return false;
  const before = resolvedMode(previous, test, envValue);
  return typeof before === "string" && test.hotModes.includes(before) && before === resolvedMode(candidate, test, envValue);
}
