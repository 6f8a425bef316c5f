// 1,000 small before/after fixtures for the lint target: the shape a CI
// repo of config examples has. Seeded, and rebuilt only when missing.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildConfig } from "./config-model.mjs";
import { EDITS } from "./edits.mjs";
import { DATA_DIR } from "./paths.mjs";
import { createRng } from "./prng.mjs";

export const LINT_FIXTURE_COUNT = 1_000;
export const LINT_DIR = join(DATA_DIR, "lint-fixtures");
/** Two agents: a few KB per side, like a hand-written example. */
const AGENTS = 2;

const fixtureDir = (index) => join(LINT_DIR, `fixture-${String(index).padStart(4, "0")}`);

export function ensureLintFixtures() {
  if (existsSync(LINT_DIR) && readdirSync(LINT_DIR).length === LINT_FIXTURE_COUNT) return Array.from({ length: LINT_FIXTURE_COUNT }, (_, index) => fixtureDir(index));
  rmSync(LINT_DIR, { recursive: true, force: true });
  const dirs = [];
  for (let index = 0; index < LINT_FIXTURE_COUNT; index += 1) {
    const rng = createRng(index + 1);
    const before = buildConfig(AGENTS, rng);
    const after = structuredClone(before);
    EDITS["one-leaf"].apply(after, rng);
    const dir = fixtureDir(index);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "before.json"), `${JSON.stringify(before, null, 2)}\n`);
    writeFileSync(join(dir, "after.json"), `${JSON.stringify(after, null, 2)}\n`);
    dirs.push(dir);
  }
  return dirs;
}
