// json-diff with its defaults (the `json-diff` CLI's structural diff).
import { diff } from "json-diff";
import { parseFast } from "../lib/parse-fast.mjs";
import { runWorker } from "./harness.mjs";

runWorker({ parse: parseFast, diff: (before, after) => diff(before, after), summarize: (delta) => ({ changed: delta !== undefined }) });
