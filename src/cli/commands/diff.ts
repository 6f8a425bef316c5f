import type { Command } from "commander";
import { createPalette } from "../../report/palette.js";
import { renderTable } from "../../report/table.js";
import { shouldUseColor } from "../color.js";
import type { CommandContext } from "../context.js";
import { exitCodeFor } from "../exit-codes.js";
import { addLoadOptions, addOutputOptions, type LoadCliOptions, type OutputCliOptions } from "../options.js";
import { compareSpecs, prepareRun } from "../prepare.js";

const FORMATS = ["table", "json"] as const;

type DiffOptions = LoadCliOptions & OutputCliOptions & { format: (typeof FORMATS)[number] };

export function registerDiff(program: Command, { io, setExitCode }: CommandContext): void {
  const command = program
    .command("diff", { isDefault: true })
    .description("compare two states (state dirs, config files, -) as the gateway's reload evaluator would")
    .argument("<before>", "state directory, config file, or - for stdin")
    .argument("<after>", "state directory, config file, or - for stdin");
  addOutputOptions(addLoadOptions(command), FORMATS, "table").action((before: string, after: string, options: DiffOptions) => {
    const { report } = compareSpecs(before, after, prepareRun(options, io), options.showSecrets ?? false);
    if (options.format === "json") io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout(renderTable(report, { palette: createPalette(shouldUseColor(options.color, io.env, io.isTTY)), width: io.columns }));
    setExitCode(exitCodeFor(report));
  });
}
