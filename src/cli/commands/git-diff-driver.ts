import type { Command } from "commander";
import { createPalette } from "../../report/palette.js";
import { renderTable } from "../../report/table.js";
import { openDriverSide } from "../../sources/git/driver-input.js";
import { DEFAULT_MAX_BYTES } from "../../sources/read-file.js";
import { ClawdiffError } from "../../shared/errors.js";
import { shouldUseColor } from "../color.js";
import type { CommandContext } from "../context.js";
import { addLoadOptions, addOutputOptions, type LoadCliOptions, type OutputCliOptions } from "../options.js";
import { compareOpenedInputs, prepareRun } from "../prepare.js";
import { escapeControls } from "../../shared/display-text.js";

type DriverOptions = LoadCliOptions & OutputCliOptions & { format: "table" | "json" };

/**
 * git's external diff interface (diff.<driver>.command, GIT_EXTERNAL_DIFF):
 * `path old-file old-hex old-mode new-file new-hex new-mode`, two more
 * (`new-path similarity`) for a rename, and the path alone for an unmerged
 * file. git runs it from the top of the working tree and stops at a non-zero
 * exit, so every verdict exits 0; only errors exit 2.
 */
export function registerGitDiffDriver(program: Command, { io, setExitCode }: CommandContext): void {
  const command = program
    .command("git-diff-driver")
    .description("external diff for git: `git diff` shows clawdiff's report for the config (see README, Git revisions)")
    .argument("<path>", "the config's path in the repository")
    .argument("[sides...]", "old-file old-hex old-mode new-file new-hex new-mode [new-path similarity], as git passes them");
  addOutputOptions(addLoadOptions(command), ["table", "json"], "table").action((path: string, sides: string[], options: DriverOptions) => {
    if (sides.length === 0) {
      io.stdout(`clawdiff ${escapeControls(path)}: unmerged; resolve the conflict, then diff again\n`);
      return;
    }
    if (sides.length !== 6 && sides.length !== 8) {
      throw new ClawdiffError("usage", `git-diff-driver expects the 7 or 9 arguments git passes an external diff, got ${sides.length + 1}`);
    }
    const [oldFile, , , newFile] = sides as [string, string, string, string];
    const newPath = sides[6] ?? path;
    const run = prepareRun(options, io);
    const sideOptions = { cwd: io.cwd, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES };
    const { report } = compareOpenedInputs(
      openDriverSide(oldFile, path, `a/${path}`, sideOptions),
      openDriverSide(newFile, newPath, `b/${newPath}`, sideOptions),
      run,
      options.showSecrets ?? false,
    );
    if (options.format === "json") io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else {
      const palette = createPalette(shouldUseColor(options.color, io.env, io.isTTY));
      io.stdout(`${palette.bold(escapeControls(`clawdiff ${path === newPath ? path : `${path} → ${newPath}`}`))}\n${renderTable(report, { palette, width: io.columns })}`);
    }
    setExitCode(0);
  });
}
