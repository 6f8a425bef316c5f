import { execFileSync } from "node:child_process";

/** The end-to-end tests run the bundled CLI, so bundle it once per run. */
export default function setup(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
}
