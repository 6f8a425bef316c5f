import { collectKnownSecrets, isSecretContainer, isSecretText, redactedString, REDACTED_PATTERN, type KnownSecrets } from "../explain/secrets.js";
import type { LoadedConfig } from "../config/load-config.js";
import { defineOwn, isPlainObject } from "../shared/values.js";

const ENV_REF_ONLY = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/** Where a snapshot stores fingerprints instead of values. */
export interface MaskRule {
  /** Dotted paths of leaves that held `${VAR}` references: their resolved values came from the environment. */
  envSites: ReadonlySet<string>;
  /** Plaintext values of secret-named variables, wherever they appear. */
  known: KnownSecrets;
}

/**
 * A copy of `value` with secrets replaced by `<redacted hmac:…>`: strings
 * under secret-looking keys, at `${VAR}` sites, or holding a known secret.
 * Idempotent (a fingerprint is never fingerprinted again), so a snapshot
 * and a live state masked alike compare equal exactly when their values do.
 */
export function maskSecrets(value: unknown, rule: MaskRule, segments: string[] = [], inSecret = false): unknown {
  if (typeof value === "string") {
    if (REDACTED_PATTERN.test(value) || ENV_REF_ONLY.test(value)) return value;
    const masked = inSecret || rule.envSites.has(segments.join(".")) || isSecretText(value, rule.known);
    return masked ? redactedString(value) : value;
  }
  if (Array.isArray(value)) return value.map((item, index) => maskSecrets(item, rule, [...segments, String(index)], inSecret));
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    defineOwn(copy, key, maskSecrets(child, rule, [...segments, key], inSecret || isSecretContainer(key)));
  }
  return copy;
}

/** The resolved values of a loaded side's secret-named `${VAR}`s. */
export function knownSecretsOf(loaded: LoadedConfig): KnownSecrets {
  const values: { name: string; value: string }[] = [];
  for (const site of loaded.envReferences.values()) {
    for (const reference of site.references) {
      const resolved = reference.resolved ? loaded.env.lookup(reference.name) : undefined;
      if (resolved) values.push({ name: reference.name, value: resolved.value });
    }
  }
  return collectKnownSecrets(values);
}
