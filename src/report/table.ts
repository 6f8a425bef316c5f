import { describeEnvOnly } from "../explain/env-only.js";
import { describeFix } from "../explain/fix-verdict.js";
import { defuseCommandLines } from "../shared/display-text.js";
import { displaySafeReport } from "./display-safe.js";
import type { ValueOrigin } from "../config/provenance.js";
import { CAUSE_LABELS, type Cause } from "../explain/cause-codes.js";
import { writeSentences } from "./write-section.js";
import type { DiffReport, ReportChange, ReportClassification, ReportFormOnlyChange } from "./model.js";
import { inputName } from "./model.js";
import type { Palette } from "./palette.js";
import type { ReportSide } from "./provenance.js";
import { abbreviatePair, shortFingerprint } from "./format-value.js";
import { painted, renderColumns, wrapLine, type Cell } from "./columns.js";
import { runContextLines, suppressionOf, suppressionText } from "./formats/describe.js";

export interface TableOptions {
  palette: Palette;
  /** Terminal width; lines wrap to fit (80 columns stay readable). */
  width: number;
}

const GROUPS = [
  { kind: "restart", title: "Restart" },
  { kind: "hot", title: "Hot reload" },
  { kind: "none", title: "No reload" },
] as const;

const PATH_COLUMN_MAX = 0.4;

const VIEW_WORDS: Record<string, string> = {
  source: "the source config",
  runtime: "the runtime config (defaults filled in)",
  persisted: "the file as written (${VAR} and $include kept)",
};

/** `rule gateway (base-tail)`, or why no rule decided. */
export function describeRule(classification: ReportClassification): string {
  if (classification.reason === "install-timestamp") return "install-record stamp: the planner skips it";
  if (!classification.rule) return `no rule matched: ${classification.kind} by fallback`;
  const condition = classification.reason === "condition-unmet" ? ", its condition is not met" : "";
  return `rule ${classification.rule.prefix} (${classification.rule.origin}${condition})`;
}

/** `openclaw.json:14:5`: where a side's value sits, through `$include`. */
export function describeOrigin(origins: readonly ValueOrigin[]): string | null {
  const origin = origins[0];
  if (!origin) return null;
  const file = origin.relativeFile ?? origin.file;
  const more = origins.length > 1 ? ` (+${origins.length - 1} more)` : "";
  return origin.line === undefined ? `${file}${more}` : `${file}:${origin.line}:${origin.column}${more}`;
}

export function describeLocations(provenance: { before: ReportSide; after: ReportSide }): string | null {
  const before = describeOrigin(provenance.before.origins);
  const after = describeOrigin(provenance.after.origins);
  if (before && after) return before === after ? before : `${before} → ${after}`;
  if (after) return `after ${after}`;
  return before ? `before ${before}` : null;
}

/** A cause in plain words; an edited value needs no more than its label, the values line shows the edit. */
export function describeCause(cause: Cause): string {
  return cause.code === "VALUE_CHANGED" ? CAUSE_LABELS[cause.code] : `${CAUSE_LABELS[cause.code]}: ${cause.summary}`;
}

function valueLine(change: { before?: unknown; after?: unknown }, width: number): string {
  const budget = Math.max(16, Math.floor((width - 3) / 2));
  const [before, after] = abbreviatePair(change.before, change.after, budget);
  return `${before} → ${after}`;
}

function kindColour(kind: string, palette: Palette): (text: string) => string {
  if (kind === "restart") return palette.red.bold;
  if (kind === "hot") return palette.yellow;
  return palette.dim;
}

function headline(report: DiffReport, palette: Palette, width: number): string[] {
  const { verdict, headline: text } = report.summary;
  const colour = verdict === "restart" ? palette.red.bold : verdict === "hot-reload" || verdict === "restart-ignored" || verdict === "skipped-invalid" ? palette.yellow.bold : palette.green.bold;
  return wrapLine(text, width).map((line) => colour(line));
}

