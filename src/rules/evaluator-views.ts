import { ClawdiffError } from "../shared/errors.js";
import { compareVersions } from "./versions.js";

/** Which form of the config one side of the evaluator's diff holds. */
export type EvaluatorView = "source" | "runtime" | "persisted";

/** What made the gateway evaluate a reload: its file watcher, or its own in-process write. */
export type ReloadTrigger = "watcher" | "write";

export interface ViewPair {
  before: EvaluatorView;
  after: EvaluatorView;
}

interface ViewRange {
  from: string;
  watcher: ViewPair;
  write: ViewPair;
  note?: string;
  sources: string[];
}

export interface EvaluatorViewTable {
  format: 1;
  ranges: ViewRange[];
}

/** The evaluator's two views for one version and trigger, and the facts behind them. */
export interface EvaluatorViews extends ViewPair {
  trigger: ReloadTrigger;
  /** The first version of the range these views hold for. */
  since: string;
  note?: string;
  sources: string[];
}

/** The range that holds `version`: the last one starting at or before it. */
export function evaluatorViewsFor(table: EvaluatorViewTable, version: string, trigger: ReloadTrigger): EvaluatorViews {
  const ranges = [...table.ranges].sort((a, b) => compareVersions(a.from, b.from));
  const range = ranges.filter((candidate) => compareVersions(candidate.from, version) <= 0).pop();
  if (!range) throw new ClawdiffError("catalog", `no evaluator views known for openclaw@${version} (the oldest range starts at ${ranges[0]!.from})`);
  return { trigger, ...range[trigger], since: range.from, ...(range.note ? { note: range.note } : {}), sources: range.sources };
}
