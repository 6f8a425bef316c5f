// jsondiffpatch as a user would set it up for configs: array items matched
// by id (or name), as its docs recommend for arrays of objects.
import { create } from "jsondiffpatch";
import { parseFast } from "../lib/parse-fast.mjs";
import { runWorker } from "./harness.mjs";

const differ = create({ objectHash: (item, index) => item?.id ?? item?.name ?? `$$index:${index}` });

runWorker({ parse: parseFast, diff: (before, after) => differ.diff(before, after), summarize: (delta) => ({ changed: delta !== undefined }) });