function contextLines(report: DiffReport, palette: Palette, width: number): string[] {
  const { current, proposed } = report.catalogs;
  const resolution =
    current.resolution === "nearest-older" || current.resolution === "covered"
      ? ` (${current.resolution} for ${current.requested})`
      : current.resolution === "installed"
        ? ` (read from ${current.requested})`
        : "";
  const mode = `reload mode ${report.reloadMode.mode}${report.reloadMode.source === "default" ? " (default)" : ""}`;
  const lines = [`${inputName(report.inputs.before)} → ${inputName(report.inputs.after)}`, `rules ${current.id}${resolution}, ${current.matching}; ${mode}`, ...runContextLines(report)];
  const { evaluator } = report;
  if (evaluator.trigger === "write" || evaluator.before !== "source" || evaluator.after !== "source") {
    lines.push(`evaluator (${evaluator.trigger}, openclaw ≥ ${evaluator.since}): ${VIEW_WORDS[evaluator.before]} against ${VIEW_WORDS[evaluator.after]}`);
  }
  if (proposed && report.plans.proposed) {
    const moved = report.summary.reclassifiedPaths;
    lines.push(`proposed ${proposed.id}, ${proposed.matching}: ${report.plans.proposed.outcome}; ${moved} path${moved === 1 ? "" : "s"} reclassified`);
  }
  return lines.flatMap((line) => wrapLine(line, width)).map((line) => palette.dim(line));
}

/** A long path broken after dots so the path column wraps it instead of cutting it. */
export function breakPath(path: string, width: number): string {
  const limit = Math.max(8, width);
  const lines: string[] = [];
  let current = "";
  for (const segment of path.split(".")) {
    const piece = current === "" ? segment : `.${segment}`;
    if (current !== "" && current.length + piece.length > limit) {
      lines.push(current);
      current = piece;
    } else current += piece;
  }
  lines.push(current);
  return lines.join("\n");
}

function changeTitle(report: DiffReport, change: ReportChange, palette: Palette, pathWidth: number): Cell {
  const current = change.classification.current;
  return [
    painted(breakPath(change.path, pathWidth)),
    ...(suppressionOf(report, change) ? [painted("ignored", palette.dim)] : []),
    ...(current.kind === "restart" ? [painted("← forces restart", palette.red)] : []),
    ...(current.actions.length > 0 ? [painted(`→ ${current.actions.join(", ")}`)] : []),
    ...(change.spurious ? [painted("spurious", palette.magenta)] : []),
  ];
}

function proposedLine(change: ReportChange, palette: Palette): Cell {
  const { current, proposed } = change.classification;
  if (!proposed) return [];
  const same = proposed.kind === current.kind;
  return [painted(`proposed: ${proposed.kind}, ${describeRule(proposed)}`, same ? palette.dim : palette.cyan.bold)];
}

/** One path's entry: title in the first column, its story in the second. */
function changeRows(report: DiffReport, change: ReportChange, palette: Palette, [pathWidth, detailWidth]: [number, number]): [Cell, Cell] {
  const suppression = suppressionOf(report, change);
  const location = describeLocations(change.provenance);
  const details: Cell = [
    painted(valueLine(change, detailWidth)),
    ...change.causes.map((cause) => painted(describeCause(cause))),
    ...(change.classification.current.fallback ? [] : [painted(describeRule(change.classification.current))]),
    ...proposedLine(change, palette),
    ...(suppression ? [painted(suppressionText(suppression), palette.dim)] : []),
    ...(location ? [painted(location, palette.dim)] : []),
  ];
  return [changeTitle(report, change, palette, pathWidth - 1), details];
}

function columnWidths(paths: readonly string[], width: number): [number, number] {
  const usable = Math.max(60, width) - 4;
  const pathWidth = Math.min(Math.max(...paths.map((path) => path.length + 2), 8), Math.floor(usable * PATH_COLUMN_MAX));
  return [pathWidth, usable - pathWidth];
}

function section(title: string, rows: [Cell, Cell][], widths: [number, number], palette: Palette): string[] {
  if (rows.length === 0) return [];
  return ["", palette.bold(`${title} (${rows.length})`), ...renderColumns(rows, widths)];
}

function formOnlyRow(change: ReportFormOnlyChange, palette: Palette, [pathWidth, detailWidth]: [number, number]): [Cell, Cell] {
  const refs = [...(change.provenance.before.envRefs ?? []), ...(change.provenance.after.envRefs ?? [])];
  const env = refs.map((ref) => (ref.resolved ? `\${${ref.name}} = ${shortFingerprint(ref.fingerprint ?? "")} from ${ref.from}` : `\${${ref.name}} is unset`));
  const location = describeLocations(change.provenance);
  const details: Cell = [
    ...(change.before !== undefined || change.after !== undefined ? [painted(valueLine(change, detailWidth))] : []),
    ...change.causes.map((cause) => painted(describeCause(cause))),
    ...env.map((line) => painted(line, palette.dim)),
    ...(location ? [painted(location, palette.dim)] : []),
  ];
  return [[painted(breakPath(change.path, pathWidth - 1))], details];
}

