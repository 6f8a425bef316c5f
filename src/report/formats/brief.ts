import type { DiffReport } from "../model.js";
import { causeLabels, kindTransition, runContextLines, suppressionOf } from "./describe.js";

/**
 * `--format brief`: the headline, then one line per changed path for logs and
 * terminals too narrow for the table: kind, path, causes, spurious marker;
 * then `#` lines on the version and plugins the verdict assumed.
 */
export function renderBrief(report: DiffReport): string {
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
  // How the run was set up matters only when something changed; it trails the paths so the headline and paths stay first.
  const context = rows.length > 0 ? runContextLines(report).map((line) => `# ${line}`) : [];
  return `${[report.summary.headline, ...lines, ...context].join("\n")}\n`;
}
