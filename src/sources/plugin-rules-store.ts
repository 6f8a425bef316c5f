import { existsSync } from "node:fs";
import { join } from "node:path";
import type { RuleCatalog } from "../rules/catalog.js";
import type { PluginRulesTable } from "../rules/plugin-rules.js";
import { bundledSchemaDir } from "./catalog-store.js";
import { readTextFile } from "./read-file.js";

/** The bundled plugin rules of a bundled catalog (schemas/plugin-rules/<catalog id>.json), validated by the tests. */
export function loadPluginRulesFor(catalog: RuleCatalog): { table: PluginRulesTable; file: string } | null {
  const baseId = catalog.id.split("+")[0]!;
  const file = `schemas/plugin-rules/${baseId}.json`;
  const path = join(bundledSchemaDir(), "plugin-rules", `${baseId}.json`);
  if (!existsSync(path)) return null;
  return { table: JSON.parse(readTextFile(path, file)) as PluginRulesTable, file };
}
