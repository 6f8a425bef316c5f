import type { Verdict } from "../plan/outcome.js";

export type FixtureStatus = "pass" | "fail" | "error";

/** What lint found for one fixture; also the shape of `lint --format json`. */
export interface FixtureResult {
  name: string;
  status: FixtureStatus;
  /** Expectations the fixture did not meet. */
  failures: string[];
  /** Hazards found while it loaded; they never fail a fixture. */
  warnings: string[];
  verdict?: Verdict;
  headline?: string;
  /** The one-line error when the fixture could not be loaded. */
  error?: string;
}
