import Table from "cli-table3";
import type { DiffReport, ReportChange, ReportInput } from "./model.js";
import type { Palette } from "./palette.js";
import { abbreviateValue } from "./format-value.js";

export interface TableOptions {
  palette: Palette;
  /** Terminal width; the table wraps its cells to fit. */
  width: number;
}

function kindLabel(kind: string, palette: Palette): string {
  if (kind === "restart") return palette.red.bold("restart");
  if (kind === "hot") return palette.yellow("hot");
  return palette.dim("none");
}

function ruleLabel(change: ReportChange): string {
  const classification = change.classification.current;
  if (classification.reason === "install-timestamp") return "install record stamp (noop)";
  if (!classification.rule) return "no rule: restart by default";
  const condition = classification.reason === "condition-unmet" ? " (condition unmet)" : "";
  return `${classification.rule.prefix}${condition}`;
}

function inputLabel(input: ReportInput): string {
  return input.spec;
}

function headline(report: DiffReport, palette: Palette): string {
  const { verdict, headline: text } = report.summary;
  if (verdict === "restart") return palette.red.bold(text);
  if (verdict === "hot-reload" || verdict === "restart-ignored") return palette.yellow.bold(text);
  return palette.green.bold(text);
}

export function renderTable(report: DiffReport, options: TableOptions): string {
  const { palette, width } = options;
  const catalog = report.catalogs.current;
  const resolution = catalog.resolution === "nearest-older" ? ` (nearest older catalog for ${catalog.requested})` : "";
  const lines = [
    headline(report, palette),
    palette.dim(`${inputLabel(report.inputs.before)} → ${inputLabel(report.inputs.after)}`),
    palette.dim(
      `rules ${catalog.id}${resolution}, ${catalog.matching}; reload mode ${report.reloadMode.mode}${report.reloadMode.source === "default" ? " (default)" : ""}`,
    ),
  ];
  const extras = [
    ...formOnlySection(report, palette),
    ...stateFileSection(report, palette),
    ...report.warnings.map((warning) => palette.yellow(`warning (${warning.side}) ${warning.path}: ${warning.message}`)),
  ];
  if (report.changes.length === 0) return `${[...lines, ...extras].join("\n")}\n`;

  const rows = report.changes.map((change) => ({ change, rule: ruleLabel(change) }));
  const usable = Math.max(60, width) - 13;
  const pathWidth = Math.min(Math.max(...rows.map((row) => row.change.path.length), 4) + 2, Math.floor(usable * 0.4));
  const ruleWidth = Math.min(Math.max(...rows.map((row) => row.rule.length), 4) + 2, Math.floor(usable * 0.35));
  const table = new Table({
    head: ["path", "kind", "rule", "change · actions"].map((title) => palette.bold(title)),
    colWidths: [pathWidth, 9, ruleWidth, Math.max(16, usable - pathWidth - 9 - ruleWidth)],
    wordWrap: true,
    style: { head: [], border: palette.level > 0 ? ["grey"] : [] },
  });
  for (const { change, rule } of rows) {
    const current = change.classification.current;
    const marker = current.kind === "restart" ? `\n${palette.red("← forces restart")}` : "";
    const detail = `${abbreviateValue(change.before)} → ${abbreviateValue(change.after)}`;
    const actions = current.actions.length > 0 ? `\n${palette.dim(current.actions.join(", "))}` : "";
    table.push([`${change.path}${marker}`, kindLabel(current.kind, palette), rule, `${detail}${actions}`]);
  }
  return `${lines.join("\n")}\n${table.toString()}\n${extras.map((line) => `${line}\n`).join("")}`;
}

function formOnlySection(report: DiffReport, palette: Palette): string[] {
  if (report.formOnlyChanges.length === 0) return [];
  const lines = [palette.bold("Form-only changes (the evaluator sees the same value):")];
  for (const change of report.formOnlyChanges) {
    const refs = [...(change.provenance.before.envRefs ?? []), ...(change.provenance.after.envRefs ?? [])];
    const resolved = refs.map((ref) => (ref.resolved ? `\${${ref.name}} = ${ref.fingerprint} from ${ref.from}` : `\${${ref.name}} unset`));
    const note = resolved.length > 0 ? palette.dim(` (${resolved.join("; ")})`) : "";
    lines.push(`  ${change.path}  ${abbreviateValue(change.before)} → ${abbreviateValue(change.after)}${note}`);
  }
  return lines;
}

function stateFileSection(report: DiffReport, palette: Palette): string[] {
  const outside = report.stateFiles.filter((file) => file.watch !== "watched");
  if (outside.length === 0) return [];
  return [
    palette.bold("State files changed outside the config:"),
    ...outside.map((file) => `  ${file.change.padEnd(8)} ${file.path}  ${palette.dim(file.note)}`),
  ];
}
