import { createHash } from "node:crypto";
import { isPlainObject } from "../shared/values.js";

// authorization: provider headers carry "Bearer <key>"; webhook: a Slack or Discord webhook URL is itself the credential.
const SECRET_KEY = /token|password|passwd|secret|api[-_]?key|private[-_]?key|credential|cookie|bearer|^key$|signing|authorization|webhook/i;
const ENV_REF_ONLY = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/** Short, stable, one-way: enough to see that a secret changed, never enough to recover it. */
export function fingerprint(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `sha256:${createHash("sha256").update(text).digest("hex").slice(0, 8)}`;
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

export function isSecretPath(segments: readonly string[]): boolean {
  return segments.some(isSecretKey);
}

export function redactedString(value: unknown): string {
  return `<redacted ${fingerprint(value)}>`;
}

/** Plaintext values known to be secret wherever they appear (resolved `${SECRET_NAME}` values). */
export type KnownSecrets = ReadonlySet<string>;

const MIN_KNOWN_SECRET_LENGTH = 4;

/** The resolved values of variables whose names look secret: these never print, whatever key holds them. */
export function collectKnownSecrets(values: Iterable<{ name: string; value: string }>): Set<string> {
  const secrets = new Set<string>();
  for (const { name, value } of values) if (isSecretKey(name) && value.length >= MIN_KNOWN_SECRET_LENGTH) secrets.add(value);
  return secrets;
}

const holdsKnownSecret = (text: string, known: KnownSecrets) => {
  for (const secret of known) if (text.includes(secret)) return true;
  return false;
};

/**
 * A copy of `value` safe to print: strings under secret-looking keys, and
 * strings holding a known secret value, become fingerprints. A bare
 * `${VAR}` reference is kept, since it names the secret's source rather
 * than holding it.
 */
export function redactValue(value: unknown, segments: readonly string[], showSecrets = false, known: KnownSecrets = new Set()): unknown {
  if (showSecrets) return value;
  return redactBelow(value, isSecretPath(segments), known);
}

function redactBelow(value: unknown, secret: boolean, known: KnownSecrets): unknown {
  if (typeof value === "string") return (secret && !ENV_REF_ONLY.test(value)) || holdsKnownSecret(value, known) ? redactedString(value) : value;
  if (Array.isArray(value)) return value.map((item) => redactBelow(item, secret, known));
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      Object.defineProperty(copy, key, { value: redactBelow(child, secret || isSecretKey(key), known), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  return value;
}
