import { describe, expect, it } from "vitest";
import { resolveCatalogEntry, type CatalogEntry } from "../../src/rules/resolve-catalog.js";

const entry = (version: string, coversVersions: string[]): CatalogEntry => ({ id: `openclaw@${version}`, openclawVersion: version, coversVersions, file: `${version}.json` });
// Named after the newest version of each run, as scripts/import-catalogs.mjs names them.
const entries = [entry("2026.2.9", ["2026.2.2", "2026.2.6-3", "2026.2.9"]), entry("2026.3.1", ["2026.2.12", "2026.3.1"]), entry("2026.9.6", ["2026.9.2", "2026.9.6"])];

describe("--rules openclaw@<version> resolution", () => {
  it("exact, covered and nearest older", () => {
    expect(resolveCatalogEntry("openclaw@2026.3.1", entries)).toMatchObject({ resolution: "exact", entry: { id: "openclaw@2026.3.1" } });
    expect(resolveCatalogEntry("openclaw@2026.2.6-3", entries)).toMatchObject({ resolution: "covered", entry: { id: "openclaw@2026.2.9" } });
    expect(resolveCatalogEntry("openclaw@2026.2.6", entries)).toMatchObject({ resolution: "nearest-older", entry: { id: "openclaw@2026.2.9" } });
  });

  it("nearest older goes by the versions a catalog covers, not only the one it is named after", () => {
    // 2026.2.10 is newer than 2026.2.9 (first catalog) and older than 2026.2.12, where the second run starts.
    expect(resolveCatalogEntry("openclaw@2026.2.10", entries)).toMatchObject({ resolution: "nearest-older", entry: { id: "openclaw@2026.2.9" } });
    // 2026.2.20 comes after 2026.2.12, a version the 2026.3.1 catalog covers, though 2026.3.1 itself is newer.
    expect(resolveCatalogEntry("openclaw@2026.2.20", entries)).toMatchObject({ resolution: "nearest-older", entry: { id: "openclaw@2026.3.1" } });
  });

  it("refuses versions older than every catalog", () => {
    expect(() => resolveCatalogEntry("openclaw@2026.1.1", entries)).toThrow(/no bundled rule catalog at or before/);
  });
});
