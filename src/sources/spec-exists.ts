import { existsSync } from "node:fs";
import { resolve } from "node:path";

/** Whether a state spec names something on disk (a file, a state directory or a snapshot), relative to `cwd`. */
export const specExistsOnDisk = (spec: string, cwd: string): boolean => existsSync(resolve(cwd, spec));
