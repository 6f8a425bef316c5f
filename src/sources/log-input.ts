import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DEFAULT_CONFIG_NAME } from "./config-input.js";
import { decodeUtf8, readTextFile } from "./read-file.js";

/** The text of a gateway log: a file, or standard input for "-". */
export function readLogText(spec: string, cwd: string, maxBytes?: number): string {
  if (spec === "-") return decodeUtf8(readFileSync(0), "<stdin>");
  return readTextFile(resolve(cwd, spec), spec, maxBytes);
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
