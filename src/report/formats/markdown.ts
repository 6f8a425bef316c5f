import { displaySafeReport } from "../display-safe.js";
import { abbreviateValue } from "../format-value.js";
import { writeSentences } from "../write-section.js";
import type { DiffReport, ReportCatalog, ReportChange } from "../model.js";
import { causeLabels, changeLocation, changesOfKind, driftOf, locationText, ruleText, runContextLines, suppressionOf, suppressionText, type ChangeKind } from "./describe.js";
import { mdCode, mdTable, mdText } from "./markdown-text.js";

const GROUP_TITLES: Record<ChangeKind, string> = {
  restart: "Restart",
  hot: "Hot reload",
  none: "No reload",
};

const catalogText = (catalog: ReportCatalog) => `${mdCode(catalog.id)} (${catalog.matching}${catalog.resolution === "nearest-older" ? `, nearest older for ${catalog.requested}` : ""})`;

function contextLines(report: DiffReport): string[] {
  const mode = `${mdCode(report.reloadMode.mode)}${report.reloadMode.source === "default" ? " (default)" : ""}`;
  const lines = [
    `${mdCode(report.inputs.before.spec)} → ${mdCode(report.inputs.after.spec)} · rules ${catalogText(report.catalogs.current)} · reload mode ${mode}`,
    ...runContextLines(report).map((line) => `${mdText(line)}  `),
  ];
  const catalog = report.catalogs.proposed;
  const plan = report.plans.proposed;
  if (catalog && plan) {
    const drift = driftOf(report);
    lines.push("", `Proposed rules ${catalogText(catalog)}: ${mdCode(plan.outcome)}${drift === true ? " — **differs from the current rules**" : drift === false ? ", same as the current rules" : ""}`);
  }
  return lines;
}

function changeRow(report: DiffReport, change: ReportChange, withProposed: boolean): string[] {
  const marks = [change.spurious ? " _(spurious)_" : "", suppressionOf(report, change) ? " _(ignored)_" : ""].join("");
  const causes = causeLabels(change).map(mdText).join(", ") + marks;
  const location = locationText(changeLocation(change));
  const row = [mdCode(change.path), mdText(ruleText(change.classification.current)), causes, location === "" ? "" : mdCode(location)];
  if (withProposed) row.push(change.classification.proposed?.kind ?? "");
  return row;
}

function changeTables(report: DiffReport): string[] {
  const withProposed = report.changes.some((change) => change.classification.proposed !== undefined);
  const head = ["path", "rule", "causes", "file:line", ...(withProposed ? ["proposed"] : [])];
  const lines: string[] = [];
  for (const kind of ["restart", "hot", "none"] as const) {
    const changes = changesOfKind(report, kind);
    if (changes.length === 0) continue;
    lines.push("", `#### ${GROUP_TITLES[kind]} (${changes.length})`, "", ...mdTable(head, changes.map((change) => changeRow(report, change, withProposed))));
  }
  return lines;
}

function changeDetails(report: DiffReport, change: ReportChange): string[] {
  const current = change.classification.current;
  const location = changeLocation(change);
  const lines = [
    `**${mdCode(change.path)}** — ${current.kind}, rule ${mdText(ruleText(current))}${current.actions.length > 0 ? `, actions ${current.actions.map(mdCode).join(", ")}` : ""}`,
    `- value: ${mdCode(abbreviateValue(change.before, 80))} → ${mdCode(abbreviateValue(change.after, 80))}`,
  ];
  if (location) lines.push(`- ${location.side === "after" ? "written at" : "removed from"} ${mdCode(locationText(location))}`);
  const proposed = change.classification.proposed;
  if (proposed) lines.push(`- proposed rules: ${proposed.kind}, rule ${mdText(ruleText(proposed))}`);
  const ignored = suppressionOf(report, change);
  if (ignored) lines.push(`- ${mdText(suppressionText(ignored))}`);
  for (const cause of change.causes) lines.push(`- ${mdCode(cause.code)} ${mdText(cause.summary)}`);
  return lines;
}

function details(summary: string, body: string[]): string[] {
  return body.length === 0 ? [] : ["", "<details>", `<summary>${summary}</summary>`, "", ...body, "", "</details>"];
}

function otherFindings(report: DiffReport): string[] {
  const lines: string[] = [];
  for (const change of report.formOnlyChanges) {
    lines.push(`- form only: ${mdCode(change.path)} ${mdCode(abbreviateValue(change.before))} → ${mdCode(abbreviateValue(change.after))}: ${change.causes.map((cause) => mdText(cause.summary)).join("; ")}`);
  }
  for (const file of report.stateFiles.filter((entry) => entry.watch !== "watched")) {
    lines.push(`- state file ${file.change}: ${mdCode(file.path)} — ${mdText(file.note)}`);
  }
  for (const warning of report.warnings) lines.push(`- warning (${warning.side}) ${mdCode(warning.path)}: ${mdText(warning.message)}`);
  for (const file of report.formatOnlyFiles) lines.push(`- formatting only: ${mdCode(file)}`);
  for (const entry of report.ignore?.stale ?? []) lines.push(`- stale ignore entry ${mdCode(entry.path)} at ${mdCode(`${entry.file}${entry.line !== undefined ? `:${entry.line}` : ""}`)}: matched no change`);
  return lines;
}

/** `--format markdown`: sized for a pull-request comment or `$GITHUB_STEP_SUMMARY`. */
export function renderMarkdown(data: DiffReport): string {
  const report = displaySafeReport(data);
  const lines = [
    `### ${mdText(report.summary.headline)}`,
    "",
    ...contextLines(report),
    ...(report.write ? ["", ...writeSentences(report.write).map((sentence) => `- ${mdText(sentence)}`)] : []),
    ...changeTables(report),
    ...details(`Details of ${report.changes.length} changed path${report.changes.length === 1 ? "" : "s"}`, report.changes.flatMap((change, index) => [...(index > 0 ? [""] : []), ...changeDetails(report, change)])),
    ...details("Other findings: form-only changes, state files, warnings", otherFindings(report)),
  ];
  return `${lines.join("\n")}\n`;
}
