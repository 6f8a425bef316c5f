import { readFileSync } from "node:fs";
import type { RuleCatalog } from "../../src/rules/catalog.js";
import type { DefaultsTable } from "../../src/config/defaults.js";
import { repoRoot } from "./run-cli.js";

export function bundledCatalog(id: string): RuleCatalog {
  return JSON.parse(readFileSync(`${repoRoot}schemas/catalogs/${id}.json`, "utf8")) as RuleCatalog;
}

export function bundledDefaults(id: string): DefaultsTable {
  return JSON.parse(readFileSync(`${repoRoot}schemas/defaults/${id}.json`, "utf8")) as DefaultsTable;
}
