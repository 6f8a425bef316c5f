import { resolve } from "node:path";
import { Option, type Command } from "commander";
import { compareInputs } from "../../compare.js";
import { buildReport, type DiffReport } from "../../report/model.js";
import { createPalette } from "../../report/palette.js";
import { renderTable } from "../../report/table.js";
import { getAtSegments } from "../../shared/values.js";
import { DEFAULT_CONFIG_NAME } from "../../sources/config-input.js";
import { captureState, type CapturedState } from "../../sources/watch-capture.js";
import { watchFile } from "../../sources/watch-files.js";
import { createSettleLoop } from "../../sources/watch-settle.js";
import { createWatchMachine, type WatchEvent } from "../../sources/watch-transitions.js";
import { shouldUseColor, type ColorChoice } from "../color.js";
import type { CommandContext } from "../context.js";
import { addLoadOptions, parsePositiveInteger, type LoadCliOptions } from "../options.js";
import { prepareRun, type PreparedRun } from "../prepare.js";

interface WatchOptions extends LoadCliOptions {
  format: "table" | "ndjson";
  color: ColorChoice;
  debounce?: number;
  showSecrets?: boolean;
}

/** gateway.reload.debounceMs as the gateway reads it (a finite number, floored, at least 0), else the version's default. */
function debounceOf(state: CapturedState | null, fallbackMs: number): number {
  const raw = state ? getAtSegments(state.loaded.compare, ["gateway", "reload", "debounceMs"]) : undefined;
  return typeof raw === "number" && Number.isFinite(raw) ? Math.max(0, Math.floor(raw)) : fallbackMs;
}

function compareStates(before: CapturedState, after: CapturedState, run: PreparedRun, showSecrets: boolean): DiffReport {
  const comparison = compareInputs(before.input, after.input, run.catalog.catalog, {
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

/** One line of `--format ndjson` per settled change. */
function ndjsonRecord(event: WatchEvent<CapturedState>, time: string, report: DiffReport | null): Record<string, unknown> {
  switch (event.type) {
    case "baseline":
      return { type: "watching", time, config: event.state.input.configPath };
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
    .action(async (stateDir: string, options: WatchOptions) => {
      const run = prepareRun(options, io);
      const palette = createPalette(shouldUseColor(options.color, io.env, io.isTTY));
      const capture = () => captureState(stateDir, run.inputOptions, run.loadOptions, stateDir);
      const print = (event: WatchEvent<CapturedState> | null) => {
        if (!event) return;
        const time = new Date().toISOString();
        const report = event.type === "compare" ? compareStates(event.before, event.after, run, options.showSecrets ?? false) : null;
        if (options.format === "ndjson") {
          io.stdout(`${JSON.stringify(ndjsonRecord(event, time, report))}\n`);
          return;
        }
        if (event.type === "baseline") io.stderr(`clawdiff: watching ${event.state.input.configPath} (rules ${run.catalog.catalog.id}); Ctrl-C to stop\n`);
        else if (event.type === "invalid") io.stdout(`${time} ${palette.yellow(`invalid config, keeping the last good state: ${event.error}`)}\n`);
        else if (event.type === "deleted") io.stdout(`${time} ${palette.yellow("config deleted; waiting for it to come back")}\n`);
        else if (report!.summary.verdict === "no-change") io.stdout(`${time} ${palette.dim("rewritten, no change the evaluator would see")}\n`);
        else io.stdout(`${time}${event.recreated ? " config re-created" : ""}\n${renderTable(report!, { palette, width: io.columns })}\n`);
      };

      // Watch before the first read, so an edit landing between the two is never missed.
      let touch = () => {};
      const configPath = resolve(io.cwd, stateDir, options.config ?? DEFAULT_CONFIG_NAME);
      const files = watchFile(configPath, () => touch(), { onError: (error) => io.stderr(`clawdiff: watch error: ${error.message}\n`) });
      const { machine, first } = createWatchMachine(capture());
      const loop = createSettleLoop({
        delayMs: () => options.debounce ?? debounceOf(machine.lastGood, run.catalog.catalog.defaultDebounceMs),
        timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
        onSettle: () => print(machine.next(capture())),
        onError: (error) => io.stderr(`clawdiff: ${error instanceof Error ? error.message : String(error)}\n`),
      });
      touch = () => loop.touch();
      if (first.type !== "baseline") {
        io.stderr(`clawdiff: watching ${configPath}: no valid config yet; the first valid one becomes the baseline\n`);
        if (options.format === "ndjson") io.stdout(`${JSON.stringify({ type: "watching", time: new Date().toISOString(), config: null })}\n`);
      }
      print(first);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          resolve();
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
      loop.stop();
      files.close();
    });
}
