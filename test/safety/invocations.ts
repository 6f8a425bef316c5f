import type { CommandSurface } from "./cli-surface.js";

export interface Invocation {
  label: string;
  args: string[];
  /** Relative to the workspace root. */
  cwd: string;
  /** Runs until interrupted (watch): started as a process, stopped with SIGINT once it has printed. */
  longRunning?: boolean;
  /** Expected to fail here (no real input of its kind in the workspace); it must still write nothing. */
  mayFail?: boolean;
}

/** Commands that never return on their own. */
export const LONG_RUNNING = new Set(["watch"]);
/** Commands whose input the workspace cannot provide offline (an OpenClaw package): run anyway, may exit 2. */
const MAY_FAIL = new Set(["rules import"]);

type Mode = "dirs" | "git";

/** What to pass for each positional argument name, per mode; the workspace layout is in workspace.ts. */
function argumentValues(command: string, name: string, mode: Mode, variant: number): string[] | undefined {
  const gitSides = variant === 0 ? ["git:HEAD~1", "git:HEAD"] : ["git:[index]", "git:[worktree]"];
  switch (name) {
    case "before":
      return mode === "git" ? [gitSides[0]!] : ["before"];
    case "after":
      return mode === "git" ? [gitSides[1]!] : ["after"];
    case "path":
      return command === "git-diff-driver" ? ["openclaw.json"] : ["gateway.auth.token"];
    case "gateway-log":
      return ["gateway.log"];
    case "state-dir":
    case "state":
      return ["after"];
    case "range":
      return ["HEAD~1..HEAD"];
    case "fixtures...":
      return ["lint"];
    case "shell":
      return ["bash"];
    case "catalog":
    case "from":
      return ["openclaw@2026.5.3"];
    case "to":
      return ["latest"];
    case "package":
      return ["after"];
    case "sides...":
      // What git passes an external diff driver: old-file old-hex old-mode new-file new-hex new-mode.
      return ["before/openclaw.json", "0000000", "100644", "after/openclaw.json", "0000000", "100644"];
    default:
      return undefined;
  }
}

function modesFor(surface: CommandSurface): { mode: Mode; variant: number }[] {
  if (surface.args.includes("range")) return [{ mode: "git", variant: 0 }];
  if (surface.args.includes("before")) return [{ mode: "dirs", variant: 0 }, { mode: "git", variant: 0 }, { mode: "git", variant: 1 }];
  return [{ mode: "dirs", variant: 0 }];
}

/**
 * Every command in every output format, over state dirs and over git
 * revisions, with the options that read more inputs (--state, --proposed).
 * `outFile` names a file under the temporary directory for -o/--out.
 */
export interface InvocationOptions {
  /** Adds --no-process-env where supported (default true: runs must not depend on the test runner's env). */
  hermetic?: boolean;
  /** Option/value pairs appended where the command accepts the option, e.g. ["--dotenv", path]. */
  extraOptions?: [string, string][];
}

export function invocationsFor(surface: CommandSurface, outFile: (label: string) => string, options: InvocationOptions = {}): Invocation[] {
  const invocations: Invocation[] = [];
  // `plan --out` names a new directory, not a report file (its refusals are tested in plan-cli.test.ts).
  const outOption = surface.name === "plan" ? undefined : surface.options.find((option) => option === "--output" || option === "--out");
  const add = (label: string, args: string[], cwd: string) =>
    invocations.push({
      label,
      args: [...surface.path, ...args, ...(outOption ? [outOption, outFile(label)] : [])],
      cwd,
      ...(LONG_RUNNING.has(surface.name) ? { longRunning: true } : {}),
      ...(MAY_FAIL.has(surface.name) ? { mayFail: true } : {}),
    });
  for (const { mode, variant } of modesFor(surface)) {
    const positional = surface.args.flatMap((name) => {
      const values = argumentValues(surface.name, name, mode, variant);
      if (!values) throw new Error(`no value for argument <${name}> of '${surface.name}': teach test/safety/invocations.ts about it`);
      return values;
    });
    const cwd = mode === "git" ? "repo" : ".";
    const where = `${surface.name} ${mode}${variant ? "+index" : ""}`;
    const extra: string[] = [];
    if (surface.options.includes("--state")) extra.push("--state", "after");
    if (surface.options.includes("--path")) extra.push("--path", "gateway.auth.token");
    // The workspace's lint fixture names the workspace's own states, beside its directory.
    if (surface.options.includes("--fixture-root")) extra.push("--fixture-root", ".");
    // `plan` needs a change to predict.
    if (surface.options.includes("--set")) extra.push("--set", "gateway.port=19001");
    if ((options.hermetic ?? true) && surface.options.includes("--no-process-env")) extra.push("--no-process-env");
    for (const [option, value] of options.extraOptions ?? []) if (surface.options.includes(option)) extra.push(option, value);
    for (const format of surface.formats.length > 0 ? surface.formats : [undefined]) {
      add(`${where}${format ? ` --format ${format}` : ""}`, [...positional, ...extra, ...(format ? ["--format", format] : [])], cwd);
    }
    if (surface.options.includes("--proposed")) add(`${where} --proposed`, [...positional, ...extra, "--proposed", "openclaw@2026.5.3"], cwd);
  }
  return invocations;
}
