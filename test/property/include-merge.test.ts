import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeIncluded } from "../../src/config/includes.js";
import { loadConfig } from "../../src/config/load-config.js";
import { configObject, KEY_POOL, PROTO_KEYS } from "./arbitraries.js";
import { propertyRuns } from "./fuzz-settings.js";
import { memoryInput } from "./memory-source.js";

const authoredOf = (files: Record<string, string>) => loadConfig(memoryInput(files)).authored;
const json = (value: unknown) => JSON.stringify(value);
/** The gateway's merge drops __proto__/prototype/constructor keys on purpose; the equivalences hold without them. */
const mergeableKeys = fc.constantFrom(...KEY_POOL.filter((key) => key !== "constructor"));
const part = configObject({ keys: mergeableKeys, maxDepth: 3 });

describe("$include merge", () => {
  it("including a file is the same as writing its content inline", () => {
    fc.assert(
      fc.property(part, (content) => {
        expect(authoredOf({ "openclaw.json": json({ $include: "part.json5" }), "part.json5": json(content) })).toEqual(authoredOf({ "openclaw.json": json(content) }));
      }),
      propertyRuns(300),
    );
  });

  it("an include array equals a chain: [a, b] ≡ b's keys over an include of a", () => {
    fc.assert(
      fc.property(part, part, (first, second) => {
        const asArray = authoredOf({ "openclaw.json": json({ $include: ["a.json5", "b.json5"] }), "a.json5": json(first), "b.json5": json(second) });
        const asChain = authoredOf({ "openclaw.json": json({ $include: "b.json5" }), "a.json5": json(first), "b.json5": json({ ...second, $include: "a.json5" }) });
        expect(asArray).toEqual(asChain);
      }),
      propertyRuns(300),
    );
  });

  it("sibling keys win over included ones: scalars replace, arrays concatenate", () => {
    fc.assert(
      fc.property(part, part, (included, siblings) => {
        const merged = authoredOf({ "openclaw.json": json({ ...siblings, $include: "part.json5" }), "part.json5": json(included) }) as Record<string, unknown>;
        for (const [key, value] of Object.entries(JSON.parse(json(siblings)) as Record<string, unknown>)) {
          const base = (JSON.parse(json(included)) as Record<string, unknown>)[key];
          if (Array.isArray(value) && Array.isArray(base)) expect(merged[key]).toEqual([...base, ...value]);
          else if (typeof value !== "object" || value === null) expect(merged[key]).toEqual(value);
        }
      }),
      propertyRuns(300),
    );
  });

  // Not associative: ([x] then "" then []) gives [], ([x] then ("" then [])) gives [x]; include order matters.
  it("{} is the merge's identity on either side", () => {
    fc.assert(
      fc.property(part, (a) => {
        expect(mergeIncluded({}, a)).toEqual(a);
        expect(mergeIncluded(a, {})).toEqual(a);
      }),
      propertyRuns(1000),
    );
  });

  it("drops blocked keys the included content brings, as the gateway's deepMerge does", () => {
    expect(mergeIncluded({ a: 1 }, JSON.parse('{"constructor": 1, "prototype": 2, "__proto__": {"x": 1}, "b": 2}'))).toEqual({ a: 1, b: 2 });
  });

  it("__proto__, constructor and prototype keys in included files never pollute Object.prototype", () => {
    const hostile = configObject({ keys: fc.constantFrom(...KEY_POOL, ...PROTO_KEYS), maxDepth: 3 });
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(hostile, hostile, (included, siblings) => {
        authoredOf({ "openclaw.json": json({ ...siblings, $include: ["part.json5", "part.json5"] }), "part.json5": json(included) });
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
        expect(({} as Record<string, unknown>)["gateway"]).toBeUndefined();
      }),
      propertyRuns(300),
    );
  });
});
