import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { jsonDeepEqual } from "../../src/shared/json-equal.js";

// Pairs that share structure, so that equal and nearly equal values both occur often.
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, fc.constantFrom(0, -0, 1, Number.NaN, "", "a", true, false, null), fc.array(tie("value"), { maxLength: 3 }), fc.dictionary(fc.constantFrom("a", "b", "c"), tie("value"), { maxKeys: 3, noNullPrototype: true })),
})).value;

describe("jsonDeepEqual", () => {
  it("agrees with isDeepStrictEqual on parsed config data", () => {
    fc.assert(
      fc.property(json, json, (left, right) => {
        expect(jsonDeepEqual(left, right)).toBe(isDeepStrictEqual(left, right));
        expect(jsonDeepEqual(left, structuredClone(left))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("tells -0 from 0, key order does not matter, and a null-prototype record is not a plain one", () => {
    expect(jsonDeepEqual({ a: -0 }, { a: 0 })).toBe(false);
    expect(jsonDeepEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(jsonDeepEqual({ a: undefined }, { b: undefined })).toBe(false);
    expect(jsonDeepEqual(Object.assign(Object.create(null), { a: 1 }), { a: 1 })).toBe(isDeepStrictEqual(Object.assign(Object.create(null), { a: 1 }), { a: 1 }));
  });
});
