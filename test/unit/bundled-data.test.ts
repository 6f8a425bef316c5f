import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import defaultsSchema from "../../schemas/defaults.schema.json" with { type: "json" };
import evaluatorViewsSchema from "../../schemas/evaluator-views.schema.json" with { type: "json" };
import { repoRoot } from "../helpers/run-cli.js";

// The CLI trusts bundled data at run time (no schema compile on start), so these checks are the guard.
const ajv = new Ajv({ strict: true, allowUnionTypes: true });
const readJson = (path: string): unknown => JSON.parse(readFileSync(`${repoRoot}${path}`, "utf8"));

describe("bundled data validates against its published schemas", () => {
  it.each(readdirSync(`${repoRoot}schemas/defaults`).filter((name) => name.endsWith(".json")))("schemas/defaults/%s", (name) => {
    const validate = ajv.compile(defaultsSchema);
    expect(validate(readJson(`schemas/defaults/${name}`)), JSON.stringify(validate.errors)).toBe(true);
  });

  it("schemas/evaluator-views.json", () => {
    const validate = ajv.compile(evaluatorViewsSchema);
    expect(validate(readJson("schemas/evaluator-views.json")), JSON.stringify(validate.errors)).toBe(true);
  });
});
