import { Option, type Command } from "commander";
import { analyzeEvents } from "../../log/analyze-events.js";
import { groupReloadEvents } from "../../log/group-events.js";
import { buildLogReport } from "../../log/log-report.js";
import { parseGatewayLog } from "../../log/parse-log.js";
import { renderLogTable } from "../../log/render-log-table.js";
import { reproduceEvent, type Reproduction } from "../../log/reproduce.js";
import { conditionContext, type Comparison } from "../../compare.js";
import type { DiffReport } from "../../report/model.js";
import { createPalette } from "../../report/palette.js";
import { ClawdiffError } from "../../shared/errors.js";
import { findPreviousConfigCopy, MAX_LOG_LINE_LENGTH, readLogText } from "../../sources/log-input.js";
import { shouldUseColor, type ColorChoice } from "../color.js";
import type { CommandContext } from "../context.js";
import type { CliIO } from "../io.js";
import { addLoadOptions, type LoadCliOptions } from "../options.js";
import { compareSpecs, prepareRun, type PreparedRun } from "../prepare.js";
import { searchSettings } from "../reproduce-run.js";
import type { GroupedLog } from "../../log/group-events.js";

interface LogOptions extends LoadCliOptions {
  /** One state directory (before: --before or its .bak), or the before and after states. */
  state?: string[];
  before?: string;
  format: "table" | "json";
  color: ColorChoice;
}

interface StateComparison {
  state: string;
  before: string;
  report: DiffReport;
  comparison: Comparison;
}

/** The state comparison that turns hints into cause codes: `--state <before> <after>`, or `--before` (or the `.bak` copy) against `--state <dir>`. */
function compareState(options: LogOptions, run: PreparedRun, io: CliIO): StateComparison | undefined {
  const states = options.state;
  if (states === undefined) {
    if (options.before !== undefined) throw new ClawdiffError("usage", "--before needs --state: it is the state the log's changes started from");
    return undefined;
  }
  if (states.length > 2) throw new ClawdiffError("usage", `--state takes one state directory or a <before> and an <after> state, got ${states.length} values`);
  if (states.length === 2 && options.before !== undefined) throw new ClawdiffError("usage", "--before and a two-state --state both name the before state; give one");
  const state = states[states.length - 1]!;
  const before = states.length === 2 ? states[0]! : (options.before ?? findPreviousConfigCopy(state, io.cwd, options.config));
  if (before === null) {
    io.stderr(`clawdiff: warning: no --before and no ${options.config ?? "openclaw.json"}.bak in ${state}; paths get hints, not cause codes (take snapshots with 'clawdiff snapshot')\n`);
    return undefined;
  }
  return { state, before, ...compareSpecs(before, state, run) };
}

/** For each evaluation the log shows, the settings that reproduce it from the two states. */
function reproduceLogged(grouped: GroupedLog, compared: StateComparison, run: PreparedRun, options: LogOptions, io: CliIO): Reproduction[] {
  const evaluated = grouped.events.filter((event) => event.changedPaths !== null || event.restartReasons.length > 0);
  if (evaluated.length === 0) return [];
  const { groups, outcomes } = searchSettings({ before: compared.before, after: compared.state, run, processEnv: io.env, withProcessEnv: options.processEnv });
  return evaluated.map((event) => reproduceEvent(event, outcomes, groups));
}

/** The log's text, with a warning line for each over-long line it had to skip. */
export function readLogWarning(logSpec: string, io: CliIO, maxBytes: number | undefined): string {
  const log = readLogText(logSpec, io.cwd, maxBytes);
  for (const { line, length } of log.skipped) {
    io.stderr(`clawdiff: warning: ${logSpec === "-" ? "<stdin>" : logSpec}:${line}: line is ${length} characters, over the ${MAX_LOG_LINE_LENGTH}-character log line limit; skipped\n`);
  }
  return log.text;
}

export function registerLog(program: Command, { io }: CommandContext): void {
  const command = program
    .command("log")
    .description("read a gateway log back into reload events: what changed, what the gateway did, and why")
    .argument("<gateway-log>", "gateway log file (text or JSON lines), or - for stdin")
    .option("--state <states...>", "state directory (explain each logged path with cause codes), or <before> <after>: also search the versions, triggers and env sources that reproduce the log")
    .option("--before <state>", "the state before the logged changes: a snapshot, config file or state dir (default <state>/openclaw.json.bak)");
  addLoadOptions(command)
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .addOption(new Option("--color <when>", "colour output").choices(["auto", "always", "never"]).default("auto"))
    .action((logSpec: string, options: LogOptions) => {
      const parsed = parseGatewayLog(readLogWarning(logSpec, io, options.maxBytes));
      const grouped = groupReloadEvents(parsed.records);
      const run = prepareRun(options, io);
      const compared = compareState(options, run, io);
      const events = analyzeEvents(grouped.events, {
        catalog: run.catalog.catalog,
        ...(run.proposed ? { proposed: run.proposed.catalog } : {}),
        defaults: run.loadOptions.defaults ?? null,
        ...(compared ? { stateReport: compared.report, conditions: conditionContext(compared.comparison.before, compared.comparison.after) } : {}),
      });
      const reproductions = compared ? reproduceLogged(grouped, compared, run, options, io) : undefined;
      const report = buildLogReport(parsed, events, grouped.restarts, {
        log: logSpec,
        catalog: run.catalog.catalog.id,
        ...(run.proposed ? { proposed: run.proposed.catalog.id } : {}),
        ...(compared ? { state: compared.state, before: compared.before } : {}),
      }, reproductions);
      if (options.format === "json") io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      else io.stdout(renderLogTable(report, createPalette(shouldUseColor(options.color, io.env, io.isTTY))));
    });
}
