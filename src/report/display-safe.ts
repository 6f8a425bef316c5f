import { displaySafe } from "../shared/display-text.js";
import type { DiffReport } from "./model.js";
import type { PathStory } from "./path-story.js";
import type { ReportSide } from "./provenance.js";

/** Values keep their raw text: format-value quotes and escapes them itself, and escaping twice would misquote them. */
function withRawValues<T extends { before?: unknown; after?: unknown }>(item: T): T {
  const { before, after, ...rest } = item;
  return { ...displaySafe(rest), ...("before" in item ? { before } : {}), ...("after" in item ? { after } : {}) } as T;
}

const sideWithRawValue = (side: ReportSide): ReportSide => {
  const { value, ...rest } = side;
  return { ...displaySafe(rest), ...("value" in side ? { value } : {}) };
};

/** The report as text formats print it: every string from data (paths, causes, file names, labels) escaped. */
export function displaySafeReport(report: DiffReport): DiffReport {
  return {
    ...displaySafe({ ...report, changes: [], formOnlyChanges: [] }),
    changes: report.changes.map(withRawValues),
    formOnlyChanges: report.formOnlyChanges.map(withRawValues),
  };
}

export function displaySafeStory(story: PathStory): PathStory {
  return {
    ...displaySafe({ ...story, provenance: { before: {}, after: {} } }),
    provenance: { before: sideWithRawValue(story.provenance.before), after: sideWithRawValue(story.provenance.after) },
  };
}
