import { resolve } from "node:path";
import { Option, type Command } from "commander";
import { compareInputs } from "../../compare.js";
import { buildReport, type DiffReport } from "../../report/model.js";
import { createPalette, type Palette } from "../../report/palette.js";
import { renderTable } from "../../report/table.js";
import { getAtSegments } from "../../shared/values.js";
import { DEFAULT_CONFIG_NAME } from "../../sources/config-input.js";
import { assertWatchableDir, captureState, type CapturedState } from "../../sources/watch-capture.js";
import { watchFileSet } from "../../sources/watch-files.js";
import { createSettleLoop, effectiveTimerDelay } from "../../sources/watch-settle.js";
import { createWatchMachine, type WatchEvent } from "../../sources/watch-transitions.js";
import { watcherBehaviour } from "../../sources/watch-versions.js";
import { shouldUseColor, type ColorChoice } from "../color.js";
import type { CommandContext } from "../context.js";
import type { CliIO } from "../io.js";
import { addLoadOptions, parsePositiveInteger, type LoadCliOptions } from "../options.js";
import { prepareRun, type PreparedRun } from "../prepare.js";
import { escapeControls } from "../../shared/display-text.js";

interface WatchOptions extends LoadCliOptions {
  format: "table" | "ndjson";
  color: ColorChoice;
  debounce?: number;
  showSecrets?: boolean;
}

/** gateway.reload.debounceMs as the gateway reads it (a finite number, floored, at least 0), else the version's default. */
function debounceOf(state: CapturedState | null, fallbackMs: number, fromConfig: boolean): number {
  const raw = state && fromConfig ? getAtSegments(state.loaded.compare, ["gateway", "reload", "debounceMs"]) : undefined;
  return typeof raw === "number" && Number.isFinite(raw) ? Math.max(0, Math.floor(raw)) : fallbackMs;
}

function compareStates(before: CapturedState, after: CapturedState, run: PreparedRun, showSecrets: boolean): DiffReport {
  // Both sides are the same directory at two moments: say which moment.
  const beforeInput = { ...before.input, label: `${before.input.label} (last good)` };
  const afterInput = { ...after.input, label: `${after.input.label} (now)` };
  const comparison = compareInputs(beforeInput, afterInput, run.catalog.catalog, {
    before: run.loadOptions,
    after: run.loadOptions,
    ...(run.proposed ? { proposed: run.proposed.catalog } : {}),
  });
  return buildReport(comparison, {
    catalogRequest: { requested: run.catalog.requested, resolution: run.catalog.resolution },
    ...(run.proposed ? { proposedRequest: { requested: run.proposed.requested, resolution: run.proposed.resolution } } : {}),
    showSecrets,
  });
}

/** One `--format ndjson` record per event. */
function ndjsonRecord(event: WatchEvent<CapturedState>, time: string, report: DiffReport | null): Record<string, unknown> {
  switch (event.type) {
    case "baseline":
      return { type: "baseline", time };
    case "invalid":
      return { type: "invalid", time, error: event.error, keepingLastGood: event.keeping !== null };
    case "deleted":
      return { type: "deleted", time, keepingLastGood: event.keeping !== null };
    case "compare":
      return {
        type: report!.summary.verdict === "no-change" ? "no-change" : "change",
        time,
        recreated: event.recreated,
        verdict: report!.summary.verdict,
        headline: report!.summary.headline,
        changedPaths: report!.changedPaths,
        report,
      };
  }
}

/** The table view: the diff table for a change, one line for anything else. */
function tableText(event: WatchEvent<CapturedState>, time: string, report: DiffReport | null, palette: Palette, width: number): string {
  switch (event.type) {
    case "baseline":
      return `${time} ${palette.dim("config is valid; later changes are compared with it")}\n`;
    case "invalid":
      return `${time} ${palette.yellow(`invalid config, keeping the last good state: ${escapeControls(event.error)}`)}\n`;
    case "deleted":
      return `${time} ${palette.yellow("config deleted; waiting for it to come back")}\n`;
    case "compare":
      if (report!.summary.verdict === "no-change") return `${time} ${palette.dim("rewritten, no change the evaluator would see")}\n`;
      return `${time}${event.recreated ? " config re-created" : ""}\n${renderTable(report!, { palette, width })}\n`;
  }
}

