import { posix } from "node:path";
import type { Command } from "commander";
import type { Verdict } from "../../plan/outcome.js";
import { createPalette, type Palette } from "../../report/palette.js";
import { loadConfig } from "../../config/load-config.js";
import { openConfigInput, type ConfigInput } from "../../sources/config-input.js";
import { listCommits, type CommitTouch } from "../../sources/git/history.js";
import { configSideFiles, DEFAULT_REPO_CONFIG_PATHS } from "../../sources/git/open-git-input.js";
import { ClawdiffError } from "../../shared/errors.js";
import { shouldUseColor } from "../color.js";
import type { CommandContext } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { addLoadOptions, addOutputOptions, type LoadCliOptions, type OutputCliOptions } from "../options.js";
import { compareOpenedInputs, prepareRun, type PreparedRun } from "../prepare.js";
import { defuseCommandLines, displaySafe } from "../../shared/display-text.js";

type LogRangeOptions = LoadCliOptions & OutputCliOptions & { format: "table" | "json" };

export type RangeStatus = "compared" | "config-added" | "config-deleted" | "no-config" | "error";

/** One commit that touched the config or a file it reads, judged against the last state the gateway could load. */
export interface RangeCommit {
  commit: string;
  parent: string | null;
  /** The commit compared with when it is not the parent: the parent's config could not be loaded, so the gateway kept this one. */
  comparedWith?: string;
  subject: string;
  status: RangeStatus;
  /** The diff verdict when both sides have a config. */
  verdict: Verdict | null;
  wouldRestart: boolean;
  headline: string;
  restartReasons: string[];
  changedPaths: string[];
  /** Paths the commit's own load read (config, includes, .env). */
  pathsRead: string[];
}

export interface RangeReport {
  schemaVersion: 1;
  range: string;
  repository: string;
  /** Commits in the range, touching the config or not. */
  commitsInRange: number;
  commits: RangeCommit[];
  summary: { evaluated: number; wouldRestart: number; firstRestart: string | null; errors: number };
}

const short = (commit: string) => commit.slice(0, 7);

/** Opens one side, or null when the commit has no config (not created yet, or deleted). */
function openAt(commit: string | null, run: PreparedRun): ConfigInput | null {
  if (commit === null) return null;
  try {
    return openConfigInput(`git:${commit}`, run.inputOptions);
  } catch (error) {
    if (error instanceof ClawdiffError && error.kind === "not-found") return null;
    throw error;
  }
}

/** The state the gateway runs: the commit whose config it last loaded (a broken config is skipped, the old one kept). */
function loads(input: ConfigInput, run: PreparedRun): boolean {
  try {
    loadConfig(input, run.loadOptions);
    return true;
  } catch (error) {
    if (error instanceof ClawdiffError) return false;
    throw error;
  }
}

function judge(touch: CommitTouch, baseline: string | null, run: PreparedRun, showSecrets: boolean): RangeCommit {
  const row = {
    commit: touch.commit,
    parent: touch.parent,
    ...(baseline !== touch.parent && baseline !== null ? { comparedWith: baseline } : {}),
    subject: touch.subject,
    verdict: null,
    wouldRestart: false,
    restartReasons: [],
    changedPaths: [],
  };
  try {
    const before = openAt(baseline, run);
    const after = openAt(touch.commit, run);
    if (!before || !after) {
      const status: RangeStatus = before ? "config-deleted" : after ? "config-added" : "no-config";
      const pathsRead = after ? [...loadConfig(after, run.loadOptions).input.git!.pathsRead] : [];
      const headline = { "config-deleted": "the config was deleted", "config-added": "the config was created", "no-config": "no config on either side" }[status];
      return { ...row, status, headline, pathsRead };
    }
    const { report } = compareOpenedInputs(before, after, run, showSecrets);
    const since = "comparedWith" in row ? ` (against ${short(baseline!)}, the last config the gateway could load)` : "";
    return {
      ...row,
      status: "compared",
      verdict: report.summary.verdict,
      wouldRestart: report.plans.current.wouldRestart && report.summary.verdict !== "no-change",
      headline: `${report.summary.headline}${since}`,
      restartReasons: report.plans.current.restartReasons,
      changedPaths: report.changedPaths,
      pathsRead: report.inputs.after.git?.pathsRead ?? [],
    };
  } catch (error) {
    if (!(error instanceof ClawdiffError)) throw error;
    const kept = baseline ? `; the gateway keeps ${short(baseline)}` : "";
    return { ...row, status: "error", headline: `${error.format()}${kept}`, pathsRead: [] };
  }
}

/** Opens a side for the baseline check; a side that cannot even be opened is not loadable. */
function openQuietly(commit: string, run: PreparedRun): ConfigInput | null {
  try {
    return openAt(commit, run);
  } catch (error) {
    if (error instanceof ClawdiffError) return null;
    throw error;
  }
}

