import { defineConfig } from "vitest/config";

// `npm run test:parity`: compares clawdiff with OpenClaw's own planner from
// packages in $CLAWDIFF_OC_CACHE (default /work/oc); files end in .parity.ts so
// `npm test` (test/**/*.test.ts) never picks them up.
export default defineConfig({
  test: {
    include: ["test/parity/**/*.parity.ts"],
    testTimeout: 180_000,
  },
});
