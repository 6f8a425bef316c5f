import { readdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
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

/** The real path of `path`, or of its nearest existing ancestor with the rest appended: links anywhere on it are resolved. */
function realPathSoFar(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPathSoFar(parent), basename(path));
  }
}

const isInside = (path: string, root: string) => path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);

/**
 * A path a fixture names (a side, a catalog file, a config inside a side),
 * resolved against the fixture and kept inside the fixture's own directory,
 * or inside `root` when `--fixture-root` names one. A fixture is data from
 * whoever wrote it; it must not make lint read /etc or a home directory.
 */
export function confinedFixturePath(location: FixtureLocation, value: string, field: string, cwd: string, root?: string): string {
  const path = resolve(location.dir, value);
  const real = realPathSoFar(path);
  const allowed = [location.dir, ...(root === undefined ? [] : [resolve(cwd, root)])].map(realPathSoFar);
  if (allowed.some((dir) => isInside(real, dir))) return path;
  const file = location.kind === "file" ? displayPath(cwd, location.file) : location.name;
  const where = root === undefined ? "the fixture's directory (widen with --fixture-root <dir>)" : `the fixture's directory and --fixture-root ${root}`;
  throw new ClawdiffError("usage", `${field} '${value}' is outside ${where}`, { file });
}
