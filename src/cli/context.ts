import type { CliIO } from "./io.js";

/** What a command needs from the CLI shell: the terminal, and a way to set the exit code. */
export interface CommandContext {
  io: CliIO;
  setExitCode(code: number): void;
}
