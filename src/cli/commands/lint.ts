import { Option, type Command } from "commander";
import { renderLintJunit } from "../../lint/junit.js";
import { renderLintLines, renderLintSummary, summarizeLint } from "../../lint/render.js";
import type { FixtureResult } from "../../lint/result.js";
import { findFixtures } from "../../sources/fixture-source.js";
import type { CommandContext } from "../context.js";
import { lintExitCode } from "../exit-codes.js";
import { createLintRunner } from "../lint-runner.js";

interface LintOptions {
  format: "text" | "json" | "junit";
  fixtureRoot?: string;
}

export function registerLint(program: Command, { io, setExitCode }: CommandContext): void {
  program
    .command("lint")
    .description("check config fixtures (fixture.json5 or before/after pairs) against their expectations, in one process")
    .argument("<fixtures...>", "fixture files, fixture directories, or folders of fixtures")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "junit"]).default("text"))
    .option("--fixture-root <dir>", "let fixtures name paths anywhere inside this directory (default: only inside each fixture's own directory)")
    .action((args: string[], options: LintOptions) => {
      const run = createLintRunner(io.cwd, options.fixtureRoot !== undefined ? { fixtureRoot: options.fixtureRoot } : {});
      const results: FixtureResult[] = [];
      for (const location of findFixtures(args, io.cwd)) {
        const result = run(location);
        results.push(result);
        // Text streams per fixture so a long run shows progress; JSON and JUnit are one document at the end.
        if (options.format === "text") io.stdout(`${renderLintLines(result).join("\n")}\n`);
      }
      const summary = summarizeLint(results);
      if (options.format === "json") io.stdout(`${JSON.stringify({ fixtures: results, summary }, null, 2)}\n`);
      else if (options.format === "junit") io.stdout(renderLintJunit(results, summary));
      else io.stdout(`${renderLintSummary(summary)}\n`);
      setExitCode(lintExitCode(summary));
    });
}
