/** A dist `file:line` (or line range) a writer effect was read from. */
export type Citation = string;

export type WriteOperationName = "config.set" | "config.patch" | "agents.create";

export interface WriteOperationModel {
  via?: string;
  trigger: "watcher" | "write";
  noopWhenUnchanged: boolean;
  arrays?: "replace" | "merge-by-id";
  agentList?: string;
  entryFields?: ("name" | "workspace" | "agentDir" | "identity.name")[];
  reservedIds?: string[];
  citation: Citation;
}

export interface WriterStamp {
  path: string;
  value: "writer-version" | "write-time";
  where: "config-file" | "machine-state";
  citation: Citation;
}

/** One OpenClaw version's config writer as data (schemas/writers/openclaw@<v>.json). */
export interface WriterModel {
  writerFormat: 1;
  openclawVersion: string;
  source: { package: string; method: string };
  persist: { mode: "source-merge" | "runtime-dump"; citation: Citation };
  serialization: { format: "json-indent-2"; citation: Citation };
  stamps: WriterStamp[];
  envReferences: { restore: "when-value-unchanged" | "never"; citation: Citation };
  includes: { untouched: "kept" | "flattened"; touched: "refuse" | "flattened" | "write-sole-top-level-include"; citation: Citation };
  pathSyntax: { style: "dots" | "dots-brackets" | "dots-brackets-strict"; citation: Citation };
  operations: { "config.set": WriteOperationModel; "config.patch": WriteOperationModel; "agents.create"?: WriteOperationModel };
}
