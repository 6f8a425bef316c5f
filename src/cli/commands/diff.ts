import type { Command } from "commander";
import { writeReport, type RenderOptions } from "../../report/formats/index.js";
import { createPalette } from "../../report/palette.js";
import { shouldUseColor } from "../color.js";
import type { CommandContext } from "../context.js";
import { exitCodeFor, parseFailOn } from "../exit-codes.js";
import { applyIgnoreChoice, ignoreWarnings } from "../ignore-run.js";
import {
  addGitShortcutOptions,
  addLoadOptions,
  addReportFormatOptions,
  addResultOptions,
  checkResultOptions,
  chooseReportFormat,
  type GitShortcutCliOptions,
  type LoadCliOptions,
  type OutputCliOptions,
  type ReportFormatCliOptions,
  type ResultCliOptions,
} from "../options.js";
import { compareSpecs, prepareRun, resolveDiffSpecs } from "../prepare.js";
import { appendStepSummary } from "../step-summary.js";
import { matchLog } from "../match-log.js";
import { withRestartFixes } from "../report-fixes.js";
import { ClawdiffError } from "../../shared/errors.js";
import { escapeControls } from "../../shared/display-text.js";

type DiffOptions = LoadCliOptions & OutputCliOptions & ResultCliOptions & GitShortcutCliOptions & ReportFormatCliOptions & { matchLog?: string; fixes?: boolean };

export function registerDiff(program: Command, { io, setExitCode }: CommandContext): void {
  const command = program
    .command("diff", { isDefault: true })
    .description("compare two states (state dirs, config files, -) as the gateway's reload evaluator would")
    .argument("[before]", "state directory, config file, git:<rev>[:<path>], or - for stdin")
    .argument("[after]", "state directory, config file, git:<rev>[:<path>], or - for stdin")
    .option("--fixes", "for each path that forces a restart, the fixes planned again under the same version, with their verdicts (table and json)")
    .option("--match-log <file>", "also search the versions, triggers and env sources whose diff of these states gives what this gateway log shows");
  addGitShortcutOptions(addResultOptions(addReportFormatOptions(addLoadOptions(command)))).action((beforeArg: string | undefined, afterArg: string | undefined, options: DiffOptions) => {
    const failOn = parseFailOn(options.failOn);
    checkResultOptions(options, failOn);
    const specs = resolveDiffSpecs(beforeArg, afterArg, options);
    if (typeof specs === "string") return command.error(`error: missing required argument '${specs}'`);
    const [before, after] = specs;
    const run = prepareRun(options, io);
    const compared = compareSpecs(before, after, run, options.showSecrets ?? false);
    const ignored = applyIgnoreChoice(compared.report, compared.comparison, options.ignoreFile, io.cwd);
    const report = options.fixes ? withRestartFixes(ignored, compared.comparison, run) : ignored;
    for (const warning of ignoreWarnings(report)) io.stderr(`clawdiff: warning: ${escapeControls(warning)}\n`);
    const format = chooseReportFormat(options, command.getOptionValueSource("format"), io);
    if (options.fixes && format !== "table" && format !== "json") throw new ClawdiffError("usage", `--fixes shows in the table and json formats, not in ${format}`);
    if (options.matchLog !== undefined && format !== "table") throw new ClawdiffError("usage", `--match-log prints a table after the report; with --format ${format} use 'clawdiff log <file> --state <before> <after> --format json'`);
    const render: RenderOptions = { palette: createPalette(shouldUseColor(options.color, io.env, io.isTTY)), width: io.columns, cwd: io.cwd, now: new Date() };
    writeReport(format, report, render, io.stdout);
    if (options.matchLog !== undefined) io.stdout(matchLog(options.matchLog, [before, after], run, options, io, render.palette));
    if (options.summary) appendStepSummary(report, render, io);
    setExitCode(exitCodeFor(report, { failOn, exitCode: options.exitCode }));
  });
}
