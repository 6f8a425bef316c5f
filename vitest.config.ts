import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 20_000,
    // The JSON report feeds the one-line "N passed, N failed" summary CI prints.
    reporters: ["default", "json"],
    outputFile: { json: ".test-results/vitest.json" },
  },
});
