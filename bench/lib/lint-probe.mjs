// The lint target compares `clawdiff lint` over 1,000 fixtures with 1,000
// diff processes; until the command exists there is nothing to time.
import { execFileSync } from "node:child_process";
import { CLAWDIFF_BIN } from "./paths.mjs";

export function hasLintCommand() {
  try {
    const help = execFileSync(process.execPath, [CLAWDIFF_BIN, "--help"], { encoding: "utf8" });
    return /^\s+lint\b/m.test(help);
  } catch {
    return false;
  }
}
