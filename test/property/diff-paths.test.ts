import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffConfigPaths } from "../../src/diff/config-paths.js";
import { listBundledCatalogs } from "../../src/sources/catalog-store.js";
import { configPair, configTree, deepClone, KEY_POOL, PROTO_KEYS } from "./arbitraries.js";
import { propertyRuns } from "./fuzz-settings.js";
import { loadOracles } from "./oracle.js";

const paths = (a: unknown, b: unknown) => diffConfigPaths(a, b).map((change) => change.path);
const segmentKeys = (a: unknown, b: unknown) => diffConfigPaths(a, b).map((change) => JSON.stringify(change.segments)).sort();

/** Pure-diff inputs may hold what a loaded config cannot: undefined leaves, NaN, own "__proto__" keys. */
const wideKeys = fc.constantFrom(...KEY_POOL, ...PROTO_KEYS);
const wideLeaves = fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY);

/** The versions clawdiff claims to match exactly: those its bundled catalogs are for or cover. */
const claimedVersions = listBundledCatalogs().flatMap((entry) => [entry.openclawVersion, ...entry.coversVersions]);

const oracles = loadOracles([...new Set(claimedVersions)]);
/** A fixed budget shared by the oracles, so more bundled versions do not slow the default run. */
const runsPerOracle = (total: number) => Math.max(200, Math.floor(total / oracles.length));

describe.each(oracles)("diffConfigPaths equals the oracle: $name", ({ diffConfigPaths: oracle }) => {
  it("on related pairs (same paths, same order, as the gateway logs them)", () => {
    fc.assert(
      fc.property(configPair({ keys: wideKeys, extraLeaves: wideLeaves }), ([a, b]) => {
        expect(paths(a, b)).toEqual(oracle(a, b));
      }),
      propertyRuns(runsPerOracle(6000)),
    );
  });

  it("on unrelated values, including non-object tops", () => {
    const tree = configTree({ keys: wideKeys, extraLeaves: wideLeaves });
    fc.assert(
      fc.property(tree, tree, (a, b) => {
        expect(paths(a, b)).toEqual(oracle(a, b));
      }),
      propertyRuns(runsPerOracle(3000)),
    );
  });
});

describe("diffConfigPaths invariants", () => {
  it("diff(a, a) is empty, for the same object and for a deep copy without NaN", () => {
    fc.assert(
      fc.property(configTree({ keys: wideKeys, extraLeaves: fc.constant(undefined) }), (a) => {
        expect(paths(a, a)).toEqual([]);
        expect(paths(a, deepClone(a))).toEqual([]);
      }),
      propertyRuns(1500),
    );
  });

  it("NaN is the exception, as in the gateway: leaves compare with ===, arrays with deep equality", () => {
    // Faithful, not a wish: the published walk has the same asymmetry.
    expect(paths({ a: Number.NaN }, { a: Number.NaN })).toEqual(["a"]);
    expect(paths({ a: [Number.NaN] }, { a: [Number.NaN] })).toEqual([]);
  });

  it("is symmetric: diff(a, b) and diff(b, a) name the same paths (order follows the first argument)", () => {
    fc.assert(
      fc.property(configPair({ keys: wideKeys, extraLeaves: wideLeaves }), ([a, b]) => {
        expect(segmentKeys(a, b)).toEqual(segmentKeys(b, a));
      }),
      propertyRuns(3000),
    );
  });

  it("every path is its segments joined as the gateway joins them, or <root> when that is empty", () => {
    fc.assert(
      fc.property(configPair(), ([a, b]) => {
        const changes = diffConfigPaths(a, b);
        for (const change of changes) {
          // The gateway only adds a dot after a non-empty prefix, so leading "" keys vanish from the path.
          const joined = change.segments.reduce((prefix, key) => (prefix ? `${prefix}.${key}` : key), "");
          expect(change.path).toBe(joined || "<root>");
        }
        if (changes.some((change) => change.segments.length === 0)) expect(changes).toHaveLength(1);
      }),
      propertyRuns(2000),
    );
  });
});
