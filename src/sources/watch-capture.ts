import { statSync } from "node:fs";
import { resolve } from "node:path";
import { loadConfig, type LoadOptions, type LoadedConfig } from "../config/load-config.js";
import { ClawdiffError, isClawdiffError } from "../shared/errors.js";
import { DEFAULT_CONFIG_NAME, openConfigInput, type ConfigInput, type ConfigInputOptions, type SourceReader } from "./config-input.js";
import { fileError } from "./read-file.js";
import type { ReadResult } from "./watch-transitions.js";

/** One valid read of a watched state directory, frozen: later edits on disk do not change it. */
export interface CapturedState {
  input: ConfigInput;
  loaded: LoadedConfig;
}

interface Recording {
  texts: Map<string, string>;
  exists: Map<string, boolean>;
  realpaths: Map<string, string | null>;
}

/** Passes reads through to the file system and remembers every answer. */
function recordingReader(reader: SourceReader, recording: Recording): SourceReader {
  return {
    readText(path, limit) {
      const text = reader.readText(path, limit);
      recording.texts.set(path, text);
      return text;
    },
    realpath(path) {
      const real = reader.realpath(path);
      recording.realpaths.set(path, real);
      return real;
    },
    exists(path) {
      const exists = reader.exists(path);
      recording.exists.set(path, exists);
      return exists;
    },
    display: (path) => reader.display(path),
  };
}

/** Answers exactly as the file system did when the state was read. */
function replayReader(recording: Recording, display: (path: string) => string): SourceReader {
  return {
    readText(path) {
      const text = recording.texts.get(path);
      if (text === undefined) throw new ClawdiffError("not-found", "not part of the captured state", { file: display(path) });
      return text;
    },
    realpath: (path) => (recording.realpaths.has(path) ? recording.realpaths.get(path)! : null),
    exists: (path) => recording.exists.get(path) ?? recording.texts.has(path),
    display,
  };
}

/** The directory to watch must exist; its config may come and go. */
export function assertWatchableDir(spec: string, cwd: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(resolve(cwd, spec)).isDirectory();
  } catch (error) {
    throw fileError(error, spec);
  }
  if (!isDirectory) throw new ClawdiffError("usage", "watch takes a state directory", { file: spec });
}

function configExists(spec: string, options: ConfigInputOptions): boolean {
  try {
    return statSync(resolve(options.cwd ?? process.cwd(), spec, options.configRelPath ?? DEFAULT_CONFIG_NAME)).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads the state directory as the gateway would on a reload and freezes
 * every file it read (config, includes, `.env`, install records), so the
 * next change is compared against exactly this state.
 */
export function captureState(spec: string, inputOptions: ConfigInputOptions, loadOptions: LoadOptions, label: string): ReadResult<CapturedState> {
  if (!configExists(spec, inputOptions)) return { status: "missing" };
  try {
    const opened = openConfigInput(spec, inputOptions);
    const recording: Recording = { texts: new Map([[opened.configPath, opened.text]]), exists: new Map(), realpaths: new Map() };
    loadConfig({ ...opened, reader: recordingReader(opened.reader, recording) }, loadOptions);
    const input: ConfigInput = { ...opened, label, reader: replayReader(recording, opened.reader.display) };
    return { status: "ok", state: { input, loaded: loadConfig(input, loadOptions) } };
  } catch (error) {
    if (isClawdiffError(error) && error.kind === "not-found") return { status: "missing" };
    if (isClawdiffError(error)) return { status: "invalid", error: error.format() };
    throw error;
  }
}
