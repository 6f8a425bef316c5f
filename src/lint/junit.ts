import { xmlElement } from "../report/formats/xml-text.js";
import { renderLintSummary, type LintSummary } from "./render.js";
import type { FixtureResult } from "./result.js";
import { displaySafe } from "../shared/display-text.js";

const SUITE = "clawdiff.lint";

/** A failed expectation is a JUnit failure, a fixture that does not load an error. */
function testcase(result: FixtureResult): string {
  const indent = "    ";
  const attributes = { name: result.name, classname: SUITE, time: "0" };
  if (result.status === "fail") {
    return xmlElement("testcase", attributes, [xmlElement("failure", { type: "EXPECTATION", message: result.failures[0]! }, result.failures.join("\n"), `${indent}  `)], indent);
  }
  if (result.status === "error") return xmlElement("testcase", attributes, [xmlElement("error", { type: "LOAD", message: result.error! }, result.error!, `${indent}  `)], indent);
  return xmlElement("testcase", attributes, null, indent);
}

/** The schema has no per-case output: verdicts go to the suite's system-out, hazards to its system-err, each naming its fixture. */
const perFixture = (results: readonly FixtureResult[], lines: (result: FixtureResult) => string[]) =>
  results.flatMap((result) => lines(result).map((line) => `${result.name}: ${line}`));

/** `lint --format junit`: one testsuite, one testcase per fixture (Ant JUnit, schemas/vendor/junit-windyroad.xsd). */
export function renderLintJunit(data: readonly FixtureResult[], summary: LintSummary, now = new Date()): string {
  const results = displaySafe(data);
  const suite = xmlElement(
    "testsuite",
    {
      name: SUITE,
      package: "clawdiff",
      id: 0,
      timestamp: now.toISOString().slice(0, 19),
      hostname: "localhost",
      tests: summary.fixtures,
      failures: summary.failed,
      errors: summary.errors,
      skipped: 0,
      time: "0",
    },
    [
      xmlElement("properties", {}, [], "    "),
      ...results.map(testcase),
      xmlElement("system-out", {}, [...perFixture(results, (result) => (result.headline ? [result.headline] : [])), renderLintSummary(summary)].join("\n"), "    "),
      xmlElement("system-err", {}, perFixture(results, (result) => result.warnings).join("\n"), "    "),
    ],
    "  ",
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlElement("testsuites", {}, [suite])}\n`;
}
