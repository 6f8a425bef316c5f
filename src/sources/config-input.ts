import { realpathSync, statSync } from "node:fs";
import { relative, resolve, isAbsolute, dirname } from "node:path";
import { ClawdiffError } from "../shared/errors.js";
import { DEFAULT_MAX_BYTES, fileError, readStdinText, readTextFile } from "./read-file.js";
import { isSnapshotText, openSnapshotInput } from "./snapshot-input.js";
import type { Snapshot } from "./snapshot-model.js";
import { openGitInput, type GitInputInfo } from "./git/open-git-input.js";
import { GitSession } from "./git/session.js";
import { isGitSpec } from "./git/spec.js";

/** Reads further files (includes, .env) from the same source as the config. */
export interface SourceReader {
  readText(path: string, maxBytes?: number): string;
  /** The path with symlinks resolved, or null when it does not exist. */
  realpath(path: string): string | null;
  /** Whether a file exists; used for optional files such as `.env`. */
  exists(path: string): boolean;
  /** A short path for messages: relative to the working directory when that is shorter. */
  display(path: string): string;
}

export type ConfigInputKind = "dir" | "file" | "stdin" | "git";

/** One side of a comparison, as the user named it, with the config text read. */
export interface ConfigInput {
  kind: ConfigInputKind;
  /** What the user typed. */
  label: string;
  /** The state directory, when the input is one (or the config's directory for a file). */
  stateDir: string;
  configPath: string;
  text: string;
  reader: SourceReader;
  /** For `git:` inputs: the resolved commit and the paths read. */
  git?: GitInputInfo;
  /** For a `clawdiff snapshot` file: the frozen state (see snapshot-sides.ts). */
  snapshot?: Snapshot;
}

export interface ConfigInputOptions {
  /** Config path relative to a state directory (OPENCLAW_CONFIG_PATH style). */
  configRelPath?: string;
  maxBytes?: number;
  cwd?: string;
  /** Text of standard input, when the spec is "-" (the CLI reads it). */
  stdinText?: () => string;
  /** The repository `git:` specs read from (`-C`); one session per run keeps the git process count small. */
  git?: GitSession;
}

export const DEFAULT_CONFIG_NAME = "openclaw.json";

export function fileSystemReader(cwd: string, maxBytes: number): SourceReader {
  const display = (path: string) => {
    const rel = relative(cwd, path);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
  };
  return {
    readText: (path, limit = maxBytes) => readTextFile(path, display(path), Math.min(limit, maxBytes)),
    realpath: (path) => {
      try {
        return realpathSync(path);
      } catch {
        return null;
      }
    },
    exists: (path) => {
      try {
        statSync(path);
        return true;
      } catch {
        return false;
      }
    },
    display,
  };
}

/** Resolves `spec` (a state directory, a config file, or "-") and reads its config. */
export function openConfigInput(spec: string, options: ConfigInputOptions = {}): ConfigInput {
  const cwd = options.cwd ?? process.cwd();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const reader = fileSystemReader(cwd, maxBytes);
  if (isGitSpec(spec)) {
    const session = options.git ?? new GitSession(cwd);
    return openGitInput(spec, { session, maxBytes, fileSystemReader: reader, ...(options.configRelPath !== undefined ? { configRelPath: options.configRelPath } : {}) });
  }

  if (spec === "-") {
    const text = options.stdinText ? options.stdinText() : readStdinText(maxBytes);
    // Includes in piped text resolve against the working directory, as for a config file there.
    return { kind: "stdin", label: spec, stateDir: cwd, configPath: resolve(cwd, "<stdin>"), text, reader };
  }

  const target = resolve(cwd, spec);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(target).isDirectory();
  } catch (error) {
    throw fileError(error, spec);
  }

  if (!isDirectory) {
    const text = reader.readText(target);
    // A `clawdiff snapshot` file stands for the state it froze.
    if (isSnapshotText(text)) return openSnapshotInput(spec, target, dirname(target), text, reader);
    return { kind: "file", label: spec, stateDir: dirname(target), configPath: target, text, reader };
  }

  const configPath = resolve(target, options.configRelPath ?? DEFAULT_CONFIG_NAME);
  if (!reader.exists(configPath)) {
    const hint = options.configRelPath ? "" : " (name another file with --config <relpath>)";
    throw new ClawdiffError("not-found", `state directory has no ${options.configRelPath ?? DEFAULT_CONFIG_NAME}${hint}`, {
      file: spec,
    });
  }
  return { kind: "dir", label: spec, stateDir: target, configPath, text: reader.readText(configPath), reader };
}
