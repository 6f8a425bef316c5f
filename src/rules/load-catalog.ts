import catalogSchema from "../../schemas/catalog.schema.json" with { type: "json" };
import { assertMatchesSchema } from "../shared/schema-validation.js";
import type { RuleCatalog } from "./catalog.js";

/** Checks parsed catalog data against schemas/catalog.schema.json. */
export function validateCatalog(data: unknown, file: string): RuleCatalog {
  return assertMatchesSchema<RuleCatalog>(catalogSchema, data, "rule catalog", file);
}
