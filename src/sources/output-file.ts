import { randomBytes } from "node:crypto";
import { closeSync, fstatSync, linkSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ClawdiffError } from "../shared/errors.js";
import { fileError } from "./read-file.js";

export interface OutputFileOptions {
  cwd: string;
  /** Every file the run read (configs, includes, .env, dotenv, catalogs, or a directory holding them). */
  inputs: Iterable<string>;
  /** Replace an existing file (never an input, never through a link). */
  force: boolean;
}

type Identity = { dev: number; ino: number };
const sameFile = (a: Identity, b: Identity) => a.dev === b.dev && a.ino === b.ino;

/** The identities of every input that exists: a path spelled another way, a link or a hard link still has the same device and inode. */
function inputIdentities(inputs: Iterable<string>, cwd: string): Identity[] {
  const identities: Identity[] = [];
  for (const input of inputs) {
    try {
      identities.push(statSync(resolve(cwd, input)));
    } catch {
      // Not there: nothing to protect.
    }
  }
  // Standard input redirected from a file is an input too.
  try {
    const stdin = fstatSync(0);
    if (stdin.isFile()) identities.push(stdin);
  } catch {
    // No standard input.
  }
  return identities;
}

function existingTarget(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function writeTemporary(dir: string, name: string, text: string): string {
  const temporary = join(dir, `.${name}.${randomBytes(6).toString("hex")}.tmp`);
  // O_EXCL: never open a file (or a planted link) that is already there.
  const fd = openSync(temporary, "wx", 0o644);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return temporary;
}

/**
 * Writes a file clawdiff produces (a snapshot, an imported catalog) without
 * ever touching an input: the final path is checked after resolving its
 * directory's links, an existing file is replaced only with --force, a link
 * at the final path is never followed, and the bytes land through a
 * temporary file in the same directory, so a reader never sees half a file.
 */
export function writeOutputFile(outputSpec: string, text: string, options: OutputFileOptions): void {
  const requested = resolve(options.cwd, outputSpec);
  let dir: string;
  try {
    dir = realpathSync(dirname(requested));
  } catch (error) {
    throw fileError(error, dirname(outputSpec));
  }
  const target = join(dir, basename(requested));
  const refuse = (why: string) => new ClawdiffError("usage", why, { file: outputSpec });
  let existing: Stats | null;
  try {
    existing = existingTarget(target);
  } catch (error) {
    throw fileError(error, outputSpec);
  }
  if (existing?.isSymbolicLink()) throw refuse("is a symbolic link; refusing to write through it (name the real path)");
  if (existing && inputIdentities(options.inputs, options.cwd).some((input) => sameFile(input, existing))) {
    throw refuse("is a file this run reads; refusing to overwrite an input");
  }
  if (existing?.isDirectory()) throw refuse("is a directory");
  if (existing && !options.force) throw refuse("already exists (pass --force to replace it)");

  let temporary: string | null = null;
  try {
    temporary = writeTemporary(dir, basename(requested), text);
    if (options.force) renameSync(temporary, target);
    else placeWithoutReplacing(temporary, target);
    temporary = null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw refuse("already exists (pass --force to replace it)");
    throw fileError(error, outputSpec);
  } finally {
    if (temporary !== null) unlinkSync(temporary);
  }
}

/** link() fails when the name exists, so no file appearing meanwhile is replaced; file systems without hard links get a last check and a rename. */
function placeWithoutReplacing(temporary: string, target: string): void {
  try {
    linkSync(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
    if (existingTarget(target)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
    renameSync(temporary, target);
    return;
  }
  unlinkSync(temporary);
}
