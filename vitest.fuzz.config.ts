import { defineConfig } from "vitest/config";

/**
 * `npm run test:fuzz`: the property suite with many more runs and a fresh
 * seed each time (pin one with CLAWDIFF_FUZZ_SEED to replay a failure).
 * The default `npm test` runs the same properties with a fixed seed.
 */
export default defineConfig({
  test: {
    include: ["test/property/**/*.test.ts"],
    env: { CLAWDIFF_FUZZ: "1" },
    testTimeout: 600_000,
  },
});
