import { readdirSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { FIXTURE_FILE_NAME, parseFixture, type FixtureSpec } from "../lint/fixture.js";
import { ClawdiffError } from "../shared/errors.js";
import { fileError, readTextFile } from "./read-file.js";

/** Where one fixture lives: a fixture file, or a directory holding a `before`/`after` pair and nothing else to say. */
export type FixtureLocation = { name: string; dir: string } & ({ kind: "file"; file: string } | { kind: "pair"; before: string; after: string });

const SIDE_NAMES = ["", ".json", ".json5"];
const MAX_DEPTH = 8;

function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split("\\").join("/") : path;
}

function findSide(names: ReadonlySet<string>, side: "before" | "after"): string | undefined {
  return SIDE_NAMES.map((extension) => side + extension).find((name) => names.has(name));
}

function locateInDir(dir: string, cwd: string, depth: number, found: FixtureLocation[]): void {
  const names = new Set(readdirSync(dir));
  const name = displayPath(cwd, dir);
  if (names.has(FIXTURE_FILE_NAME)) {
    found.push({ name, dir, kind: "file", file: join(dir, FIXTURE_FILE_NAME) });
    return;
  }
  const before = findSide(names, "before");
  const after = findSide(names, "after");
  if (before && after) {
    found.push({ name, dir, kind: "pair", before, after });
    return;
  }
  // Neither a fixture nor a pair: a folder of fixtures.
  if (depth >= MAX_DEPTH) return;
  for (const child of [...names].sort()) {
    const path = join(dir, child);
    if (statSync(path).isDirectory()) locateInDir(path, cwd, depth + 1, found);
  }
}

/** Expands the command line: fixture files, fixture directories, pair directories, folders of fixtures. */
export function findFixtures(args: readonly string[], cwd: string): FixtureLocation[] {
  const found: FixtureLocation[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      throw fileError(error, arg);
    }
    const before = found.length;
    if (isDirectory) locateInDir(path, cwd, 0, found);
    else found.push({ name: displayPath(cwd, path), dir: dirname(path), kind: "file", file: path });
    if (found.length === before) throw new ClawdiffError("not-found", `no fixtures here (expected ${FIXTURE_FILE_NAME} or before/after)`, { file: arg });
  }
  return found;
}

/** The fixture's spec: its file parsed and validated, or the bare pair with no expectations. */
export function readFixture(location: FixtureLocation, cwd: string): FixtureSpec {
  if (location.kind === "pair") return { before: location.before, after: location.after };
  const display = displayPath(cwd, location.file);
  return parseFixture(readTextFile(location.file, display), display);
}
