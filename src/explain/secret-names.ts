/**
 * Which config keys and variable names hold secrets. Names are split into
 * words (camelCase, snake_case, kebab-case, dots, digits) and matched word
 * by word, so `encryptionKey`, `X-Auth`, `DB_PWD` and `sentryDsn` are
 * caught while `keyboard` or `passive` are not. docs/safety.md states the
 * rule; keep the two in step.
 */

/** A name holding any of these words is secret. */
const SECRET_WORDS = new Set([
  "token", "tokens", "password", "passwords", "passwd", "passphrase", "pass", "pwd", "pin", "otp", "totp",
  "secret", "secrets", "credential", "credentials", "cookie", "cookies", "bearer", "jwt", "dsn", "hmac", "salt",
  "apikey", "accesskey", "secretkey", "privatekey", "privkey", "signing", "authorization", "webhook", "webhooks",
]);

/** Unambiguous inside a run-together name too (`PGPASSWORD`, `mysqlsecret`); `token` is not (`tokenizer`). */
const SECRET_STEMS = ["password", "passwd", "passphrase", "secret", "credential", "apikey", "privatekey"];

/** `key` or `keys` as the last word (`apiKey`, `privKey`, `key`), but not `keyFile` or `sessionKey`. */
const KEY_WORDS = new Set(["key", "keys"]);

/** Config keys that end in `Key` and name a thing rather than hold a secret. */
const NAMING_KEY_QUALIFIERS = new Set(["session", "main", "public", "cache", "dedupe", "idempotency", "sort", "label", "history", "route", "scope", "thread", "group", "lookup", "partition"]);

/** `auth` only inside a longer name (`X-Auth`, `basicAuth`); a bare `auth` is a container such as `gateway.auth`. */
const QUALIFIED_ONLY_WORDS = new Set(["auth"]);

/** Containers of environment variables (`env`, `env.vars`, `skills.entries.*.env`, `sandbox.docker.env`): every value below is secret. */
const ENV_CONTAINER_WORDS = new Set(["env", "environment"]);

const WORD = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;

export function nameWords(name: string): string[] {
  return (name.match(WORD) ?? []).map((word) => word.toLowerCase());
}

export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.some((word) => SECRET_WORDS.has(word) || SECRET_STEMS.some((stem) => word.includes(stem)))) return true;
  const last = words.at(-1);
  if (last !== undefined && KEY_WORDS.has(last)) return words.length === 1 || !NAMING_KEY_QUALIFIERS.has(words.at(-2)!);
  return words.length > 1 && words.some((word) => QUALIFIED_ONLY_WORDS.has(word));
}

export function isEnvContainerName(name: string): boolean {
  const last = nameWords(name).at(-1);
  return last !== undefined && ENV_CONTAINER_WORDS.has(last);
}
