// Prints "N passed, N failed" from vitest's JSON report; fails when the report is missing.
import { readFileSync } from "node:fs";

const file = process.argv[2];
let results;
try {
  results = JSON.parse(readFileSync(file, "utf8"));
} catch {
  console.log("0 passed, 1 failed");
  console.error(`no test report at ${file}: the test run did not finish`);
  process.exit(1);
}
const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0);
console.log(`${results.numPassedTests} passed, ${failed} failed`);
process.exit(failed > 0 || !results.success ? 1 : 0);
