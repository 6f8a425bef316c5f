// The least any diff tool can do: native JSON.parse (JSON5 only when that
// fails, as clawdiff does) and the same walk. clawdiff's distance from this
// floor is its own overhead.
import JSON5 from "json5";
import { diffConfigPaths } from "../lib/config-path-walk.mjs";
import { digestPaths } from "../lib/path-digest.mjs";
import { runWorker } from "./harness.mjs";

function parseFast(text) {
  try {
    return JSON.parse(text);
  } catch {
    return JSON5.parse(text);
  }
}

runWorker({ parse: parseFast, diff: diffConfigPaths, summarize: digestPaths });
