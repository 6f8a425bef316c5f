import type { Command } from "commander";
import { createPalette } from "../../report/palette.js";
import { buildPathStory } from "../../report/path-story.js";
import { renderPathStory } from "../../report/path-story-text.js";
import { shouldUseColor } from "../color.js";
import type { CommandContext } from "../context.js";
import { addLoadOptions, addOutputOptions, type LoadCliOptions, type OutputCliOptions } from "../options.js";
import { compareSpecs, prepareRun } from "../prepare.js";
import { createFixChecker } from "../check-fixes.js";

type ExplainOptions = LoadCliOptions & OutputCliOptions & { format: "table" | "json" };

export function registerExplain(program: Command, { io }: CommandContext): void {
  const command = program
    .command("explain")
    .description("the full story of one config path: values, provenance, causes, matching rules, and what to do")
    .argument("<before>", "state directory, config file, or - for stdin")
    .argument("<after>", "state directory, config file, or - for stdin")
    .argument("<path>", "dotted config path, e.g. gateway.tailscale");
  addOutputOptions(addLoadOptions(command), ["table", "json"], "table").action((before: string, after: string, path: string, options: ExplainOptions) => {
    const showSecrets = options.showSecrets ?? false;
    const run = prepareRun(options, io);
    const { report, comparison } = compareSpecs(before, after, run, showSecrets);
    const story = buildPathStory(report, comparison, path, createFixChecker(comparison, run), showSecrets);
    if (options.format === "json") io.stdout(`${JSON.stringify(story, null, 2)}\n`);
    else io.stdout(renderPathStory(story, { palette: createPalette(shouldUseColor(options.color, io.env, io.isTTY)), width: io.columns }));
  });
}
