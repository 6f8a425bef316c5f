import { describe, expect, it } from "vitest";
// @ts-expect-error plain ES modules of the parity sweep, without type declarations
import { comparePlans, decision, exclusionReason, normalizeReal } from "../../scripts/parity/compare.mjs";
// @ts-expect-error see above
import { catalogPrefixes, generatePairs } from "../../scripts/parity/pairs.mjs";
// @ts-expect-error see above
import { stubNamedIn } from "../../scripts/parity/stub-hooks.mjs";

/** The sweep's own logic: pair generation, exclusion and comparison (the oracle itself is proven by real-parity.test.ts). */
interface Pair {
  id: number;
  kind: string;
  label: string;
  before: unknown;
  after: unknown;
}
const prefixes = catalogPrefixes(process.cwd()) as string[];
const plan = (fields: object) => ({ changedPaths: [], restartGateway: false, restartReasons: [], hotReasons: [], noopPaths: [], actions: [], restartChannels: [], unmodeled: [], ...fields });

describe("parity pairs", () => {
  it("are the same for the same seed and differ for another", () => {
    const first = generatePairs({ count: 400, prefixes }) as Pair[];
    expect(generatePairs({ count: 400, prefixes })).toEqual(first);
    expect(generatePairs({ count: 400, prefixes, seed: 1 })).not.toEqual(first);
    expect(first.map((pair) => pair.id)).toEqual(first.map((_, index) => index));
  });

  it("hold the edge cases issue 14 names, probes and random pairs", () => {
    const pairs = generatePairs({ count: 600, prefixes }) as Pair[];
    const find = (label: string) => pairs.find((pair) => pair.label === label);
    expect(find("empty gateway object")).toMatchObject({ before: {}, after: { gateway: {} } });
    expect(find("added mcp.apps.k")).toMatchObject({ before: {}, after: { mcp: { apps: { k: 1 } } } });
    expect(find("plugins.installs 1 to 2")).toMatchObject({ before: { plugins: { installs: 1 } }, after: { plugins: { installs: 2 } } });
    expect(find("SecretRef token, mode trusted-proxy")?.after).toMatchObject({ gateway: { auth: { mode: "trusted-proxy", token: { source: "env" } } } });
    const resave = find("identical re-save of agents.list")!;
    expect(resave.after).toEqual(resave.before);
    expect(resave.after).not.toBe(resave.before);
    expect(new Set(pairs.map((pair) => pair.kind))).toEqual(new Set(["edge", "probe", "random"]));
  });
});

describe("parity verdicts", () => {
  it("tell order-only path differences from different paths", () => {
    expect(comparePlans(plan({ changedPaths: ["a", "b"] }), plan({ changedPaths: ["b", "a"] })).fields).toEqual(["changedPaths order"]);
    expect(comparePlans(plan({ changedPaths: ["a"] }), plan({ changedPaths: ["a", "b"] })).fields).toEqual(["changedPaths"]);
    expect(comparePlans(plan({ changedPaths: ["a"] }), plan({ changedPaths: ["a"] })).fields).toEqual([]);
  });

  it("read the real plan's true flags as actions and keep unmodelled fields visible", () => {
    const real = normalizeReal({ changedPaths: ["hooks"], plan: { restartGateway: false, restartReasons: [], hotReasons: ["hooks"], noopPaths: [], reloadHooks: true, restartCron: false, restartChannels: ["telegram"], restartServices: ["browser"] } });
    expect(real.actions).toEqual(["reloadHooks"]);
    expect(real.unmodeled).toEqual(['restartServices=["browser"]']);
    expect(decision(real)).toBe("hot");
    expect(comparePlans(real, plan({ changedPaths: ["hooks"], hotReasons: ["hooks"], actions: ["reloadHooks"], restartChannels: ["telegram"] })).fields).toEqual(["unmodeled"]);
  });

  it("exclude pairs that touched a stub or never reach the reloader, and nothing else", () => {
    const pair = { before: {}, after: { plugins: { installs: {} } } };
    expect(exclusionReason({ touched: { zod: ["call zod#z.object()"] } }, { before: {}, after: {} }, {})).toBe("stub touched: zod");
    expect(exclusionReason({ touched: {}, error: "TypeError: x" }, { before: {}, after: {} }, {})).toBe("real code threw: TypeError: x");
    expect(exclusionReason({ touched: {} }, pair, { stripsConfigInstalls: true })).toMatch(/^config plugins.installs/);
    expect(exclusionReason({ touched: {} }, pair, { stripsConfigInstalls: false })).toBeNull();
  });

  it("find the stub a load error names", () => {
    expect(stubNamedIn('The "path" argument must be of type string. Received function stub:@openclaw/fs-safe/temp#module.exports.resolveSecureTempRoot()')).toBe("@openclaw/fs-safe/temp#module.exports.resolveSecureTempRoot()");
    expect(stubNamedIn("Cannot read [stub zod#z.object()] here")).toBe("zod#z.object()");
    expect(stubNamedIn("an unrelated error")).toBeNull();
  });
});
