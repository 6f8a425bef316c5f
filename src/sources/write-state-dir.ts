import { cpSync, existsSync, lstatSync, mkdirSync, realpathSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { ClawdiffError } from "../shared/errors.js";

const overlaps = (a: string, b: string): boolean => {
  const rel = relative(a, b);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
};

/** The real path of `target`, or of its nearest existing ancestor joined with the rest. */
function realTarget(target: string): string {
  let existing = target;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    rest.unshift(existing.slice(dirname(existing).length + 1));
    const parent = dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  return join(realpathSync(existing), ...rest);
}

/**
 * Writes a predicted state to a new directory: a copy of the state it was
 * predicted from with the written files replaced. Refuses a directory that
 * exists and one inside (or holding) any input, compared by real path.
 */
export function writeStateDir(out: string, cwd: string, from: { stateDir: string; kind: string }, files: { path: string; text: string }[], inputs: readonly string[]): string {
  const target = resolve(cwd, out);
  try {
    lstatSync(target);
    throw new ClawdiffError("usage", `--out ${out}: already exists (give a new directory)`);
  } catch (error) {
    if (error instanceof ClawdiffError) throw error;
  }
  const real = realTarget(target);
  for (const input of inputs) {
    const realInput = existsSync(input) ? realpathSync(input) : resolve(input);
    if (overlaps(realInput, real) || overlaps(real, realInput)) throw new ClawdiffError("usage", `--out ${out}: overlaps an input (${relative(cwd, input) || input}); clawdiff never writes to its inputs`);
  }
  mkdirSync(dirname(target), { recursive: true });
  if (from.kind === "dir") cpSync(from.stateDir, target, { recursive: true, errorOnExist: true, force: false, verbatimSymlinks: true });
  else mkdirSync(target);
  for (const file of files) {
    const destination = join(target, relative(from.stateDir, file.path));
    if (!overlaps(target, destination)) throw new ClawdiffError("usage", `--out: ${file.path} lies outside the state directory`);
    mkdirSync(dirname(destination), { recursive: true });
    writeFileSync(destination, file.text, { mode: 0o600 });
  }
  return target;
}
