/**
 * The one place that builds a git command line. A repository's own config
 * (`.git/config`) is written by whoever handed over the repository, so no
 * setting that names a program may take effect: each is pinned here with a
 * `-c` override, which wins over every config file and over
 * GIT_CONFIG_PARAMETERS. The subcommands clawdiff runs are read-only
 * plumbing (rev-parse, cat-file without --filters/--textconv, log with
 * --name-only); the pins hold even for commands that would honour them.
 */
export const PINNED_CONFIG: readonly (readonly [string, string])[] = [
  // Runs a hook program (or starts a daemon) on every index read.
  ["core.fsmonitor", "false"],
  ["core.hooksPath", "/dev/null"],
  ["core.pager", "cat"],
  ["pager.log", "false"],
  // `log` would verify each signature with the configured program.
  ["log.showSignature", "false"],
  ["gpg.program", "false"],
  ["gpg.openpgp.program", "false"],
  ["gpg.x509.program", "false"],
  ["gpg.ssh.program", "false"],
  ["diff.external", "false"],
  // A partial clone fetches missing blobs from its remote: no transport may run (ssh, helpers, proxies).
  ["protocol.allow", "never"],
  ["core.sshCommand", "false"],
  ["core.gitProxy", "false"],
  ["core.askPass", "false"],
  ["credential.helper", ""],
  ["i18n.logOutputEncoding", "UTF-8"],
];

/** Environment variables that name a program git would run, or that would change what it reads for us. */
const DROPPED_ENV = ["GIT_EXTERNAL_DIFF", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS", "SSH_ASKPASS", "GIT_PROXY_COMMAND", "GIT_EDITOR", "GIT_SEQUENCE_EDITOR"];

/**
 * Programs named by `.gitattributes` drivers (`diff=<name>`, `filter=<name>`)
 * cannot be pinned by name: commands that show content turn them off with
 * flags, and the flags that turn them on are refused.
 */
const CONTENT_FLAGS: Record<string, readonly string[]> = {
  log: ["--no-ext-diff", "--no-textconv", "--no-show-signature"],
  show: ["--no-ext-diff", "--no-textconv", "--no-show-signature"],
  diff: ["--no-ext-diff", "--no-textconv"],
};
const REFUSED_FLAGS = new Set(["--filters", "--textconv", "--ext-diff", "--show-signature"]);

export interface GitCommand {
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** `git <pins> <args>` with an environment that never prompts, pages, locks or fetches. */
export function gitCommand(args: readonly string[], env: NodeJS.ProcessEnv = process.env): GitCommand {
  const safeEnv: NodeJS.ProcessEnv = { ...env };
  for (const name of DROPPED_ENV) delete safeEnv[name];
  Object.assign(safeEnv, {
    GIT_TERMINAL_PROMPT: "0",
    GIT_PAGER: "cat",
    GIT_OPTIONAL_LOCKS: "0",
    // A partial clone must not fetch a missing object; protocol.allow=never holds where git ignores this.
    GIT_NO_LAZY_FETCH: "1",
  });
  const optionsEnd = args.findIndex((arg) => arg === "--end-of-options" || arg === "--");
  const refused = args.slice(0, optionsEnd === -1 ? args.length : optionsEnd).find((arg) => REFUSED_FLAGS.has(arg.split("=")[0]!));
  if (refused !== undefined) throw new Error(`git ${refused} would run a program named by the repository`);
  const [subcommand = "", ...rest] = args;
  const pins = PINNED_CONFIG.flatMap(([key, value]) => ["-c", `${key}=${value}`]);
  return { args: ["--no-pager", ...pins, subcommand, ...(CONTENT_FLAGS[subcommand] ?? []), ...rest], env: safeEnv };
}
