// The least any diff tool can do: native JSON.parse (JSON5 only when that
// fails, as clawdiff does) and the same walk. clawdiff's distance from this
// floor is its own overhead.
import { diffConfigPaths } from "../lib/config-path-walk.mjs";
import { parseFast } from "../lib/parse-fast.mjs";
import { digestPaths } from "../lib/path-digest.mjs";
import { runWorker } from "./harness.mjs";

runWorker({ parse: parseFast, diff: diffConfigPaths, summarize: digestPaths });
