import type { DiffReport } from "../model.js";

/**
 * `--format ndjson`: one JSON object per line (schemas/ndjson.schema.json).
 * Each list of the report becomes one record per item, tagged by `kind`;
 * everything else goes in the header, so fields added to the report later
 * land in the header without a schema change. Concatenating the records back
 * gives the JSON report.
 */
export const NDJSON_LISTS = {
  changes: "change",
  formOnlyChanges: "form-only",
  stateFiles: "state-file",
  warnings: "warning",
} as const satisfies Partial<Record<keyof DiffReport, string>>;

/** `kind` comes first for readers and is set last so that no field of the item can shadow it. */
const record = (kind: string, item: object) => Object.assign({ kind }, item, { kind });

/** The records in order, made one at a time so a writer can stream them. */
export function* ndjsonRecords(report: DiffReport): Generator<object> {
  const { changes, formOnlyChanges, stateFiles, warnings, summary, ...header } = report;
  const lists = { changes, formOnlyChanges, stateFiles, warnings };
  yield record("header", header);
  for (const [field, kind] of Object.entries(NDJSON_LISTS) as [keyof typeof lists, string][]) {
    for (const item of lists[field]) yield record(kind, item);
  }
  yield record("summary", summary);
}
