import type { Command } from "commander";
import { parseConfigText } from "../../config/parse-json5.js";
import { renderReport, type RenderOptions } from "../../report/formats/index.js";
import { createPalette } from "../../report/palette.js";
import { readTextArgument } from "../../sources/text-argument.js";
import { writeStateDir } from "../../sources/write-state-dir.js";
import { ClawdiffError } from "../../shared/errors.js";
import { isPlainObject } from "../../shared/values.js";
import type { PathEdit, WriteRequest } from "../../writer/change.js";
import { parseConfigPath } from "../../writer/config-path.js";
import type { WriterModel } from "../../writer/model.js";
import { shouldUseColor } from "../color.js";
import type { CommandContext } from "../context.js";
import { exitCodeFor, parseFailOn } from "../exit-codes.js";
import type { CliIO } from "../io.js";
import { addLoadOptions, addReportFormatOptions, chooseReportFormat, collect, type LoadCliOptions, type OutputCliOptions, type ReportFormatCliOptions } from "../options.js";
import { planSpec } from "../plan-run.js";
import { prepareRun } from "../prepare.js";

interface PlanCliOptions extends LoadCliOptions, OutputCliOptions, ReportFormatCliOptions {
  set: string[];
  unset: string[];
  patch?: string;
  op?: string;
  agent?: string;
  workspace?: string;
  gatewayHome?: string;
  out?: string;
  failOn: string[];
  exitCode: "contract" | "none";
}

const OPERATIONS = ["agents.create"] as const;

/** `--set path=value`: the value is JSON5 (quote strings that look like something else). */
function parseSet(assignment: string, model: WriterModel): PathEdit {
  const equals = assignment.indexOf("=");
  if (equals <= 0) throw new ClawdiffError("usage", `--set expects <path>=<JSON5 value>, got '${assignment.slice(0, 60)}'`);
  const raw = assignment.slice(0, equals);
  const segments = parseConfigPath(raw, model.pathSyntax);
  const text = assignment.slice(equals + 1);
  try {
    return { kind: "set", segments, value: parseConfigText(text, `--set ${raw}`), raw };
  } catch (error) {
    const reason = error instanceof ClawdiffError ? error.message : String(error);
    throw new ClawdiffError("usage", `--set ${raw}: the value is not JSON5 (${reason}); quote a string, e.g. --set '${raw}="text"'`);
  }
}

function readPatch(spec: string, io: CliIO): Record<string, unknown> {
  const { text, display } = readTextArgument(spec, io.cwd);
  const patch = parseConfigText(text, display);
  if (!isPlainObject(patch)) throw new ClawdiffError("usage", `${display}: a config.patch must be an object`);
  return patch;
}

function buildRequest(options: PlanCliOptions, model: WriterModel, io: CliIO): WriteRequest {
  const kinds = [options.set.length + options.unset.length > 0, options.patch !== undefined, options.op !== undefined].filter(Boolean).length;
  if (kinds === 0) throw new ClawdiffError("usage", "plan needs a change: --set/--unset, --patch <file|->, or --op agents.create --agent <id>");
  if (kinds > 1) throw new ClawdiffError("usage", "give one kind of change: --set/--unset, --patch, or --op (the gateway performs them as separate writes)");
  if ((options.agent !== undefined || options.workspace !== undefined) && options.op === undefined) throw new ClawdiffError("usage", "--agent and --workspace go with --op agents.create");
  if (options.op !== undefined) {
    if (!(OPERATIONS as readonly string[]).includes(options.op)) throw new ClawdiffError("usage", `--op: unknown operation '${options.op}' (choose from ${OPERATIONS.join(", ")}; use --patch for config.patch)`);
    if (options.agent === undefined) throw new ClawdiffError("usage", "--op agents.create needs --agent <id>");
    return { operation: "agents.create", agent: options.agent, workspace: options.workspace ?? `~/.openclaw/workspace-${options.agent.trim().toLowerCase()}` };
  }
  if (options.patch !== undefined) return { operation: "config.patch", patch: readPatch(options.patch, io), origin: options.patch };
  const edits: PathEdit[] = [
    ...options.set.map((assignment) => parseSet(assignment, model)),
    ...options.unset.map((raw): PathEdit => ({ kind: "unset", segments: parseConfigPath(raw, model.pathSyntax), raw })),
  ];
  return { operation: "config.set", edits };
}

export function registerPlan(program: Command, { io, setExitCode }: CommandContext): void {
  const command = program
    .command("plan")
    .description("predict what a change (config set, config.patch, agents.create) makes the writer write, and whether the gateway restarts")
    .argument("<state>", "state directory or config file the change starts from")
    .option("--set <path=value>", "set a value (gateway path syntax a.b[0].c, JSON5 value); repeatable", collect, [])
    .option("--unset <path>", "remove a value; repeatable", collect, [])
    .option("--patch <file|->", "a merge patch as config.patch applies it")
    .option("--op <operation>", "a config-writing gateway operation: agents.create")
    .option("--agent <id>", "with --op agents.create: the new agent's name")
    .option("--workspace <dir>", "with --op agents.create: its workspace (default ~/.openclaw/workspace-<id>)")
    .option("--gateway-home <dir>", "HOME of the gateway process, for ~ and the agent dir (default: the state directory's parent)")
    .option("--out <dir>", "also write the predicted after-state to this new directory")
    .option("--fail-on <results>", "results that fail: restart, hot, any, drift, never (repeatable or comma list; default any)", collect, [])
    .option("--exit-code <policy>", "contract (default) or none", "contract");
  addReportFormatOptions(addLoadOptions(command)).action((stateSpec: string, options: PlanCliOptions) => {
    const failOn = parseFailOn(options.failOn);
    if (options.exitCode !== "contract" && options.exitCode !== "none") throw new ClawdiffError("usage", "--exit-code: choose contract or none");
    const run = prepareRun(options, io);
    const explicit = command.getOptionValueSource("trigger") === "cli" ? options.trigger : undefined;
    const planned = planSpec(stateSpec, (model) => buildRequest(options, model, io), run, {
      showSecrets: options.showSecrets ?? false,
      ...(explicit !== undefined ? { explicitTrigger: explicit } : {}),
      ...(options.gatewayHome !== undefined ? { home: options.gatewayHome } : {}),
    });
    if (options.out !== undefined) {
      const inputs = [planned.before.stateDir, ...(options.patch !== undefined && options.patch !== "-" ? [options.patch] : [])];
      const written = writeStateDir(options.out, io.cwd, planned.before, planned.predicted.files, inputs);
      io.stderr(`clawdiff: wrote the predicted after-state to ${written}\n`);
    }
    const format = chooseReportFormat(options, command.getOptionValueSource("format"), io);
    const render: RenderOptions = { palette: createPalette(shouldUseColor(options.color, io.env, io.isTTY)), width: io.columns, cwd: io.cwd, now: new Date() };
    io.stdout(renderReport(format, planned.report, render));
    setExitCode(exitCodeFor(planned.report, { failOn, exitCode: options.exitCode }));
  });
}

