import { writeSentences } from "../write-section.js";
import { displaySafeReport } from "../display-safe.js";
import type { DiffReport, ReportChange } from "../model.js";
import { causeLabels, changeLocation, changeSentences, runContextLines, suppressionOf, suppressionText } from "./describe.js";

type AnnotationLevel = "error" | "warning" | "notice";

/** Escaping as the Actions runner decodes it: data escapes %, CR, LF; properties also `:` and `,`. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function workflowCommand(level: AnnotationLevel, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeCommandProperty(String(value))}`)
    .join(",");
  return `::${level}${props === "" ? "" : ` ${props}`}::${escapeCommandData(message)}`;
}

/**
 * A restart is an error even when spurious: it still closes the port. Hot
 * reloads warn; paths that change nothing for the gateway, and changes an
 * ignore-file entry accepted, are notices.
 */
export function annotationLevel(change: ReportChange, ignored: boolean): AnnotationLevel {
  const kind = change.classification.current.kind;
  if (ignored) return "notice";
  if (kind === "restart") return "error";
  return kind === "hot" && !change.spurious ? "warning" : "notice";
}

function changeAnnotation(report: DiffReport, change: ReportChange): string {
  const current = change.classification.current;
  const location = changeLocation(change);
  const labels = causeLabels(change).join(", ");
  const ignored = suppressionOf(report, change);
  const message = [...changeSentences(change), ...(ignored ? [suppressionText(ignored)] : []), ...change.causes.map((cause) => `${cause.code}: ${cause.summary}`)].join("\n");
  return workflowCommand(
    annotationLevel(change, ignored !== undefined),
    {
      file: location?.file,
      line: location?.line,
      col: location?.line !== undefined ? location.column : undefined,
      title: `clawdiff ${current.kind}${change.spurious ? " (spurious)" : ""}${ignored ? " (ignored)" : ""}: ${change.path}${labels === "" ? "" : ` [${labels}]`}`,
    },
    message,
  );
}

/**
 * `--format github`: workflow commands the Actions runner turns into
 * annotations on the file and line of each changed value (through
 * `$include`), then the headline as a notice.
 */
export function renderGithub(data: DiffReport): string {
  const report = displaySafeReport(data);
  const lines = [
    ...report.changes.map((change) => changeAnnotation(report, change)),
    ...report.warnings.map((warning) => workflowCommand("warning", { title: `clawdiff warning: ${warning.path}` }, `(${warning.side}) ${warning.message}`)),
    ...(report.ignore?.stale ?? []).map((entry) =>
      workflowCommand("warning", { file: entry.file, line: entry.line, col: entry.line !== undefined ? entry.column : undefined, title: "clawdiff stale ignore entry" }, `${entry.path} matched no change in this run (${entry.reason})`),
    ),
    ...(report.version?.warning ? [workflowCommand("warning", { title: "clawdiff version" }, report.version.warning)] : []),
    ...(report.validation?.issues ?? []).map((issue) => workflowCommand("error", { title: `clawdiff invalid config (openclaw@${report.validation!.openclawVersion})` }, issue.line)),
    ...(report.version || report.plugins ? [workflowCommand("notice", { title: "clawdiff version and plugins" }, runContextLines(report).join("\n"))] : []),
    ...(report.write ? writeSentences(report.write).map((sentence) => workflowCommand("notice", { title: "clawdiff plan" }, sentence)) : []),
    workflowCommand("notice", { title: "clawdiff" }, report.summary.headline),
  ];
  return `${lines.join("\n")}\n`;
}
