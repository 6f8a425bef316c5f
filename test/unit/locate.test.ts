import { describe, it, expect } from "vitest";
import { locateInText } from "../../src/config/locate.js";
it("finds keys, array items and nested members through comments and strings", () => {
  const text = `// c\n{\n  gateway: {\n    port: 1, /* x\n y */ "auth": { 'to-ken': "a,b}" },\n  },\n  list: [1, {id: "x"}, [2]],\n}`;
  expect(locateInText(text, ["gateway"])).toEqual({ line: 3, column: 3 });
  expect(locateInText(text, ["gateway", "port"])).toEqual({ line: 4, column: 5 });
  expect(locateInText(text, ["gateway", "auth"])).toEqual({ line: 5, column: 7 });
  expect(locateInText(text, ["gateway", "auth", "to-ken"])).toEqual({ line: 5, column: 17 });
  expect(locateInText(text, ["list"])).toEqual({ line: 7, column: 3 });
  expect(locateInText(text, ["list", "1"])).toEqual({ line: 7, column: 13 });
  expect(locateInText(text, ["list", "1", "id"])).toEqual({ line: 7, column: 14 });
  expect(locateInText(text, ["list", "2"])).toEqual({ line: 7, column: 24 });
  expect(locateInText(text, ["nope"])).toBeUndefined();
});
