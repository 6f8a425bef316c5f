import fixtureSchema from "../../schemas/fixture.schema.json" with { type: "json" };
import { locateInText } from "../config/locate.js";
import { parseConfigText } from "../config/parse-json5.js";
import type { CauseCode } from "../explain/cause-codes.js";
import type { ReloadKind } from "../rules/catalog.js";
import type { Verdict } from "../plan/outcome.js";
import { assertMatchesSchema } from "../shared/schema-validation.js";

export type ExpectedKind = ReloadKind | "unchanged";

export interface PlanExpectation {
  restart?: boolean;
  verdict?: Verdict;
  paths?: Record<string, ExpectedKind>;
}

export interface FixtureExpectation extends PlanExpectation {
  changedPaths?: string[];
  causes?: Record<string, CauseCode[]>;
  noSpurious?: boolean;
  drift?: boolean;
  proposed?: PlanExpectation;
}

/** A fixture.json5 (schemas/fixture.schema.json); paths are relative to the fixture file. */
export interface FixtureSpec {
  description?: string;
  before: string;
  after: string;
  rules?: string;
  proposed?: string;
  /** What made the gateway evaluate, as for --trigger (default: the watcher). */
  trigger?: "watcher" | "write";
  config?: string;
  env?: Record<string, string>;
  expect?: FixtureExpectation;
}

export const FIXTURE_FILE_NAME = "fixture.json5";

export function parseFixture(text: string, file: string): FixtureSpec {
  return assertMatchesSchema<FixtureSpec>(fixtureSchema, parseConfigText(text, file), "fixture", file, (segments) => locateInText(text, segments));
}
