// Bundles the CLI into dist/ so `npm ci` leaves a runnable `clawdiff` and
// cold start pays for one file read instead of hundreds of module lookups.
import { build } from "esbuild";

await build({
  entryPoints: { cli: "src/cli/main.ts", index: "src/index.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  splitting: true,
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
