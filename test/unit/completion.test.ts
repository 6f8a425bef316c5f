import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/run-cli.js";

/** The command names `clawdiff --help` lists: completions must offer each of them. */
async function listedCommands(): Promise<string[]> {
  const help = (await runInProcess(["--help"])).stdout;
  const section = help.split(/^Commands:\s*$/m)[1] ?? "";
  return section
    .split("\n")
    .map((line) => /^\s{2}(\S+)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && name !== "help");
}

const completion = async (shell: string) => (await runInProcess(["completion", shell])).stdout;

/** Runs the bash completion function for a partly typed command line, as bash would on <Tab>. */
function bashComplete(script: string, typed: string[]): string[] {
  const program = `${script}\nCOMP_WORDS=(${typed.map((word) => `'${word}'`).join(" ")}); COMP_CWORD=${typed.length - 1}\n_clawdiff\nprintf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync("bash", ["-c", program], { encoding: "utf8", cwd: "/" });
  expect(result.stderr).toBe("");
  return result.stdout.split("\n").filter((line) => line !== "");
}

describe("clawdiff completion", () => {
  it.each(["bash", "zsh", "fish"])("%s script mentions every command and the main options", async (shell) => {
    const script = await completion(shell);
    const commands = await listedCommands();
    expect(commands).toContain("diff");
    expect(commands).toContain("completion");
    for (const command of commands) expect(script).toContain(command);
    for (const option of ["version", "rules", "format", "dotenv", "no-process-env"]) expect(script).toContain(option);
  });

  it("bash completes commands, options and option values", async () => {
    const script = await completion("bash");
    expect(bashComplete(script, ["clawdiff", "com"])).toEqual(["completion"]);
    expect(bashComplete(script, ["clawdiff", "diff", "--for"])).toEqual(["--format"]);
    expect(bashComplete(script, ["clawdiff", "diff", "--format", ""])).toEqual(expect.arrayContaining(["table", "json"]));
    expect(bashComplete(script, ["clawdiff", "diff", "--color", "al"])).toEqual(["always"]);
    expect(bashComplete(script, ["clawdiff", "completion", "z"])).toEqual(["zsh"]);
  });

  it("zsh escapes descriptions so _arguments specs stay well formed", async () => {
    const script = await completion("zsh");
    expect(script.startsWith("#compdef clawdiff\n")).toBe(true);
    // A colon in a description would end the spec early; a quote would end the word.
    expect(script).toContain("rule catalog\\: openclaw@<version>");
    expect(script).toContain("clawdiff'\\''s own environment");
  });

  it("fish offers shell names only for the completion command", async () => {
    const script = await completion("fish");
    expect(script).toContain("complete -c clawdiff -n '__fish_seen_subcommand_from completion' -f -a 'bash zsh fish'");
    expect(script).toContain("-l format -x -a 'table json'");
  });

  it("rejects an unknown shell with exit code 2", async () => {
    const result = await runInProcess(["completion", "tcsh"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("bash, zsh, fish");
  });
});
