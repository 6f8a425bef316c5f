import { dirname, resolve } from "node:path";
import { loadConfig } from "../config/load-config.js";
import { buildReport, type DiffReport } from "../report/model.js";
import { describeWrite } from "../report/write-section.js";
import { openConfigInput } from "../sources/config-input.js";
import { overlayInput } from "../sources/memory-state.js";
import { loadDefaultsFor, loadEvaluatorViews } from "../sources/catalog-store.js";
import { loadWriterModelFor } from "../sources/writer-store.js";
import { ClawdiffError } from "../shared/errors.js";
import type { WriteRequest } from "../writer/change.js";
import { predictWrite, type PredictedWrite } from "../writer/predict.js";
import type { WriterModel } from "../writer/model.js";
import { checkPredictedConfig } from "./plan-validate.js";
import { compareOpenedInputs, type PreparedRun } from "./prepare.js";

export interface PlanRunOptions {
  /** ISO time for the write-time stamp (default: now). */
  now?: string;
  /** HOME of the gateway process (default: the state directory's parent). */
  home?: string;
  showSecrets?: boolean;
  /** `--trigger` as the user gave it: it must agree with the operation's. */
  explicitTrigger?: "watcher" | "write";
}

export interface PlannedRun {
  report: DiffReport;
  predicted: PredictedWrite;
  /** The input the prediction started from, for `--out`. */
  before: { stateDir: string; kind: string; configPath: string };
}

function checkTrigger(model: WriterModel, request: WriteRequest, explicit: PlanRunOptions["explicitTrigger"]): "watcher" | "write" {
  const trigger = model.operations[request.operation]?.trigger ?? "watcher";
  if (explicit !== undefined && explicit !== trigger) {
    throw new ClawdiffError("usage", `--trigger ${explicit} contradicts ${request.operation}, which reaches the gateway as --trigger ${trigger} in openclaw@${model.openclawVersion}`);
  }
  return trigger;
}

/** Predicts the write, puts the predicted files behind the loader's reading port and compares as `diff` does. */
export function planSpec(stateSpec: string, change: WriteRequest | ((model: WriterModel) => WriteRequest), prepared: PreparedRun, options: PlanRunOptions = {}): PlannedRun {
  const before = openConfigInput(stateSpec, prepared.inputOptions);
  // Without --rules the gateway that will write is the one that stamped the state: its version decides the writer and the rules.
  const { forInputs: _perInputs, ...run } = prepared.forInputs ? prepared.forInputs(before, before) : prepared;
  const version = run.catalog.targetVersion;
  const { model, display } = loadWriterModelFor(version);
  const request = typeof change === "function" ? change(model) : change;
  const trigger = checkTrigger(model, request, options.explicitTrigger);
  const loaded = loadConfig(before, run.loadOptions);
  const predicted = predictWrite(loaded, request, {
    writer: model,
    defaults: loadDefaultsFor(version),
    now: options.now ?? new Date().toISOString(),
    home: options.home ?? dirname(resolve(before.stateDir)),
  });
  const after = overlayInput(before, new Map(predicted.files.map((file) => [file.path, file.text])), `${before.label} (predicted ${request.operation})`);
  const compared = compareOpenedInputs(before, after, { ...run, views: loadEvaluatorViews(version, trigger) }, options.showSecrets ?? false);
  checkPredictedConfig(compared.comparison.before.compare, compared.comparison.after.compare, version);
  const report = { ...compared.report };
  report.write = describeWrite(predicted, report, display);
  return { report, predicted, before: { stateDir: before.stateDir, kind: before.kind, configPath: before.configPath } };
}
