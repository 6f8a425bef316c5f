import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { DEFAULT_CONFIG_NAME } from "./config-input.js";
import { readStdinText, readTextFile } from "./read-file.js";

/** Gateway log lines are short; a longer one is not a log line, and reading it would cost memory and time out of all proportion. */
export const MAX_LOG_LINE_LENGTH = 256 * 1024;

export interface LogText {
  /** The log with every over-long line emptied, so line numbers still match the file. */
  text: string;
  /** Over-long lines, one warning each. */
  skipped: { line: number; length: number }[];
}

function dropLongLines(raw: string, maxLine: number): LogText {
  const skipped: LogText["skipped"] = [];
  let text = "";
  let start = 0;
  let line = 1;
  while (start <= raw.length) {
    const end = raw.indexOf("\n", start);
    const stop = end === -1 ? raw.length : end;
    if (stop - start > maxLine) skipped.push({ line, length: stop - start });
    else text += raw.slice(start, stop);
    if (end === -1) break;
    text += "\n";
    start = end + 1;
    line += 1;
  }
  return { text, skipped };
}

/** The text of a gateway log: a file, or standard input for "-". */
export function readLogText(spec: string, cwd: string, maxBytes?: number, maxLine = MAX_LOG_LINE_LENGTH): LogText {
  const raw = spec === "-" ? readStdinText(maxBytes) : readTextFile(resolve(cwd, spec), spec, maxBytes);
  return dropLongLines(raw, maxLine);
}

/**
 * The copy of the previous config OpenClaw keeps beside it on every write
 * (`<config>.bak`; older rotations are `.bak.1`, `.bak.2`, …), relative to
 * the working directory as the user would type it, or null when absent.
 */
export function findPreviousConfigCopy(stateSpec: string, cwd: string, configRelPath = DEFAULT_CONFIG_NAME): string | null {
  const candidate = `${stateSpec.replace(/[\\/]+$/, "")}/${configRelPath}.bak`;
  return existsSync(resolve(cwd, candidate)) ? candidate : null;
}
