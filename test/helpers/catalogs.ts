import { readFileSync } from "node:fs";
import type { RuleCatalog } from "../../src/rules/catalog.js";
import { repoRoot } from "./run-cli.js";

export function bundledCatalog(id: string): RuleCatalog {
  return JSON.parse(readFileSync(`${repoRoot}schemas/catalogs/${id}.json`, "utf8")) as RuleCatalog;
}
