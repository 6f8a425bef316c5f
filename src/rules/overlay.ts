import type { ReloadKind, RuleCatalog } from "./catalog.js";

/** A proposed-rules overlay file (schemas/overlay.schema.json). */
export interface RuleOverlay {
  /** The catalog the overlay amends; the `--rules` catalog when absent. */
  extends?: string;
  note?: string;
  rules: { prefix: string; kind: ReloadKind; actions?: string[]; note?: string }[];
}

/**
 * The catalog an overlay describes: its rules form a layer consulted before
 * the base's, so "take precedence" holds under both matching semantics.
 */
export function applyOverlay(base: RuleCatalog, overlay: RuleOverlay, overlayId: string): RuleCatalog {
  const overlayRules = overlay.rules.map((rule) => ({ ...rule, origin: "overlay" }));
  return {
    ...base,
    id: overlayId,
    coversVersions: [],
    source: { ...base.source, generatedBy: `overlay on ${base.id}` },
    rules: [...overlayRules, ...base.rules],
    overlayRuleCount: overlayRules.length + (base.overlayRuleCount ?? 0),
  };
}
