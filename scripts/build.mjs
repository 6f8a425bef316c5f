// Bundles the CLI and its dependencies into dist/ so `npm ci` leaves a
// runnable `clawdiff` and cold start pays for a few file reads instead of
// hundreds of module lookups.
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { build } from "esbuild";

const result = await build({
  entryPoints: { cli: "src/cli/main.ts", index: "src/index.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  splitting: true,
  // Dependencies go into the bundle too: resolving and compiling ajv's and
  // commander's many files cost more cold start than running clawdiff itself.
  // Bundled CommonJS packages still call require() for node builtins.
  banner: { js: 'import { createRequire as __clawdiffRequire } from "node:module"; const require = __clawdiffRequire(import.meta.url);' },
  // Loaded on first use through createRequire (src/shared/lazy-require.ts), from node_modules.
  external: ["ajv", "acorn", "acorn-walk"],
  sourcemap: true,
  logLevel: "warning",
  metafile: true,
});

// Chunk names carry content hashes: drop the ones this build no longer
// writes, so `npm pack` never ships stale chunks. Removed after the write,
// so a CLI run in parallel never sees dist/ without its entry files.
const written = new Set(Object.keys(result.metafile.outputs).map((file) => relative("dist", file)));
for (const name of readdirSync("dist")) {
  if (/^chunk-.+\.js(\.map)?$/.test(name) && !written.has(name)) rmSync(join("dist", name), { force: true });
}

// Type declarations for `import { diffStates } from "clawdiff"` (package.json
// "types"): emitted by tsc from the same sources into dist/types, written in
// place and stale ones dropped afterwards, like the chunks above. Type errors
// do not stop the bundle (tsc still emits); `npm test` type-checks and fails.
function emitDeclarations() {
  try {
    return execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.types.json", "--listEmittedFiles"], { encoding: "utf8" });
  } catch (error) {
    if (typeof error.stdout !== "string") throw error;
    const diagnostics = error.stdout.split("\n").filter((line) => line !== "" && !line.startsWith("TSFILE: "));
    process.stderr.write(`build: declarations emitted with type errors:\n${diagnostics.join("\n")}\n`);
    return error.stdout;
  }
}
const emitted = emitDeclarations()
  .split("\n")
  .filter((line) => line.startsWith("TSFILE: "))
  .map((line) => resolve(line.slice("TSFILE: ".length).trim()));
const keep = new Set(emitted);
for (const entry of readdirSync("dist/types", { recursive: true, withFileTypes: true })) {
  const path = resolve(entry.parentPath ?? entry.path, entry.name);
  if (entry.isFile() && !keep.has(path)) rmSync(path, { force: true });
}
