// Runs the clawdiff under test (the built bin/ of the checkout given by --repo) on
// two snapshots, hermetically: no process env, no ignore file.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { clawdiffReaction } from "./reactions.mjs";

export function clawdiffBin(repo) {
  const bin = join(repo, "bin", "clawdiff.js");
  if (!existsSync(join(repo, "dist", "cli.js"))) throw new Error(`${repo} has no dist/cli.js: run \`npm run build\` there first`);
  return bin;
}

export function runClawdiff(bin, before, after, version) {
  const args = [bin, "diff", before, after, "--format", "json", "--rules", `openclaw@${version}`, "--exit-code", "none", "--no-process-env", "--no-ignore-file"];
  try {
    return clawdiffReaction(JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })));
  } catch (error) {
    const line = String(error.stderr ?? error.message).trim().split("\n")[0];
    return { paths: [], decision: "error", catalog: "", detail: line };
  }
}
