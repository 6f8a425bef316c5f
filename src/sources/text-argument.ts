import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { decodeUtf8, readTextFile } from "./read-file.js";

/** The text a file argument names, or standard input for "-". */
export function readTextArgument(spec: string, cwd: string): { text: string; display: string } {
  if (spec === "-") return { text: decodeUtf8(readFileSync(0), "<stdin>"), display: "<stdin>" };
  return { text: readTextFile(resolve(cwd, spec), spec), display: spec };
}
