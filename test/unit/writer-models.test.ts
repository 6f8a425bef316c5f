import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import writerSchema from "../../schemas/writer.schema.json" with { type: "json" };
import { repoRoot } from "../helpers/run-cli.js";

const PACKS = process.env["CLAWDIFF_OC_CACHE"] ?? "/work/oc";
const names = readdirSync(join(repoRoot, "schemas/writers")).filter((name) => name.endsWith(".json"));
const readModel = (name: string) => JSON.parse(readFileSync(join(repoRoot, "schemas/writers", name), "utf8")) as { openclawVersion: string };

/** Every `citation` string anywhere in a model. */
function citations(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(citations);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => (key === "citation" && typeof child === "string" ? [child] : citations(child)));
}

describe("writer models (schemas/writers/)", () => {
  it.each(names)("%s validates against writer.schema.json and is named after its version", (name) => {
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(writerSchema);
    const model = readModel(name);
    expect(validate(model), JSON.stringify(validate.errors)).toBe(true);
    expect(name).toBe(`openclaw@${model.openclawVersion}.json`);
  });

  // Citations are checked against the unpacked package when it is on this machine (npm pack openclaw@<v>).
  it.each(names)("%s cites dist files and lines that exist in the package", (name) => {
    const model = readModel(name);
    const dist = join(PACKS, "packs", model.openclawVersion, "package");
    if (!existsSync(dist)) return;
    for (const citation of citations(model)) {
      const match = /^(dist\/[^:]+):(\d+)(?:-(\d+))?/.exec(citation)!;
      const file = join(dist, match[1]!);
      expect(existsSync(file), citation).toBe(true);
      const lines = readFileSync(file, "utf8").split("\n").length;
      expect(Number(match[3] ?? match[2]), citation).toBeLessThanOrEqual(lines);
    }
  });
});
