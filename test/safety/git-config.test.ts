import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { gitCommand } from "../../src/sources/git/command.js";
import { createGitRunner } from "../../src/sources/git/runner.js";
import { GIT_ENV, TempRepo, git, removeTempDirs, tempDir } from "../git/temp-repo.js";
import { runInProcess } from "../helpers/run-cli.js";

/**
 * A repository's `.git/config` is written by whoever handed it over. Each
 * knob below names a program (a script that leaves a canary file); plain
 * git runs it (so the knob is live), clawdiff's git runner does not, and no
 * clawdiff command over the index, the working tree, revisions or a range
 * does.
 */
afterAll(removeTempDirs);

interface Knob {
  name: string;
  /** Arms the repository; `script` is the canary program. */
  arm(repo: TempRepo, script: string): void;
  /** A plain git command that runs the program. */
  live: string[];
  /** How clawdiff's runner answers the same command: runs it without the program, or refuses the flag that would run it. */
  runner: "harmless" | "refused";
  /** Git uses this program only when its output is a terminal: both commands run under script(1). */
  tty?: boolean;
}

function signedCommit(repo: TempRepo): void {
  const tree = repo.git("rev-parse", "HEAD^{tree}");
  const parent = repo.git("rev-parse", "HEAD");
  const who = "clawdiff test <test@clawdiff.invalid> 1700000000 +0000";
  const signature = ["-----BEGIN PGP SIGNATURE-----", "", "iQEzBAABCAAdFiEE", "-----END PGP SIGNATURE-----"].join("\n ");
  const text = `tree ${tree}\nparent ${parent}\nauthor ${who}\ncommitter ${who}\ngpgsig ${signature}\n\nsigned\n`;
  const oid = execGit(repo.dir, ["hash-object", "-t", "commit", "-w", "--stdin"], text).trim();
  repo.git("update-ref", "HEAD", oid);
}

function execGit(cwd: string, args: string[], input?: string, env: NodeJS.ProcessEnv = { ...process.env, ...GIT_ENV }): string {
  return spawnSync("git", args, { cwd, input, env, encoding: "utf8" }).stdout;
}

const shellQuote = (arg: string) => `'${arg.replace(/'/g, "'\\''")}'`;

/** Runs git on a pseudo-terminal, as a user at a prompt would. */
function execGitOnTerminal(cwd: string, args: string[], env: NodeJS.ProcessEnv = { ...process.env, ...GIT_ENV }): void {
  spawnSync("script", ["-qec", ["git", ...args].map(shellQuote).join(" "), "/dev/null"], { cwd, env, stdio: "ignore" });
}

const KNOBS: Knob[] = [
  { name: "core.fsmonitor", arm: (repo, script) => repo.git("config", "core.fsmonitor", script), live: ["status"], runner: "harmless" },
  {
    name: "gpg.program with log.showSignature",
    arm: (repo, script) => {
      signedCommit(repo);
      repo.git("config", "log.showSignature", "true");
      repo.git("config", "gpg.program", script);
    },
    live: ["log", "-1"],
    runner: "harmless",
  },
  { name: "core.pager", arm: (repo, script) => repo.git("config", "core.pager", script), live: ["-p", "log", "-1"], runner: "harmless", tty: true },
  {
    name: "core.hooksPath",
    arm: (repo, script) => {
      const hooks = join(repo.dir, "hooks");
      mkdirSync(hooks);
      for (const hook of ["pre-commit", "post-commit", "reference-transaction", "post-index-change"]) writeFileSync(join(hooks, hook), `#!/bin/sh\nexec ${script}\n`, { mode: 0o755 });
      repo.git("config", "core.hooksPath", hooks);
    },
    live: ["commit", "-q", "--allow-empty", "-m", "hooked"],
    runner: "harmless",
  },
  { name: "diff.external", arm: (repo, script) => repo.git("config", "diff.external", script), live: ["diff", "HEAD~1", "HEAD"], runner: "harmless" },
  {
    name: "diff.<driver>.textconv",
    arm: (repo, script) => {
      writeFileSync(join(repo.dir, ".git", "info", "attributes"), "*.json diff=conv\n");
      repo.git("config", "diff.conv.textconv", script);
    },
    live: ["log", "-p", "-1"],
    runner: "harmless",
  },
  {
    name: "diff.<driver>.command",
    arm: (repo, script) => {
      writeFileSync(join(repo.dir, ".git", "info", "attributes"), "*.json diff=drv\n");
      repo.git("config", "diff.drv.command", script);
    },
    live: ["diff", "HEAD~1", "HEAD"],
    runner: "harmless",
  },
  {
    name: "filter.<driver>.smudge / clean / process",
    arm: (repo, script) => {
      writeFileSync(join(repo.dir, ".git", "info", "attributes"), "*.json filter=f\n");
      for (const kind of ["smudge", "clean", "process"]) repo.git("config", `filter.f.${kind}`, script);
    },
    live: ["cat-file", "--filters", "HEAD:openclaw.json"],
    runner: "refused",
  },
];