function stateFileRows(report: DiffReport): [Cell, Cell][] {
  return report.stateFiles.filter((file) => file.watch !== "watched").map((file) => [[painted(file.path)], [painted(`${file.change}: ${file.note}`)]]);
}

/** The ignore file's effect: what the verdict is without the suppressed changes, and entries that did nothing. */
function ignoreLines(report: DiffReport, palette: Palette, width: number): string[] {
  const outcome = report.ignore;
  if (!outcome) return [];
  const count = report.suppressed?.length ?? 0;
  const lines = [`ignore file ${outcome.file}: ${count} change${count === 1 ? "" : "s"} suppressed; verdict without them: ${outcome.effectiveVerdict}`];
  const entryText = (entry: { path: string; file: string; line?: number }) => `${entry.path} (${entry.file}${entry.line !== undefined ? `:${entry.line}` : ""})`;
  for (const entry of outcome.stale) lines.push(`stale ignore entry, matched nothing: ${entryText(entry)}`);
  for (const entry of outcome.expired) lines.push(`expired ignore entry, not applied: ${entryText(entry)}`);
  return ["", ...lines.flatMap((line) => wrapLine(line, width)).map((line) => palette.dim(line))];
}

function legend(report: DiffReport, palette: Palette, width: number): string[] {
  if (report.summary.spuriousPaths === 0) return [];
  return ["", ...wrapLine("spurious: the effective value is unchanged, yet the reload evaluator sees the path as changed", width).map((line) => palette.dim(line))];
}

/** `diff --fixes`: each restart reason's fixes, every one with the verdict it gives when planned again. */
function fixLines(report: DiffReport, palette: Palette, width: number): string[] {
  if (!report.fixes || report.fixes.length === 0) return [];
  const lines = ["", palette.bold(`Fixes, re-planned under ${report.catalogs.current.id}`)];
  for (const { path, fixes } of report.fixes) {
    lines.push(` ${path}`);
    for (const fix of fixes) lines.push(...wrapLine(`- ${describeFix(fix)}`, width - 2).map((line) => `  ${fix.verdict === "still-restarts" ? palette.dim(line) : line}`));
    if (fixes.length === 0) lines.push(palette.dim("  - no fix to propose: a real edit of a restart path"));
  }
  return lines;
}

/** The human report: headline first, then paths grouped by what the gateway would do. */
function writeLines(report: DiffReport, palette: Palette, width: number): string[] {
  if (!report.write) return [];
  return ["", ...writeSentences(report.write).flatMap((sentence) => wrapLine(sentence, width)).map((line) => palette.dim(line))];
}

export function renderTable(data: DiffReport, options: TableOptions): string {
  const report = displaySafeReport(data);
  const { palette, width } = options;
  const allPaths = [...report.changes, ...report.formOnlyChanges].map((change) => change.path);
  const widths = columnWidths([...allPaths, ...report.stateFiles.map((file) => file.path)], width);
  const lines = [...headline(report, palette, width), ...contextLines(report, palette, width), ...writeLines(report, palette, width)];
  if (report.envOnly) for (const line of describeEnvOnly(report.envOnly)) lines.push(...wrapLine(line, width).map((text) => palette.yellow(text)));
  for (const group of GROUPS) {
    const members = report.changes.filter((change) => change.classification.current.kind === group.kind);
    const title = kindColour(group.kind, palette)(group.title);
    lines.push(...section(title, members.map((change) => changeRows(report, change, palette, widths)), widths, palette));
  }
  lines.push(
    ...section("Not seen by the evaluator (same effective value)", report.formOnlyChanges.map((change) => formOnlyRow(change, palette, widths)), widths, palette),
    ...section("State files changed outside the config", stateFileRows(report), widths, palette),
  );
  lines.push(...fixLines(report, palette, width));
  if (report.formatOnlyFiles.length > 0) lines.push("", ...wrapLine(`formatting only (clean): ${report.formatOnlyFiles.join(", ")}`, width).map((line) => palette.dim(line)));
  for (const warning of report.warnings) lines.push(...wrapLine(`warning (${warning.side}) ${warning.path}: ${warning.message}`, width).map((line) => palette.yellow(line)));
  lines.push(...ignoreLines(report, palette, width), ...legend(report, palette, width));
  return defuseCommandLines(`${lines.join("\n")}\n`);
}
