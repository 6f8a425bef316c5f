import type { Parameters } from "fast-check";

/**
 * The default run is reproducible: a fixed seed and modest run counts keep the
 * property suite well under a minute. `npm run test:fuzz` sets CLAWDIFF_FUZZ=1
 * to multiply the runs and, unless CLAWDIFF_FUZZ_SEED pins one, draws a fresh
 * seed (fast-check prints it with any counterexample, so failures replay).
 */
const fuzzing = process.env["CLAWDIFF_FUZZ"] === "1";
const pinnedSeed = process.env["CLAWDIFF_FUZZ_SEED"];
const DEFAULT_SEED = 20260503;
const FUZZ_MULTIPLIER = 40;

export function propertyRuns(numRuns: number): Parameters<unknown> {
  // fast-check counts runs up to numRuns exactly: a fractional count never ends.
  if (!Number.isInteger(numRuns)) throw new Error(`propertyRuns: ${numRuns} runs is not a whole number`);
  if (!fuzzing) return { numRuns, seed: DEFAULT_SEED };
  return { numRuns: numRuns * FUZZ_MULTIPLIER, ...(pinnedSeed ? { seed: Number(pinnedSeed) } : {}) };
}
