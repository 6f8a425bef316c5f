import { Ajv } from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import reportSchema from "../../schemas/report.schema.json" with { type: "json" };
import { compareInputs } from "../../src/compare.js";
import { createPalette } from "../../src/report/palette.js";
import { buildReport } from "../../src/report/model.js";
import { FORMAT_NAMES, renderReport } from "../../src/report/formats/index.js";
import { listBundledCatalogs, loadDefaultsFor, readCatalogFile } from "../../src/sources/catalog-store.js";
import { configPair, KEY_POOL } from "./arbitraries.js";
import { propertyRuns } from "./fuzz-settings.js";
import { memoryInput } from "./memory-source.js";

const validate = new Ajv({ strict: false }).compile(reportSchema);
const catalogs = listBundledCatalogs().map((entry) => {
  const catalog = readCatalogFile(entry.file);
  return { catalog, defaults: loadDefaultsFor(catalog.openclawVersion) };
});
/** Keys the catalogs and defaults care about, so reports carry rules, defaults and secrets, not just fallbacks. */
const keys = fc.constantFrom(...KEY_POOL, "reload", "port", "tailscale", "meta", "plugins", "installs", "apiKey", "env", "vars");
/** Loaded configs are objects at the top; the loader refuses anything else. */
const objectPair = configPair({ keys }).filter(([a, b]) => isObject(a) && isObject(b));
function isObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

describe("reports", () => {
  it("always validate against schemas/report.schema.json, and every format renders them, under any bundled catalog", () => {
    fc.assert(
      // The catalog is part of the input: every catalog is exercised without multiplying the runs.
      fc.property(fc.constantFrom(...catalogs), objectPair, ({ catalog, defaults }, [before, after]) => {
        const comparison = compareInputs(memoryInput({ "openclaw.json": JSON.stringify(before) }), memoryInput({ "openclaw.json": JSON.stringify(after) }), catalog, {
          before: { defaults },
          after: { defaults },
        });
        const report = JSON.parse(JSON.stringify(buildReport(comparison, { catalogRequest: { requested: catalog.id, resolution: "exact" } })));
        expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
        expect(report.changedPaths).toHaveLength(report.changes.length);
        for (const format of FORMAT_NAMES) {
          expect(typeof renderReport(format, report, { palette: createPalette(false), width: 100, cwd: "/state", now: new Date(0) })).toBe("string");
        }
      }),
      propertyRuns(300),
    );
  });
});
