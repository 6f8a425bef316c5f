import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO_DIR = dirname(BENCH_DIR);
/** Generated inputs and run outputs; gitignored, safe to delete. */
export const DATA_DIR = join(BENCH_DIR, ".data");
export const OUTPUT_DIR = join(DATA_DIR, "out");
export const CLAWDIFF_BIN = join(REPO_DIR, "bin", "clawdiff.js");

export const caseDirs = (caseId) => ({
  before: join(DATA_DIR, caseId, "before"),
  after: join(DATA_DIR, caseId, "after"),
});
