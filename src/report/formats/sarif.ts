import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { CAUSE_LABELS, type CauseCode } from "../../explain/cause-codes.js";
import { writeSentences } from "../write-section.js";
import type { DiffReport, ReportChange } from "../model.js";
import { annotationLevel } from "./github.js";
import type { IgnoreEntryRef } from "../../ignore/ignore-file.js";
import { changeLocation, changeSentences, CHANGE_KINDS, driftOf, runContextLines, suppressionOf, type ChangeKind } from "./describe.js";

/** The OASIS errata01 schema this output validates against (vendored in schemas/vendor/). */
export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const SOURCE_ROOT = "SRCROOT";

const KIND_RULES: Record<ChangeKind, { id: string; name: string; text: string }> = {
  restart: { id: "RELOAD_RESTART", name: "RestartOnChange", text: "The gateway restarts when this path changes: its port closes and in-flight calls fail." },
  hot: { id: "RELOAD_HOT", name: "HotReloadOnChange", text: "The gateway applies this path with a hot reload, without restarting." },
  none: { id: "RELOAD_NONE", name: "NoReloadOnChange", text: "The gateway reads this path dynamically or ignores it; nothing reloads." },
};

const SARIF_LEVELS = { error: "error", warning: "warning", notice: "note" } as const;

/** Rules are the three reload kinds (one per result) and the cause codes (listed per result in properties). */
function rules() {
  const kindRules = CHANGE_KINDS.map((kind) => ({
    id: KIND_RULES[kind].id,
    name: KIND_RULES[kind].name,
    shortDescription: { text: KIND_RULES[kind].text },
    defaultConfiguration: { level: kind === "restart" ? "error" : kind === "hot" ? "warning" : "note" },
  }));
  const causeRules = (Object.keys(CAUSE_LABELS) as CauseCode[]).map((code) => ({
    id: code,
    shortDescription: { text: `Cause: ${CAUSE_LABELS[code]}` },
    defaultConfiguration: { enabled: true, level: "none" },
  }));
  return [...kindRules, ...causeRules];
}

/** A relative path becomes a relative URI under SRCROOT (the working directory); an absolute one a file: URI. */
function artifactLocation(file: string) {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(/[\\/]/).map(encodeURIComponent).join("/"), uriBaseId: SOURCE_ROOT };
}

function physicalLocation(file: string, line: number | undefined, column: number | undefined) {
  return {
    artifactLocation: artifactLocation(file),
    ...(line !== undefined ? { region: { startLine: line, ...(column !== undefined ? { startColumn: column } : {}) } } : {}),
  };
}

/** An ignore-file entry is SARIF's external, accepted suppression, located at the entry. */
function suppressions(entry: IgnoreEntryRef | undefined) {
  if (!entry) return {};
  return { suppressions: [{ kind: "external", status: "accepted", justification: entry.reason, location: { physicalLocation: physicalLocation(entry.file, entry.line, entry.column) } }] };
}

function result(report: DiffReport, change: ReportChange, ruleIndex: Map<string, number>) {
  const kind = change.classification.current.kind;
  const location = changeLocation(change);
  const proposed = change.classification.proposed;
  const ignored = suppressionOf(report, change);
  return {
    ruleId: KIND_RULES[kind].id,
    ruleIndex: ruleIndex.get(KIND_RULES[kind].id)!,
    level: SARIF_LEVELS[annotationLevel(change, false)],
    message: { text: [...changeSentences(change), ...change.causes.map((cause) => `${cause.code}: ${cause.summary}`)].join("\n") },
    ...(location
      ? {
          locations: [
            {
              physicalLocation: physicalLocation(location.file, location.line, location.column),
              logicalLocations: [{ fullyQualifiedName: change.path, kind: "member" }],
            },
          ],
        }
      : {}),
    ...suppressions(ignored),
    partialFingerprints: { "clawdiffPath/v1": change.path },
    properties: {
      path: change.path,
      segments: change.segments,
      spurious: change.spurious,
      semanticChange: change.semanticChange,
      causes: change.causes.map((cause) => cause.code),
      ...(proposed ? { proposedKind: proposed.kind } : {}),
    },
  };
}

export interface SarifOptions {
  /** The directory relative paths are relative to; becomes SRCROOT. */
  cwd?: string;
}

/** `--format sarif`: SARIF 2.1.0, one result per changed path, for code-scanning uploads. */
export function renderSarif(report: DiffReport, options: SarifOptions = {}): string {
  const driverRules = rules();
  const ruleIndex = new Map(driverRules.map((rule, index) => [rule.id, index]));
  const proposed = report.plans.proposed;
  const drift = driftOf(report);
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, rules: driverRules } },
        ...(options.cwd !== undefined && isAbsolute(options.cwd) ? { originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(`${options.cwd.replace(/[\\/]+$/, "")}/`).href } } } : {}),
        results: report.changes.map((change) => result(report, change, ruleIndex)),
        properties: {
          verdict: report.summary.verdict,
          headline: report.summary.headline,
          catalog: report.catalogs.current.id,
          reloadMode: report.reloadMode.mode,
          context: runContextLines(report),
          ...(report.validation ? { invalidConfig: report.validation.issues.map((issue) => issue.line) } : {}),
          ...(proposed ? { proposedCatalog: report.catalogs.proposed?.id, proposedVerdict: proposed.outcome } : {}),
          ...(drift !== undefined ? { drift } : {}),
          warnings: report.warnings.map((warning) => `(${warning.side}) ${warning.path}: ${warning.message}`),
          ...(report.write ? { write: writeSentences(report.write) } : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
