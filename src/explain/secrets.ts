import { createHash } from "node:crypto";
import { isPlainObject } from "../shared/values.js";

const SECRET_KEY = /token|password|passwd|secret|api[-_]?key|private[-_]?key|credential|cookie|bearer|^key$|signing/i;
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

/**
 * A copy of `value` safe to print: strings under secret-looking keys become
 * fingerprints. A bare `${VAR}` reference is kept, since it names the
 * secret's source rather than holding it.
 */
export function redactValue(value: unknown, segments: readonly string[], showSecrets = false): unknown {
  if (showSecrets) return value;
  return redactBelow(value, isSecretPath(segments));
}

function redactBelow(value: unknown, secret: boolean): unknown {
  if (typeof value === "string") return secret && !ENV_REF_ONLY.test(value) ? redactedString(value) : value;
  if (Array.isArray(value)) return value.map((item) => redactBelow(item, secret));
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      Object.defineProperty(copy, key, { value: redactBelow(child, secret || isSecretKey(key)), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  return value;
}
