import { writeSentences } from "../write-section.js";
import { displaySafeReport } from "../display-safe.js";
import type { DiffReport, ReportChange } from "../model.js";
import { changeLocation, changeSentences, changesOfKind, CHANGE_KINDS, driftOf, locationText, runContextLines, suppressionOf, suppressionText } from "./describe.js";
import { xmlElement } from "./xml-text.js";

export interface JunitOptions {
  /** When the run happened; JUnit requires a timestamp (local form, no zone). */
  now?: Date;
}

function suiteProperties(report: DiffReport): [string, string][] {
  const proposed = report.plans.proposed;
  const drift = driftOf(report);
  return [
    ["verdict", report.summary.verdict],
    ["headline", report.summary.headline],
    ["before", report.inputs.before.spec],
    ["after", report.inputs.after.spec],
    ["catalog", report.catalogs.current.id],
    ["reloadMode", report.reloadMode.mode],
    ...runContextLines(report).map((line, index): [string, string] => [`context${index + 1}`, line]),
    ...(report.validation?.issues ?? []).map((issue, index): [string, string] => [`invalidConfig${index + 1}`, issue.line]),
    ...(proposed ? ([["proposedCatalog", report.catalogs.proposed?.id ?? proposed.catalog], ["proposedVerdict", proposed.outcome]] as [string, string][]) : []),
    ...(drift !== undefined ? ([["drift", String(drift)]] as [string, string][]) : []),
  ];
}

const fails = (report: DiffReport, change: ReportChange) => change.classification.current.kind === "restart" && !suppressionOf(report, change);

/** A path that forces a restart fails, unless an ignore entry accepted it (skipped); the failure text says why and where. */
function testcase(report: DiffReport, change: ReportChange, classname: string): string {
  const indent = "    ";
  const attributes = { name: change.path, classname, time: "0" };
  const ignored = suppressionOf(report, change);
  if (ignored) return xmlElement("testcase", attributes, [xmlElement("skipped", { message: suppressionText(ignored) }, null, `${indent}  `)], indent);
  if (!fails(report, change)) return xmlElement("testcase", attributes, null, indent);
  const sentences = changeSentences(change);
  const location = locationText(changeLocation(change));
  const body = [...sentences, ...(location === "" ? [] : [`at ${location}`]), ...change.causes.map((cause) => `${cause.code}: ${cause.summary}`)].join("\n");
  return xmlElement("testcase", attributes, [xmlElement("failure", { type: "RELOAD_RESTART", message: sentences[0]! }, body, `${indent}  `)], indent);
}

/**
 * `--format junit`: one testsuite per reload kind that has changes (one empty
 * suite when nothing changed), one testcase per changed path; restart paths
 * fail. Follows the Ant JUnit schema (schemas/vendor/junit-windyroad.xsd):
 * every suite carries its properties, system-out and system-err.
 */
export function renderJunit(data: DiffReport, options: JunitOptions = {}): string {
  const report = displaySafeReport(data);
  const timestamp = (options.now ?? new Date()).toISOString().slice(0, 19);
  const groups = CHANGE_KINDS.map((kind) => ({ name: `clawdiff.${kind}`, changes: changesOfKind(report, kind) })).filter((group) => group.changes.length > 0);
  const suites = groups.length > 0 ? groups : [{ name: "clawdiff", changes: [] }];
  const properties = suiteProperties(report).map(([name, value]) => xmlElement("property", { name, value }, null, "      "));
  const rendered = suites.map((suite, id) =>
    xmlElement(
      "testsuite",
      {
        name: suite.name,
        package: "clawdiff",
        id,
        timestamp,
        hostname: "localhost",
        tests: suite.changes.length,
        failures: suite.changes.filter((change) => fails(report, change)).length,
        errors: 0,
        skipped: suite.changes.filter((change) => suppressionOf(report, change)).length,
        time: "0",
      },
      [
        xmlElement("properties", {}, properties, "    "),
        ...suite.changes.map((change) => testcase(report, change, suite.name)),
        xmlElement("system-out", {}, [report.summary.headline, ...(report.write ? writeSentences(report.write) : [])].join("\n"), "    "),
        xmlElement("system-err", {}, "", "    "),
      ],
      "  ",
    ),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlElement("testsuites", {}, rendered)}\n`;
}
