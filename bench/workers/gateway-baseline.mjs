// The gateway's own unavoidable work on a change: json5-parse both sides
// (it parses every config with JSON5) and walk them once for changed paths.
import JSON5 from "json5";
import { diffConfigPaths } from "../lib/config-path-walk.mjs";
import { digestPaths } from "../lib/path-digest.mjs";
import { runWorker } from "./harness.mjs";

runWorker({ parse: JSON5.parse, diff: diffConfigPaths, summarize: digestPaths });
