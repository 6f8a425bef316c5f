import type { DiffReport } from "../../src/report/model.js";
import { runInProcess } from "../helpers/run-cli.js";

/** A real report from the CLI's JSON output: the renderers are tested on exactly what users get. */
export async function reportFor(args: string[]): Promise<DiffReport> {
  const result = await runInProcess([...args, "--format", "json", "--rules", "openclaw@2026.5.3", "--no-process-env", "--no-ignore-file"]);
  if (result.code === 2) throw new Error(`clawdiff failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as DiffReport;
}

export const agentsCreate = ["examples/agents-create/before", "examples/agents-create/after"];

/** A before without includes, and an after whose heartbeat comes from an included file. */
export const intoInclude = ["test/fixtures/states/include-move/after/openclaw.json", "test/fixtures/states/include-merge"];

/** The same report as if proposed rules turned every restart into a hot reload. */
export function withProposedHot(report: DiffReport): DiffReport {
  const changes = report.changes.map((change) => ({
    ...change,
    classification: { ...change.classification, proposed: { ...change.classification.current, kind: change.classification.current.kind === "restart" ? ("hot" as const) : change.classification.current.kind } },
  }));
  return {
    ...report,
    catalogs: { ...report.catalogs, proposed: { ...report.catalogs.current, id: "proposed-overlay" } },
    plans: { ...report.plans, proposed: { ...report.plans.current, outcome: "hot-reload", wouldRestart: false, restartGateway: false } },
    changes,
    summary: { ...report.summary, drift: true },
  };
}

/** The same report with the change at `path` accepted by an ignore-file entry, and one stale entry. */
export function withSuppressed(report: DiffReport, path: string): DiffReport {
  const change = report.changes.find((candidate) => candidate.path === path)!;
  return {
    ...report,
    suppressed: [{ path, segments: change.segments, entry: { path, reason: "known writer stamp", file: ".clawdiffignore.json5", line: 3, column: 5 } }],
    ignore: { file: ".clawdiffignore.json5", stale: [{ path: "wizard.*", reason: "old wizard runs", file: ".clawdiffignore.json5", line: 7, column: 5 }], expired: [], effectiveVerdict: report.summary.verdict },
  };
}
