import { describe, expect, it } from "vitest";
import { parseConfigPath } from "../../src/writer/config-path.js";

const lenient = { style: "dots-brackets", citation: "dist/x.js:1" } as const;
const strict = { style: "dots-brackets-strict", citation: "dist/x.js:1" } as const;

describe("parseConfigPath: the gateway's `openclaw config set` path syntax", () => {
  it("splits dots and brackets, keeps quoted keys with dots whole, honours escapes", () => {
    expect(parseConfigPath("agents.list[3].name", strict)).toEqual(["agents", "list", "3", "name"]);
    expect(parseConfigPath('agents.defaults.models["claude-sonnet-4.6"].alias', strict)).toEqual(["agents", "defaults", "models", "claude-sonnet-4.6", "alias"]);
    expect(parseConfigPath("models.providers.a\\.b.baseUrl", strict)).toEqual(["models", "providers", "a.b", "baseUrl"]);
  });

  it("the lenient parser of 2026.5.x skips empty segments; the strict one of 2026.9.x refuses them", () => {
    expect(parseConfigPath("gateway..port", lenient)).toEqual(["gateway", "port"]);
    expect(() => parseConfigPath("gateway..port", strict)).toThrow(/empty segment/);
    expect(parseConfigPath("list[0]name", lenient)).toEqual(["list", "0", "name"]);
    expect(() => parseConfigPath("list[0]name", strict)).toThrow(/missing separator/);
  });

  it("refuses what neither accepts", () => {
    expect(() => parseConfigPath("", lenient)).toThrow(/empty/);
    expect(() => parseConfigPath("a[0", lenient)).toThrow(/missing "\]"/);
    expect(() => parseConfigPath("a[]", lenient)).toThrow(/empty "\[\]"/);
    expect(() => parseConfigPath("a.constructor", lenient)).toThrow(/refused/);
  });
});
