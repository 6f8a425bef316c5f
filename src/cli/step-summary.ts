import { appendFileSync } from "node:fs";
import type { DiffReport } from "../report/model.js";
import { renderReport, type RenderOptions } from "../report/formats/index.js";
import type { CliIO } from "./io.js";

/**
 * `--summary`: appends the markdown report to the job summary file GitHub
 * Actions names in $GITHUB_STEP_SUMMARY. The summary is an extra: when it
 * cannot be written the run says so and keeps its result.
 */
export function appendStepSummary(report: DiffReport, options: RenderOptions, io: CliIO): void {
  const target = io.env["GITHUB_STEP_SUMMARY"];
  if (!target) {
    io.stderr("clawdiff: warning: --summary: GITHUB_STEP_SUMMARY is not set; no summary written\n");
    return;
  }
  try {
    appendFileSync(target, `${renderReport("markdown", report, options)}\n`);
  } catch (error) {
    io.stderr(`clawdiff: warning: --summary: cannot append to ${target}: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
