// The bench must finish inside ten minutes on a 2-core machine, build and
// generation included, so measuring gets 500 s. Run counts shrink with size; a global deadline trims what is left.
import { isQuick } from "./cases.mjs";

const DEFAULT = { totalSeconds: 500, capMs: 15_000, maxRuns: { 10: 5, 1000: 3, 10000: 2, 50000: 2 }, coldStartRuns: 11 };
const QUICK = { totalSeconds: 150, capMs: 5_000, maxRuns: { 10: 3, 1000: 3, 10000: 2 }, coldStartRuns: 5 };

/** Time kept back while measuring: the core tools must leave room for the report, peers for the rest of the core work. */
export const CORE_RESERVE_MS = 10_000;
export const PEER_RESERVE_MS = 10_000;

export function createBudget() {
  const settings = isQuick() ? QUICK : DEFAULT;
  const totalSeconds = Number(process.env.BENCH_BUDGET_SECONDS ?? settings.totalSeconds);
  const deadline = Date.now() + totalSeconds * 1000;
  return {
    ...settings,
    totalSeconds,
    remainingMs: () => deadline - Date.now(),
    maxRunsFor: (size) => settings.maxRuns[size] ?? 1,
  };
}
