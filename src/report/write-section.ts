import { isPathWithin } from "../shared/values.js";
import type { PredictedWrite } from "../writer/predict.js";
import type { DiffReport, ReportWrite, ReportWriteOutcome, WriteOutcomeKind } from "./model.js";

const SEVERITY: WriteOutcomeKind[] = ["unseen", "none", "hot", "restart"];

/** What the current rules do with a written path: the most severe kind among the evaluator's changes at, below or above it. */
function outcomeOf(report: DiffReport, path: string): ReportWriteOutcome {
  let kind: WriteOutcomeKind = "unseen";
  for (const change of report.changes) {
    if (!isPathWithin(change.path, path) && !isPathWithin(path, change.path)) continue;
    const candidate = change.classification.current.kind;
    if (SEVERITY.indexOf(candidate) > SEVERITY.indexOf(kind)) kind = candidate;
  }
  return { path, kind };
}

/** The report's `write` section: the asked-for paths and each writer effect, with what the current rules do with them. */
export function describeWrite(predicted: PredictedWrite, report: DiffReport, modelFile: string): ReportWrite {
  return {
    operation: predicted.operation,
    ...(predicted.model.via !== undefined ? { via: predicted.model.via } : {}),
    trigger: predicted.model.trigger,
    writer: { version: predicted.writer.openclawVersion, model: modelFile },
    intended: predicted.intended.map((path) => outcomeOf(report, path)),
    alreadyThere: predicted.alreadyThere,
    nothingWritten: predicted.nothingWritten,
    files: predicted.files.map((file) => file.display),
    effects: predicted.effects.map((effect) => ({ code: effect.code, summary: effect.summary, citation: effect.citation, outcomes: effect.paths.filter((path) => !path.includes("/")).map((path) => outcomeOf(report, path)) })),
  };
}

const outcomeText = (outcomes: readonly ReportWriteOutcome[]): string => outcomes.map((outcome) => `${outcome.path} (${outcome.kind === "unseen" ? "not seen by the evaluator" : outcome.kind})`).join(", ");

/**
 * The write in plain sentences, shared by every format: "you asked for X;
 * the writer will also write Y, and Y restarts". The formats pass a
 * display-safe report, so data reaches these sentences escaped.
 */
export function writeSentences(write: ReportWrite): string[] {
  const arrival = write.trigger === "watcher" ? "the gateway's file watcher sees it (another process writes the file)" : "the gateway writes it itself (evaluated as --trigger write)";
  const lines = [`you asked for: ${write.operation} ${outcomeText(write.intended)}; ${arrival}`];
  if (write.alreadyThere) lines.push(write.nothingWritten ? "nothing would be written: the config already holds that value" : "the config already holds that value, but this operation rewrites the file anyway");
  for (const effect of write.effects) {
    const restarts = effect.outcomes.filter((outcome) => outcome.kind === "restart").map((outcome) => outcome.path);
    const tail = effect.outcomes.length > 0 ? `: ${outcomeText(effect.outcomes)}` : "";
    lines.push(`the writer (openclaw@${write.writer.version}) also ${effect.summary}${tail}${restarts.length > 0 ? `, and ${restarts.join(", ")} restart${restarts.length === 1 ? "s" : ""} the gateway` : ""} [${effect.citation}]`);
  }
  if (!write.nothingWritten) lines.push(`files written: ${write.files.join(", ")}`);
  return lines;
}
