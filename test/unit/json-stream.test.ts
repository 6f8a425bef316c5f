import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeJson, writeJsonLines } from "../../src/report/json-stream.js";

const collect = (run: (write: (chunk: string) => void) => void) => {
  const chunks: string[] = [];
  run((chunk) => chunks.push(chunk));
  return chunks;
};

describe("streamed JSON", () => {
  it("is byte for byte JSON.stringify, indented and on one line, for any report-like data", () => {
    const data = fc.anything({ withNullPrototype: false, withBigInt: false, withDate: false, withMap: false, withSet: false, withTypedArray: false, withSparseArray: false, withBoxedValues: false });
    fc.assert(
      fc.property(data, (value) => {
        expect(collect((write) => writeJson(value, write)).join("")).toBe(JSON.stringify(value, null, 2) ?? "null");
        expect(collect((write) => writeJsonLines([value, value], write)).join("")).toBe(`${JSON.stringify(value) ?? "null"}\n`.repeat(2));
      }),
      { numRuns: 500 },
    );
  });

  it("drops undefined members, writes null for undefined items, and honours toJSON, as JSON.stringify does", () => {
    const value = { a: undefined, b: [undefined, () => 1], c: { toJSON: () => "x" }, d: Number.NaN };
    expect(collect((write) => writeJson(value, write)).join("")).toBe(JSON.stringify(value, null, 2));
  });

  it("hands a large value over in bounded pieces instead of one string", () => {
    const big = { list: Array.from({ length: 20_000 }, (_, index) => ({ id: `agent-${index}`, model: { primary: "m" } })) };
    const chunks = collect((write) => writeJson(big, write));
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(70_000);
    expect(chunks.join("")).toBe(JSON.stringify(big, null, 2));
  });
});
