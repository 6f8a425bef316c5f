import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importCatalog } from "../../src/rules/import/import-catalog.js";
import { openPackage } from "../../src/sources/package-reader.js";
import { bundledCatalog } from "../helpers/catalogs.js";

// Runs on a real unpacked package only when the cache holds one (npm run catalogs:import fills it).
const cache = process.env["CLAWDIFF_OC_CACHE"] ?? "/work/oc";
const unpacked = join(cache, "2026.5.3", "package");
const tarball = join(cache, "2026.5.3", "openclaw-2026.5.3.tgz");

describe.skipIf(!existsSync(join(unpacked, "package.json")))("rules import on the published openclaw@2026.5.3", () => {
  it("reproduces the bundled catalog's rules, actions and install-record stamps", () => {
    const { catalog } = importCatalog(openPackage(unpacked));
    const bundled = bundledCatalog("openclaw@2026.5.3");
    expect(catalog.rules).toEqual(bundled.rules);
    expect(catalog.actions).toEqual(bundled.actions);
    expect(catalog.installRecordNoop).toEqual(bundled.installRecordNoop);
    expect(catalog.matching).toBe("first-match");
    expect(catalog.source.files).toEqual(["dist/config-reload-plan-5KBdwI3_.js", "dist/config-reload-settings-CEYcq8V0.js"]);
  });

  it.skipIf(!existsSync(tarball))("reads the .tgz the same as the unpacked directory", () => {
    const fromTarball = importCatalog(openPackage(tarball)).catalog;
    expect(fromTarball).toEqual(importCatalog(openPackage(unpacked)).catalog);
  });
});
