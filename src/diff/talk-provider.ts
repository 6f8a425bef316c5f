import type { ProjectionResolver } from "./semantics.js";

/** Keys the gateway refuses as provider ids because assigning them could touch a prototype. */
const BLOCKED_KEYS = new Set(["__proto__", "prototype", "constructor"]);

/** A property read with JavaScript's semantics on any value (`value?.[key]`), own or not. */
function read(value: unknown, key: string): unknown {
  return value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
}

const trimmed = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value.trim() : undefined);

const providerKey = (value: unknown) => trimmed(value)?.toLowerCase() ?? "";

/**
 * The provider a talk section selects: `provider`, else the sole key of
 * `providers`; trimmed, and matched case-insensitively against the
 * `providers` keys when there are any (unmatched: none).
 */
function activeProvider(section: unknown): string | undefined {
  const providers = read(section, "providers");
  const ids = Object.keys(providers ?? {});
  const provider = trimmed(read(section, "provider") ?? (ids.length === 1 ? ids[0] : undefined));
  if (!provider || BLOCKED_KEYS.has(provider.toLowerCase())) return undefined;
  if (!providers) return provider;
  const wanted = providerKey(provider);
  return Object.keys(providers).find((key) => providerKey(key) === wanted);
}

/** The talk provider ids as 2026.8.1-beta.3 – 2026.9.6 resolve them (resolveConfiguredTalk{Speech,Realtime}ProviderId). */
export function resolveProjection(resolver: ProjectionResolver, config: unknown): unknown {
  const talk = read(config, "talk");
  if (resolver === "talk-speech-provider") return talk ? activeProvider(talk) : undefined;
  const realtime = read(talk, "realtime");
  return realtime ? activeProvider(realtime) : undefined;
}
