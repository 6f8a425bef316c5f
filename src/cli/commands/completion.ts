import { Argument, type Command } from "commander";
import { COMPLETION_SHELLS, renderCompletion, type CompletionShell } from "../completion-scripts.js";
import type { CommandContext } from "../context.js";

export function registerCompletion(program: Command, { io }: CommandContext): void {
  program
    .command("completion")
    .description("print a shell completion script (bash, zsh or fish)")
    .addArgument(new Argument("<shell>", "the shell to complete for").choices(COMPLETION_SHELLS))
    .action((shell: CompletionShell) => {
      // Rendered from the finished program, so every registered command is in it.
      io.stdout(renderCompletion(shell, program));
    });
}