/**
 * The first SIGINT or SIGTERM, or the reader of a pipe going away (`watch |
 * head -3`): each is the normal end of a watch. `dispose` unhooks the handlers.
 */
function stopSignal(): { received: Promise<void>; dispose: () => void } {
  let dispose = () => {};
  const received = new Promise<void>((done) => {
    const stop = () => {
      dispose();
      done();
    };
    const onOutputError = (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") stop();
    };
    dispose = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      process.stdout.off("error", onOutputError);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    process.stdout.on("error", onOutputError);
  });
  return { received, dispose };
}

async function runWatch(stateDir: string, options: WatchOptions, io: CliIO): Promise<void> {
  // Listen before saying "watching": a signal right after it must stop the watch, not kill the process.
  const stop = stopSignal();
  try {
    await watchUntil(stop.received, stateDir, options, io);
  } finally {
    stop.dispose();
  }
}

async function watchUntil(stopped: Promise<void>, stateDir: string, options: WatchOptions, io: CliIO): Promise<void> {
  assertWatchableDir(stateDir, io.cwd);
  const run = prepareRun(options, io);
  const palette = createPalette(shouldUseColor(options.color, io.env, io.isTTY));
  const configPath = resolve(io.cwd, stateDir, options.config ?? DEFAULT_CONFIG_NAME);
  const capture = () => captureState(stateDir, run.inputOptions, run.loadOptions, stateDir);
  const print = (event: WatchEvent<CapturedState> | null) => {
    if (!event) return;
    const time = new Date().toISOString();
    const report = event.type === "compare" ? compareStates(event.before, event.after, run, options.showSecrets ?? false) : null;
    io.stdout(options.format === "ndjson" ? `${JSON.stringify(ndjsonRecord(event, time, report))}\n` : tableText(event, time, report, palette, io.columns));
  };

  const behaviour = watcherBehaviour(run.catalog.targetVersion);
  // What triggers a reload: the config, plus what it includes in versions that watch includes.
  const triggers = (state: CapturedState | null) => [...new Set([configPath, ...(behaviour.watchesIncludes && state ? state.loaded.files.keys() : [])])];

  // Watch before the first read, so an edit landing between the two is never missed.
  let touch = () => {};
  const files = watchFileSet(() => touch(), { onError: (error) => io.stderr(`clawdiff: watch error: ${error.message}\n`) });
  files.update([configPath]);
  const { machine, first } = createWatchMachine(capture());
  files.update(triggers(machine.lastGood));
  const debounceMs = () => effectiveTimerDelay(options.debounce ?? debounceOf(machine.lastGood, run.catalog.catalog.defaultDebounceMs, behaviour.debounceFromConfig));
  const loop = createSettleLoop({
    delayMs: debounceMs,
    timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    onSettle: () => {
      print(machine.next(capture()));
      files.update(triggers(machine.lastGood));
    },
    onError: (error) => io.stderr(`clawdiff: ${error instanceof Error ? error.message : String(error)}\n`),
  });
  touch = () => loop.touch();

  const started = { type: "watching", time: new Date().toISOString(), config: configPath, triggers: triggers(machine.lastGood), rules: run.catalog.catalog.id, debounceMs: debounceMs() };
  if (options.format === "ndjson") io.stdout(`${JSON.stringify(started)}\n`);
  else io.stderr(`clawdiff: watching ${configPath} (rules ${started.rules}, debounce ${started.debounceMs} ms); Ctrl-C to stop\n`);
  if (first.type !== "baseline") print(first);

  await stopped;
  loop.stop();
  files.close();
}

export function registerWatch(program: Command, { io }: CommandContext): void {
  const command = program
    .command("watch")
    .description("shadow the gateway's config watcher (read-only): on each settled change, print what the gateway would do and why")
    .argument("<state-dir>", "the gateway's state directory");
  addLoadOptions(command)
    .addOption(new Option("--format <format>", "output format: table, or ndjson (one JSON record per settled change)").choices(["table", "ndjson"]).default("table"))
    .addOption(new Option("--color <when>", "colour output").choices(["auto", "always", "never"]).default("auto"))
    .option("--debounce <ms>", "quiet period before a change counts (default: gateway.reload.debounceMs, else the version's default)", parsePositiveInteger)
    .option("--show-secrets", "print secret values (local debugging only; refused when CI is set)")
    .action((stateDir: string, options: WatchOptions) => runWatch(stateDir, options, io));
}
