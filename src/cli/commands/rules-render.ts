import Table from "cli-table3";
import type { ReloadRule, RuleCatalog } from "../../rules/catalog.js";
import type { CatalogDiff } from "../../rules/catalog-diff.js";
import type { PathExplanation } from "../../rules/explain-path.js";
import type { CatalogEntry } from "../../rules/resolve-catalog.js";

/** Plain-text renderings for `clawdiff rules ...` (JSON output prints the data as is). */
const describeRule = (rule: ReloadRule) =>
  `${rule.prefix} → ${rule.kind}${rule.actions?.length ? ` [${rule.actions.join(", ")}]` : ""} (${rule.origin})${rule.condition ? ` if unchanged: ${rule.condition.requireUnchanged.join(", ")}, else ${rule.condition.otherwiseKind}` : ""}`;

/** The bundled catalogs as a table: a few dozen rows, so the table library's cost does not matter here. */
export function renderCatalogList(entries: readonly CatalogEntry[]): string {
  // The id column fits the longest id (plus cell padding): ids are never cut or wrapped.
  const idWidth = Math.max("catalog".length, ...entries.map((entry) => entry.id.length)) + 2;
  const table = new Table({ head: ["catalog", "covers the published versions"], colWidths: [idWidth, 54], wordWrap: true, style: { head: [], border: [] } });
  for (const entry of entries) table.push([entry.id, entry.coversVersions.join(", ")]);
  return `${table.toString()}\n`;
}

export function renderCatalog(catalog: RuleCatalog, resolution: string): string {
  const header = [
    `${catalog.id} (${resolution}; covers ${catalog.coversVersions.join(", ") || "no published version"})`,
    `matching: ${catalog.matching}; unmatched paths: ${catalog.fallbackKind}; reload modes: ${catalog.reloadModes.join(", ")} (default ${catalog.defaultReloadMode}, debounce ${catalog.defaultDebounceMs} ms)`,
    `source: ${catalog.source.generatedBy}`,
  ];
  const rules = catalog.rules.map((rule, index) => `  #${String(index).padEnd(3)} ${describeRule(rule)}`);
  return `${[...header, `rules (${catalog.rules.length}):`, ...rules].join("\n")}\n`;
}

export function renderExplanation(explanation: PathExplanation): string {
  const lines = [`${explanation.path}: ${explanation.kind}${explanation.fallback ? " (fallback)" : ""}`, `  why: ${explanation.why}`];
  if (explanation.conditionNote) lines.push(`  condition: ${explanation.conditionNote}`);
  for (const candidate of explanation.candidates) {
    lines.push(`  ${candidate.chosen ? "*" : " "} #${candidate.index} ${candidate.prefix} → ${candidate.kind} (${candidate.origin})`);
  }
  return `${lines.join("\n")}\n`;
}

export function renderCatalogDiff(diff: CatalogDiff): string {
  const lines = [`rules diff ${diff.from} → ${diff.to}`];
  for (const setting of diff.settings) lines.push(`~ ${setting.field}: ${JSON.stringify(setting.before)} → ${JSON.stringify(setting.after)}`);
  for (const rule of diff.added) lines.push(`+ ${describeRule(rule)}`);
  for (const rule of diff.removed) lines.push(`- ${describeRule(rule)}`);
  for (const change of diff.changed) lines.push(`~ ${describeRule(change.before)}  ⇒  ${describeRule(change.after)}`);
  lines.push(diff.classChanges.length === 0 ? "no probe path changes class" : `paths whose class changes (${diff.classChanges.length}):`);
  for (const change of diff.classChanges) {
    const side = (value: { kind: string; rule: string | null }) => `${value.kind} (${value.rule ?? "fallback"})`;
    lines.push(`  ${change.path}: ${side(change.before)} → ${side(change.after)}`);
  }
  return `${lines.join("\n")}\n`;
}
