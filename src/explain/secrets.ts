import { createHash } from "node:crypto";
import { defineOwn, isPlainObject } from "../shared/values.js";

// authorization: provider headers carry "Bearer <key>"; webhook: a Slack or Discord webhook URL is itself the credential.
const SECRET_KEY = /token|password|passwd|secret|api[-_]?key|private[-_]?key|credential|cookie|bearer|^key$|signing|authorization|webhook/i;
const ENV_REF_ONLY = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/** Short, stable, one-way: enough to see that a secret changed, never enough to recover it. */
export function fingerprint(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `sha256:${createHash("sha256").update(text).digest("hex").slice(0, 8)}`;
}

/** An OpenClaw SecretRef: `{ source: env|file|exec, provider, id }`, resolved at runtime. */
export const isSecretRef = (value: unknown): value is { source: string; provider: string; id: string } =>
  isPlainObject(value) && Object.keys(value).length === 3 && ["env", "file", "exec"].includes(String(value["source"])) && typeof value["id"] === "string";

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

/** Copy-on-write: a subtree with nothing to redact is returned as is, so large clean values are not duplicated. */
function redactBelow(value: unknown, secret: boolean, known: KnownSecrets): unknown {
  if (typeof value === "string") return (secret && !ENV_REF_ONLY.test(value)) || holdsKnownSecret(value, known) ? redactedString(value) : value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((item, index) => {
      const redacted = redactBelow(item, secret, known);
      if (redacted !== item) (copy ??= [...value])[index] = redacted;
    });
    return copy ?? value;
  }
  if (isPlainObject(value)) {
    let copy: Record<string, unknown> | null = null;
    for (const [key, child] of Object.entries(value)) {
      const redacted = redactBelow(child, secret || isSecretKey(key), known);
      if (redacted === child) continue;
      copy ??= copyOwn(value);
      defineOwn(copy, key, redacted);
    }
    return copy ?? value;
  }
  return value;
}

/** A shallow copy that keeps keys such as `__proto__` as plain own properties. */
function copyOwn(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) defineOwn(copy, key, child);
  return copy;
}
