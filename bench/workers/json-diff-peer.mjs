// json-diff with its defaults (the `json-diff` CLI's structural diff).
import JSON5 from "json5";
import { diff } from "json-diff";
import { runWorker } from "./harness.mjs";

runWorker({ parse: JSON5.parse, diff: (before, after) => diff(before, after), summarize: (delta) => ({ changed: delta !== undefined }) });
