import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluatorViewsFor, type EvaluatorViewTable } from "../../src/rules/evaluator-views.js";
import { repoRoot } from "../helpers/run-cli.js";

const table = JSON.parse(readFileSync(`${repoRoot}schemas/evaluator-views.json`, "utf8")) as EvaluatorViewTable;
const pair = (version: string, trigger: "watcher" | "write") => {
  const views = evaluatorViewsFor(table, version, trigger);
  return `${views.before}/${views.after}`;
};

describe("which config forms the evaluator diffs, by version and trigger", () => {
  it("the watcher compared runtime configs until 2026.4.22, source configs since", () => {
    expect(pair("2026.2.6", "watcher")).toBe("runtime/runtime");
    expect(pair("2026.4.21", "watcher")).toBe("runtime/runtime");
    expect(pair("2026.4.22", "watcher")).toBe("source/source");
    expect(pair("2026.9.6", "watcher")).toBe("source/source");
  });

  it("in-process writes: persisted text in 2026.4.22–4.23, runtime-shaped in 4.24–4.26, aligned from 4.27", () => {
    expect(pair("2026.4.20", "write")).toBe("runtime/runtime");
    expect(pair("2026.4.22", "write")).toBe("source/persisted");
    expect(pair("2026.4.23", "write")).toBe("source/persisted");
    expect(pair("2026.4.24", "write")).toBe("source/runtime");
    expect(pair("2026.4.26", "write")).toBe("source/runtime");
    expect(pair("2026.4.27", "write")).toBe("source/source");
    expect(pair("2026.5.3", "write")).toBe("source/source");
  });

  it("every range cites where in the published package the fact was read", () => {
    for (const range of table.ranges) expect(range.sources.length).toBeGreaterThan(0);
    expect(evaluatorViewsFor(table, "2026.4.22", "write").sources.join(" ")).toContain("persistedConfig");
  });

  it("refuses a version older than every range", () => {
    expect(() => evaluatorViewsFor(table, "2025.12.1", "watcher")).toThrow("no evaluator views known for openclaw@2025.12.1");
  });
});
