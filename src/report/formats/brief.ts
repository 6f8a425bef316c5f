import { defuseCommandLines } from "../../shared/display-text.js";
import { displaySafeReport } from "../display-safe.js";
import type { DiffReport } from "../model.js";
import { writeSentences } from "../write-section.js";
import { causeLabels, kindTransition, runContextLines, suppressionOf } from "./describe.js";

/**
 * `--format brief`: the headline, then one line per changed path for logs and
 * terminals too narrow for the table: kind, path, causes, spurious marker.
 */
export function renderBrief(data: DiffReport): string {
  const report = displaySafeReport(data);
  const rows = report.changes.map((change) => ({
    kind: kindTransition(change),
    path: change.path,
    causes: causeLabels(change).join(", "),
    marks: [change.spurious ? "(spurious)" : "", suppressionOf(report, change) ? "(ignored)" : ""].filter(Boolean).join(" "),
  }));
  const kindWidth = Math.max(0, ...rows.map((row) => row.kind.length));
  const pathWidth = Math.min(48, Math.max(0, ...rows.map((row) => row.path.length)));
  const lines = rows.map((row) =>
    [row.kind.padEnd(kindWidth), row.path.padEnd(pathWidth), row.causes, row.marks]
      .filter((part, index) => index < 2 || part !== "")
      .join("  ")
      .trimEnd(),
  );
  // The run's context comes last, as comment lines, so the path lines follow the headline directly.
  return defuseCommandLines(`${[report.summary.headline, ...(report.write ? writeSentences(report.write) : []), ...lines, ...runContextLines(report).map((line) => `# ${line}`)].join("\n")}\n`);
}
