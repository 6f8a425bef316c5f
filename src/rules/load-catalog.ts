import catalogSchema from "../../schemas/catalog.schema.json" with { type: "json" };
import overlaySchema from "../../schemas/overlay.schema.json" with { type: "json" };
import { assertMatchesSchema, type LocatePointer } from "../shared/schema-validation.js";
import type { RuleCatalog } from "./catalog.js";
import type { RuleOverlay } from "./overlay.js";

/** Checks parsed catalog data against schemas/catalog.schema.json. */
export function validateCatalog(data: unknown, file: string, locate?: LocatePointer): RuleCatalog {
  return assertMatchesSchema<RuleCatalog>(catalogSchema, data, "rule catalog", file, locate);
}

/** Checks a parsed proposed-rules overlay against schemas/overlay.schema.json. */
export function validateOverlay(data: unknown, file: string, locate?: LocatePointer): RuleOverlay {
  return assertMatchesSchema<RuleOverlay>(overlaySchema, data, "rules overlay", file, locate);
}

/** A catalog file carries `catalogFormat`; anything else given as rules is read as an overlay. */
export function looksLikeCatalog(data: unknown): boolean {
  return typeof data === "object" && data !== null && "catalogFormat" in data;
}
