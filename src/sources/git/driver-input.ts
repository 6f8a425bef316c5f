import { dirname, resolve } from "node:path";
import { fileSystemReader, type ConfigInput } from "../config-input.js";

/** What git passes for the side of an added or deleted file. */
const NO_FILE = "/dev/null";

/**
 * One side of git's external-diff call: the text git extracted to `file`,
 * placed at the config's own path in the working tree so `$include` and
 * `.env` resolve there (git does not say which revision a side came from).
 * An absent side is an empty config, as a gateway without a config file sees.
 */
export function openDriverSide(file: string, repoPath: string, label: string, options: { cwd: string; maxBytes: number }): ConfigInput {
  const reader = fileSystemReader(options.cwd, options.maxBytes);
  const configPath = resolve(options.cwd, repoPath);
  const text = file === NO_FILE ? "{}" : reader.readText(resolve(options.cwd, file));
  return { kind: "file", label, stateDir: dirname(configPath), configPath, text, reader };
}
