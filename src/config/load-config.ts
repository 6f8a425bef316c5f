import type { ConfigInput } from "../sources/config-input.js";
import { parseConfigText } from "./parse-json5.js";

/** One side's config as the reload evaluator compares it. */
export interface LoadedConfig {
  input: ConfigInput;
  /** The config the watcher diffs (the snapshot's sourceConfig). */
  compare: unknown;
}

export function loadConfig(input: ConfigInput): LoadedConfig {
  const displayPath = input.kind === "stdin" ? "<stdin>" : input.reader.display(input.configPath);
  return { input, compare: parseConfigText(input.text, displayPath) };
}
