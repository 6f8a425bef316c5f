import { posix } from "node:path";
import type { ConfigInput, SourceReader } from "../../src/sources/config-input.js";
import { ClawdiffError } from "../../src/shared/errors.js";

const ROOT = "/state";

/** A state directory held in memory, read through the same SourceReader interface as the file system. */
export function memoryInput(files: Record<string, string>, configName = "openclaw.json"): ConfigInput {
  const contents = new Map(Object.entries(files).map(([name, text]) => [posix.join(ROOT, name), text]));
  const reader: SourceReader = {
    readText(path) {
      const text = contents.get(path);
      if (text === undefined) throw new ClawdiffError("not-found", "no such file or directory", { file: path });
      return text;
    },
    realpath: (path) => (contents.has(path) ? path : null),
    exists: (path) => contents.has(path),
    display: (path) => posix.relative(ROOT, path),
  };
  const configPath = posix.join(ROOT, configName);
  return { kind: "dir", label: ROOT, stateDir: ROOT, configPath, text: reader.readText(configPath), reader };
}
