import type { ConfigInput, SourceReader } from "./config-input.js";

/**
 * A state held in memory over the one it came from: the files given here
 * replace theirs, every other read (includes, `.env`) goes to the base
 * reader. The loader reads it through the same port as any state.
 */
export function overlayInput(base: ConfigInput, files: ReadonlyMap<string, string>, label: string): ConfigInput {
  const reader: SourceReader = {
    readText: (path, limit) => files.get(path) ?? base.reader.readText(path, limit),
    realpath: (path) => (files.has(path) ? (base.reader.realpath(path) ?? path) : base.reader.realpath(path)),
    exists: (path) => files.has(path) || base.reader.exists(path),
    display: (path) => base.reader.display(path),
  };
  const { git: _git, snapshot: _snapshot, ...rest } = base;
  return { ...rest, label, text: files.get(base.configPath) ?? base.text, reader };
}
