import { renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ClawdiffError } from "../shared/errors.js";
import { fileError } from "./read-file.js";

/**
 * Writes a snapshot next to nothing it was read from: clawdiff never writes
 * to its inputs. The write goes through a temporary file and a rename, so a
 * watcher or a reader never sees half a snapshot.
 */
export function writeSnapshotFile(outputSpec: string, text: string, cwd: string, inputs: Iterable<string>): void {
  const target = resolve(cwd, outputSpec);
  for (const input of inputs) {
    if (resolve(input) === target) throw new ClawdiffError("usage", "refusing to overwrite a file the snapshot was read from", { file: outputSpec });
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } catch (error) {
    throw fileError(error, outputSpec);
  }
}
