import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { IGNORE_FILE_NAME, parseIgnoreFile, type IgnoreFile } from "../ignore/ignore-file.js";
import type { ConfigInput } from "./config-input.js";
import { readTextFile } from "./read-file.js";

/**
 * `--ignore-file <file>` names one; `--no-ignore-file` (false) turns the
 * lookup off; otherwise `.clawdiffignore.json5` next to the after-config is
 * used when it exists (the working directory for stdin).
 */
export function readIgnoreFile(after: ConfigInput, choice: string | false | undefined, cwd: string): IgnoreFile | null {
  if (choice === false) return null;
  if (choice !== undefined) return parseIgnoreFile(readTextFile(resolve(cwd, choice), choice), choice);
  const beside = join(after.kind === "stdin" ? cwd : dirname(after.configPath), IGNORE_FILE_NAME);
  if (!existsSync(beside)) return null;
  const display = after.reader.display(beside);
  return parseIgnoreFile(readTextFile(beside, display), display);
}