/** Two commits, a staged edit and a further unstaged one. */
function armedRepo(): TempRepo {
  const repo = TempRepo.create();
  repo.commit("root", { "README.md": "deploy\n" });
  repo.commit("first", { "openclaw.json": '{ gateway: { port: 18789 } }\n', ".env": "A=1\n" });
  repo.commit("second", { "openclaw.json": '{ gateway: { port: 18790 } }\n' });
  repo.write({ "openclaw.json": '{ gateway: { port: 18791 } }\n' });
  repo.git("add", "openclaw.json");
  repo.write({ "openclaw.json": '{ gateway: { port: 18792 } }\n' });
  return repo;
}

function canaryScript(dir: string): { script: string; canary: string } {
  const canary = join(dir, "CANARY");
  const script = join(dir, "pwn.sh");
  writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${canary}'\nexit 1\n`);
  chmodSync(script, 0o755);
  return { script, canary };
}

const CLAWDIFF_RUNS = [
  ["diff", "--staged"],
  ["diff", "--worktree"],
  ["diff", "git:HEAD~1", "git:HEAD"],
  ["diff", "git:[index]", "git:[worktree]"],
  ["explain", "git:HEAD~1", "git:[index]", "gateway.port"],
  ["log-range", "HEAD~2..HEAD"],
  ["log-range", "HEAD~2..HEAD", "--format", "json"],
];

describe.each(KNOBS)("$name", (knob) => {
  const outside = tempDir("clawdiff-canary-");
  const { script, canary } = canaryScript(outside);
  const repo = armedRepo();
  knob.arm(repo, script);
  beforeEach(() => rmSync(canary, { force: true }));

  it("is live: plain git runs the program", () => {
    if (knob.tty) execGitOnTerminal(repo.dir, knob.live);
    else execGit(repo.dir, knob.live);
    expect(existsSync(canary), `plain \`git ${knob.live.join(" ")}\` should run the canary`).toBe(true);
  });

  it(`clawdiff's git runner ${knob.runner === "refused" ? "refuses the flag" : "runs the same command without it"}`, () => {
    const onTerminal = () => {
      const command = gitCommand(knob.live);
      execGitOnTerminal(repo.dir, command.args, { ...command.env, ...GIT_ENV });
    };
    const run = knob.tty ? onTerminal : () => createGitRunner()(knob.live, { cwd: repo.dir });
    if (knob.runner === "refused") expect(run).toThrow(/would run a program named by the repository/);
    else run();
    expect(existsSync(canary) ? readFileSync(canary, "utf8") : "").toBe("");
  });

  it.each(CLAWDIFF_RUNS.map((args) => [args.join(" "), args]))("clawdiff %s never runs it", async (_label, args) => {
    const result = await runInProcess([...(args as string[]), "--no-process-env"], {}, repo.dir);
    expect([0, 1, 3], result.stderr).toContain(result.code);
    expect(existsSync(canary) ? readFileSync(canary, "utf8") : "").toBe("");
  });
});

describe("a partial clone's remote (core.sshCommand)", () => {
  const outside = tempDir("clawdiff-canary-");
  const { script, canary } = canaryScript(outside);
  const origin = TempRepo.create();
  origin.git("config", "uploadpack.allowFilter", "true");
  origin.commit("first", { "openclaw.json": "{ gateway: { port: 1 } }\n" });
  origin.commit("second", { "openclaw.json": "{ gateway: { port: 2 } }\n" });
  const clone = join(tempDir("clawdiff-partial-"), "clone");
  git(outside, "clone", "-q", "--filter=blob:none", "--no-checkout", `file://${origin.dir}`, clone);
  git(clone, "config", "remote.origin.url", "ssh://example.invalid/repo");
  git(clone, "config", "core.sshCommand", script);
  const missingBlob = git(clone, "rev-parse", "HEAD~1:openclaw.json");

  it("is live: plain git fetches the missing blob over ssh", () => {
    execGit(clone, ["cat-file", "-p", missingBlob]);
    expect(existsSync(canary)).toBe(true);
    rmSync(canary);
  });

  it("clawdiff never fetches: one line naming the cause, exit 2, no program", async () => {
    const result = await runInProcess(["diff", "git:HEAD~1", "git:HEAD", "--no-process-env"], {}, clone);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("clawdiff: an object is missing from this partial clone, and clawdiff never fetches: fetch it first (git fetch, or check the revision out once)\n");
    expect(existsSync(canary)).toBe(false);
  });
});
