import fc from "fast-check";
import { defineOwn } from "../../src/shared/values.js";

/**
 * Config-shaped random values. Keys come from a small pool so that two
 * generated configs share keys often (the interesting case for a diff), and
 * the pool holds the awkward ones: a dotted model id, keys that shadow
 * Object.prototype members, and secret-looking names.
 */
export const KEY_POOL = ["gateway", "auth", "token", "agents", "list", "mode", "claude-sonnet-4.6", "constructor", "toString", "a", "b", ""] as const;
export const PROTO_KEYS = ["__proto__", "prototype"] as const;

const scalar = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0, -0, 1.5, 1e21, Number.MAX_SAFE_INTEGER),
  fc.constantFrom("", "x", "${OPENCLAW_GATEWAY_TOKEN}", "a.b", "\u{1F980}", "\ud800"),
  fc.string({ maxLength: 6 }),
  fc.boolean(),
  fc.constant(null),
);

/** Builds an object whose keys are own data properties, even "__proto__" (as JSON.parse does). */
export function objectFrom(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) defineOwn(out, key, value);
  return out;
}

export interface TreeOptions {
  keys?: fc.Arbitrary<string>;
  /** Extra leaves beyond JSON scalars (undefined, NaN) for the pure diff. */
  extraLeaves?: fc.Arbitrary<unknown>;
  maxDepth?: number;
}

export function configTree({ keys = fc.constantFrom(...KEY_POOL), extraLeaves, maxDepth = 4 }: TreeOptions = {}): fc.Arbitrary<unknown> {
  const leaf = extraLeaves ? fc.oneof(scalar, extraLeaves) : scalar;
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", maxDepth },
      leaf,
      fc.array(tie("tree"), { maxLength: 3 }),
      fc.array(fc.tuple(keys, tie("tree")), { maxLength: 4 }).map(objectFrom),
    ),
  }));
  return tree;
}

/** A plain object at the top, as every loaded config is. */
export function configObject(options: TreeOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  return fc.array(fc.tuple(options.keys ?? fc.constantFrom(...KEY_POOL), configTree(options)), { maxLength: 5 }).map(objectFrom);
}

const ABSENT = Symbol("absent");

/** A copy that shares no objects with the original but keeps own "__proto__" keys. */
export function deepClone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deepClone);
  if (typeof value === "object" && value !== null) return objectFrom(Object.keys(value).map((key) => [key, deepClone((value as Record<string, unknown>)[key])]));
  return value;
}

/**
 * Two related configs: at each node the sides are equal copies, unrelated
 * values, or objects whose keys recurse, appear on one side only, or differ.
 * Independent pairs almost never share structure; these do, like real edits.
 */
export function configPair(options: TreeOptions = {}): fc.Arbitrary<[unknown, unknown]> {
  const keys = options.keys ?? fc.constantFrom(...KEY_POOL);
  const value = configTree(options);
  const { pair } = fc.letrec<{ pair: [unknown, unknown]; slot: [unknown, unknown] }>((tie) => ({
    pair: fc.oneof(
      { depthSize: "small", maxDepth: options.maxDepth ?? 4 },
      value.map((v): [unknown, unknown] => [v, deepClone(v)]),
      fc.tuple(value, value),
      fc.array(fc.tuple(keys, tie("slot")), { maxLength: 4 }).map((entries): [unknown, unknown] => [
        objectFrom(entries.filter(([, [before]]) => before !== ABSENT).map(([key, [before]]) => [key, before])),
        objectFrom(entries.filter(([, [, after]]) => after !== ABSENT).map(([key, [, after]]) => [key, after])),
      ]),
    ),
    slot: fc.oneof(
      tie("pair"),
      value.map((v): [unknown, unknown] => [v, ABSENT]),
      value.map((v): [unknown, unknown] => [ABSENT, v]),
    ),
  }));
  return pair;
}
