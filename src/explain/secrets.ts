import { createHmac, randomBytes } from "node:crypto";
import { mapStrings } from "../shared/map-strings.js";
import { isPlainObject } from "../shared/values.js";
import { isEnvContainerName, isSecretName } from "./secret-names.js";
import { holdsUrlCredentials, replaceUrlCredentials } from "./url-credentials.js";

const ENV_REF_ONLY = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/** Hex digits of a fingerprint: 128 bits, so no birthday search makes two secrets compare equal. */
const FINGERPRINT_HEX = 32;

/** A redacted value as every output and every snapshot writes it. */
export const REDACTED_PATTERN = /^<redacted hmac:[0-9a-f]{32}>$/;

const KEY_ID_LABEL = "clawdiff fingerprint key id v1";

/** Supplies the fingerprint key when a fingerprint is first needed (the CLI reads or creates the user's key). */
export type FingerprintKeySource = () => Buffer;

// Without a source (library use, unit tests) prints are keyed by a random per-process key: safe, never comparable across runs.
const processKey = randomBytes(32);
let keySource: FingerprintKeySource = () => processKey;
let cachedKey: Buffer | null = null;

export function useFingerprintKey(source: FingerprintKeySource): void {
  keySource = source;
  cachedKey = null;
}

const fingerprintKey = () => (cachedKey ??= keySource());

const hmacHex = (text: string) => createHmac("sha256", fingerprintKey()).update(text).digest("hex");

/**
 * Keyed and one-way: equal values print alike under one key, and nobody
 * without the key can confirm a guess (a plain hash of a PIN falls to a
 * two-second search).
 */
export function fingerprint(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `hmac:${hmacHex(text).slice(0, FINGERPRINT_HEX)}`;
}

/** Names the key without revealing it: snapshots record it and refuse another. */
export function fingerprintKeyId(): string {
  return hmacHex(KEY_ID_LABEL).slice(0, 16);
}

/** An OpenClaw SecretRef: `{ source: env|file|exec, provider, id }`, resolved at runtime. */
export const isSecretRef = (value: unknown): value is { source: string; provider: string; id: string } =>
  isPlainObject(value) && Object.keys(value).length === 3 && ["env", "file", "exec"].includes(String(value["source"])) && typeof value["id"] === "string";

export function isSecretKey(key: string): boolean {
  return isSecretName(key);
}

/** A key whose whole subtree is secret: a secret-looking name, or a container of environment variables. */
export function isSecretContainer(key: string): boolean {
  return isSecretName(key) || isEnvContainerName(key);
}

export function isSecretPath(segments: readonly string[]): boolean {
  return segments.some(isSecretContainer);
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

/** Whether a string is secret wherever it sits: it holds a known secret value or a URL's userinfo. */
export function isSecretText(text: string, known: KnownSecrets): boolean {
  return holdsUrlCredentials(text) || holdsKnownSecret(text, known);
}

/**
 * A copy of `value` safe to print: strings under secret-looking keys or
 * environment containers, and strings holding a known secret or URL
 * credentials, become fingerprints. A bare `${VAR}` reference is kept,
 * since it names the secret's source rather than holding it.
 */
export function redactValue(value: unknown, segments: readonly string[], showSecrets = false, known: KnownSecrets = new Set()): unknown {
  if (showSecrets) return value;
  return redactBelow(value, isSecretPath(segments), known);
}

function redactBelow(value: unknown, secret: boolean, known: KnownSecrets): unknown {
  return mapStrings(value, (text, inSecret) => ((inSecret && !ENV_REF_ONLY.test(text)) || isSecretText(text, known) ? redactedString(text) : text), isSecretContainer, secret);
}

/** `text` with every known secret in it, and any URL userinfo, replaced by a fingerprint. */
export function redactText(text: string, known: KnownSecrets): string {
  let redacted = text;
  for (const secret of known) if (redacted.includes(secret)) redacted = redacted.split(secret).join(redactedString(secret));
  return replaceUrlCredentials(redacted, redactedString);
}

/**
 * Text derived from values (cause summaries, evidence) passed through the
 * redaction the value column gets: copy-on-write over every string.
 */
export function redactDerived<T>(value: T, known: KnownSecrets): T {
  return mapStrings(value, (text) => redactText(text, known)) as T;
}