/** Paths whose change can change the config at `commit`: the config candidates, their .env, and what its load reads. */
function relevantPathsAt(commit: string | null, candidates: string[], run: PreparedRun): Set<string> | null {
  const always = new Set(configSideFiles(candidates));
  try {
    const input = openAt(commit, run);
    if (input) for (const path of loadConfig(input, run.loadOptions).input.git!.pathsRead) always.add(path);
    return always;
  } catch {
    // Unknown (the load fails there): judge every commit until one loads.
    return null;
  }
}

/**
 * Walks the range oldest first and judges only the commits that touch a
 * path the config reads at that point, so a commit that renames an include
 * or adds one is followed.
 */
export function walkRange(range: string, run: PreparedRun, configPath: string | undefined, showSecrets: boolean): RangeReport {
  const session = run.inputOptions.git!;
  const touches = listCommits(session, range);
  const candidates = configPath !== undefined ? [posix.normalize(configPath)] : DEFAULT_REPO_CONFIG_PATHS;
  let relevant = touches[0] ? relevantPathsAt(touches[0].parent, candidates, run) : null;
  const commits: RangeCommit[] = [];
  const start = touches[0]?.parent ?? null;
  const startInput = start === null ? null : openQuietly(start, run);
  let baseline = startInput && loads(startInput, run) ? start : null;
  let parentBroken = start !== null && baseline === null && startInput !== null;
  for (const touch of touches) {
    if (relevant && !touch.paths.some((path) => relevant!.has(path))) continue;
    // While the parent's config loads it is what the gateway runs; after a broken commit the gateway still runs the baseline.
    const judged = judge(touch, parentBroken ? baseline : touch.parent, run, showSecrets);
    commits.push(judged);
    relevant = judged.status === "error" ? null : new Set([...configSideFiles(candidates), ...judged.pathsRead]);
    // Commits not judged keep the files the config reads, so the baseline moves only with a judged commit that loads (or deletes the config).
    parentBroken = judged.status === "error";
    if (!parentBroken) baseline = judged.status === "config-deleted" ? null : touch.commit;
  }
  const restarts = commits.filter((commit) => commit.wouldRestart);
  return {
    schemaVersion: 1,
    range,
    repository: session.repository().root,
    commitsInRange: touches.length,
    commits,
    summary: { evaluated: commits.length, wouldRestart: restarts.length, firstRestart: restarts[0]?.commit ?? null, errors: commits.filter((commit) => commit.status === "error").length },
  };
}

function statusLabel(commit: RangeCommit, palette: Palette): string {
  const label = commit.status === "compared" ? (commit.wouldRestart ? "restart" : commit.verdict!) : commit.status;
  const padded = label.padEnd(15);
  if (commit.wouldRestart || commit.status === "error") return palette.red.bold(padded);
  if (commit.verdict === "hot-reload" || commit.verdict === "restart-ignored") return palette.yellow(padded);
  return palette.dim(padded);
}

export function renderRange(data: RangeReport, palette: Palette): string {
  const report = displaySafe(data);
  const { summary } = report;
  const first = summary.firstRestart ? ` (first: ${short(summary.firstRestart)})` : "";
  const lines = [
    `${report.range}: ${summary.evaluated} of ${report.commitsInRange} commit(s) touch the config; ${summary.wouldRestart} would restart the gateway${first}`,
  ];
  for (const commit of report.commits) {
    lines.push(`${palette.bold(short(commit.commit))}  ${statusLabel(commit, palette)}  ${commit.subject}`, `         ${palette.dim(commit.headline)}`);
  }
  return defuseCommandLines(`${lines.join("\n")}\n`);
}

function exitCodeOf(report: RangeReport): number {
  if (report.summary.wouldRestart > 0) return EXIT.restart;
  if (report.summary.errors > 0) return EXIT.error;
  const changed = report.commits.some((commit) => commit.status !== "compared" || commit.verdict !== "no-change");
  return changed ? EXIT.changedNoRestart : EXIT.noChange;
}

export function registerLogRange(program: Command, { io, setExitCode }: CommandContext): void {
  const command = program
    .command("log-range")
    .description("walk the commits of <revA>..<revB> that touch the config or its includes; report which would have restarted the gateway")
    .argument("<range>", "a git revision range, e.g. main~20..main");
  addOutputOptions(addLoadOptions(command), ["table", "json"], "table").action((range: string, options: LogRangeOptions) => {
    const report = walkRange(range, prepareRun(options, io), options.config, options.showSecrets ?? false);
    if (options.format === "json") io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout(renderRange(report, createPalette(shouldUseColor(options.color, io.env, io.isTTY))));
    setExitCode(exitCodeOf(report));
  });
}
