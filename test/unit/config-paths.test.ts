import { describe, expect, it } from "vitest";
import { diffConfigPaths } from "../../src/diff/config-paths.js";

const paths = (a: unknown, b: unknown) => diffConfigPaths(a, b).map((change) => change.path);

describe("diffConfigPaths (the gateway's evaluator walk)", () => {
  it("reports nothing for identical or deeply equal configs", () => {
    const config = { gateway: { port: 18789 }, agents: { list: [{ id: "main" }] } };
    expect(paths(config, config)).toEqual([]);
    expect(paths(config, structuredClone(config))).toEqual([]);
  });

  it("recurses into objects and reports leaf paths", () => {
    expect(paths({ gateway: { port: 1, bind: "loopback" } }, { gateway: { port: 2, bind: "loopback" } })).toEqual(["gateway.port"]);
  });

  it("reports an added or removed key at the key's own path, not its leaves", () => {
    expect(paths({ gateway: {} }, { gateway: { tailscale: { mode: "off", resetOnExit: false } } })).toEqual(["gateway.tailscale"]);
    expect(paths({ gateway: { tailscale: { mode: "off" } } }, { gateway: {} })).toEqual(["gateway.tailscale"]);
  });

  it("skips keys that are undefined on both sides", () => {
    expect(paths({ a: undefined, b: 1 }, { a: undefined, b: 1 })).toEqual([]);
    expect(paths({ a: undefined }, {})).toEqual([]);
  });

  it("treats undefined vs null as a change", () => {
    expect(paths({ a: undefined }, { a: null })).toEqual(["a"]);
  });

  it("compares arrays whole and reports the array path, never an element path", () => {
    expect(paths({ agents: { list: [{ id: "main" }] } }, { agents: { list: [{ id: "main" }, { id: "research" }] } })).toEqual([
      "agents.list",
    ]);
    expect(paths({ list: [1, 2] }, { list: [2, 1] })).toEqual(["list"]);
    expect(paths({ list: [{ id: "a", x: 1 }] }, { list: [{ id: "a", x: 1 }] })).toEqual([]);
  });

  it("uses strict equality inside arrays (1 and '1' differ)", () => {
    expect(paths({ list: [1] }, { list: ["1"] })).toEqual(["list"]);
  });

  it("reports a type change at the current path", () => {
    expect(paths({ a: { b: 1 } }, { a: [1] })).toEqual(["a"]);
    expect(paths({ a: [] }, { a: {} })).toEqual(["a"]);
    expect(paths({ a: "1" }, { a: 1 })).toEqual(["a"]);
  });

  it("reports <root> when the top level itself differs", () => {
    expect(paths({ a: 1 }, [1])).toEqual(["<root>"]);
    expect(paths(null, {})).toEqual(["<root>"]);
    expect(paths(1, 2)).toEqual(["<root>"]);
    expect(paths([1], [2])).toEqual(["<root>"]);
  });

  it("orders paths as the walk visits them: previous keys first, then added keys", () => {
    const before = { b: 1, a: 1, c: 1 };
    const after = { c: 2, d: 1, a: 2, b: 2 };
    expect(paths(before, after)).toEqual(["b", "a", "c", "d"]);
  });

  it("joins dotted keys ambiguously, as the gateway does, but keeps the real segments", () => {
    const changes = diffConfigPaths(
      { models: { "claude-sonnet-4.6": { alias: "a" } } },
      { models: { "claude-sonnet-4.6": { alias: "b" } } },
    );
    expect(changes).toEqual([{ path: "models.claude-sonnet-4.6.alias", segments: ["models", "claude-sonnet-4.6", "alias"] }]);
  });

  it("reports NaN against NaN, since the gateway compares leaves with ===", () => {
    expect(paths({ a: Number.NaN }, { a: Number.NaN })).toEqual(["a"]);
  });

  it("keeps an empty-string key's quirk: no leading dot", () => {
    expect(paths({ "": { x: 1 } }, { "": { x: 2 } })).toEqual(["x"]);
  });
});
