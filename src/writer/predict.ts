import { isDeepStrictEqual } from "node:util";
import type { LoadedConfig } from "../config/load-config.js";
import { applyDefaults, type DefaultsTable } from "../config/defaults.js";
import { ClawdiffError } from "../shared/errors.js";
import { getAtSegments, isPathWithin, isPlainObject } from "../shared/values.js";
import { applyAgentsCreate } from "./agents-create.js";
import { dotted, setAtPath, unsetAtPath, type WriteRequest } from "./change.js";
import { applyMergePatch, createMergePatch, patchLeafPaths } from "./merge-patch.js";
import type { WriteOperationModel, WriterModel } from "./model.js";
import { collectIncludeOwnedPaths, patchTouches, placeIncludes, restoreEnvReferences } from "./source-form.js";

/** Something the writer does besides the change the operator asked for. */
export interface WriterEffect {
  code: "stamp" | "stamp-outside-file" | "materialize" | "env-resolved" | "include-kept" | "include-written" | "include-flattened" | "reformat";
  paths: string[];
  summary: string;
  citation: string;
}

export interface PredictedFile {
  path: string;
  display: string;
  text: string;
}

export interface PredictedWrite {
  operation: WriteRequest["operation"];
  model: WriteOperationModel;
  writer: WriterModel;
  /** Dotted paths the operator asked to change. */
  intended: string[];
  /** The asked-for change is already in the config. */
  alreadyThere: boolean;
  nothingWritten: boolean;
  files: PredictedFile[];
  effects: WriterEffect[];
}

export interface PredictOptions {
  writer: WriterModel;
  defaults: DefaultsTable | null;
  /** ISO time the write-time stamp gets. */
  now: string;
  home: string;
}

const toJson = (value: unknown): string => `${JSON.stringify(value, null, 2).trimEnd()}\n`;

function operationModel(writer: WriterModel, operation: WriteRequest["operation"]): WriteOperationModel {
  const model = writer.operations[operation];
  if (!model) throw new ClawdiffError("usage", `the writer model of openclaw@${writer.openclawVersion} does not cover ${operation} (schemas/writers/)`);
  return model;
}

function requestedConfig(base: unknown, request: WriteRequest, model: WriteOperationModel, home: string): unknown {
  switch (request.operation) {
    case "config.set":
      return request.edits.reduce<unknown>((config, edit) => (edit.kind === "set" ? setAtPath(config, edit.segments, edit.value, edit.raw) : unsetAtPath(config, edit.segments)), base);
    case "config.patch":
      return applyMergePatch(base, request.patch, { arrays: model.arrays ?? "replace" });
    case "agents.create":
      return applyAgentsCreate(base, { agent: request.agent, workspace: request.workspace, home }, model);
  }
}

function intendedPaths(request: WriteRequest, model: WriteOperationModel): string[] {
  if (request.operation === "config.set") return request.edits.map((edit) => dotted(edit.segments));
  if (request.operation === "config.patch") return patchLeafPaths(request.patch).map(dotted);
  return [model.agentList ?? "agents.list"];
}

function stamp(config: unknown, writer: WriterModel, now: string, effects: WriterEffect[]): unknown {
  let next = config;
  for (const entry of writer.stamps) {
    if (entry.where === "machine-state") {
      effects.push({ code: "stamp-outside-file", paths: [entry.path], summary: `records ${entry.path} outside the config file (the watcher does not see it)`, citation: entry.citation });
      continue;
    }
    const value = entry.value === "writer-version" ? writer.openclawVersion : now;
    next = setAtPath(next, entry.path.split("."), value, entry.path);
    effects.push({ code: "stamp", paths: [entry.path], summary: `stamps ${entry.path} = ${value}`, citation: entry.citation });
  }
  return next;
}

/** The runtime config the old writers dumped whole: the version's materialized defaults filled in. */
function runtimeBase(before: LoadedConfig, defaults: DefaultsTable | null): { config: unknown; filled: string[] } {
  if (!defaults) return { config: before.compare, filled: [] };
  const materialized = { ...defaults, defaults: defaults.defaults.filter((entry) => entry.scope === "materialized") };
  const { config, applied } = applyDefaults(before.compare, materialized);
  return { config, filled: [...applied.keys()] };
}

function reformatEffect(before: LoadedConfig, writer: WriterModel, written: boolean): WriterEffect[] {
  if (!written || before.root.text === toJson(before.root.parsed)) return [];
  return [{ code: "reformat", paths: [], summary: `rewrites ${before.root.display} as plain JSON: comments, JSON5 syntax and layout are lost`, citation: writer.serialization.citation }];
}

/**
 * The files the writer of `writer.openclawVersion` would leave after
 * `request`, and every effect beyond the asked-for change. Pure: the caller
 * puts the files behind a reading port and compares as `diff` does.
 */
export function predictWrite(before: LoadedConfig, request: WriteRequest, options: PredictOptions): PredictedWrite {
  const { writer } = options;
  const model = operationModel(writer, request.operation);
  const effects: WriterEffect[] = [];
  const dump = writer.persist.mode === "runtime-dump";
  const runtime = dump ? runtimeBase(before, options.defaults) : { config: before.compare, filled: [] };
  const next = requestedConfig(runtime.config, request, model, options.home);
  const alreadyThere = isDeepStrictEqual(next, runtime.config);
  const result = { operation: request.operation, model, writer, intended: intendedPaths(request, model), alreadyThere };
  if (alreadyThere && model.noopWhenUnchanged) return { ...result, nothingWritten: true, files: [], effects: [] };

  if (dump) return { ...result, nothingWritten: false, files: [dumpRoot(before, next, runtime.filled, options, effects)], effects: [...effects, ...reformatEffect(before, writer, true)] };
  // A rewrite that leaves the bytes as they were is no write as far as the watcher is concerned.
  const files = sourceMergeFiles(before, next, options, effects).filter((file) => file.text !== before.files.get(file.path)?.text);
  return { ...result, nothingWritten: files.length === 0, files, effects: [...effects, ...reformatEffect(before, writer, files.some((file) => file.path === before.root.path))] };
}

function dumpRoot(before: LoadedConfig, next: unknown, filled: string[], options: PredictOptions, effects: WriterEffect[]): PredictedFile {
  const { writer } = options;
  for (const path of filled) effects.push({ code: "materialize", paths: [path], summary: `writes the default ${path} (the whole runtime config is written)`, citation: writer.persist.citation });
  const resolved = [...before.envReferences.keys()].filter((path) => getAtSegments(next, before.envReferences.get(path)!.segments) !== undefined);
  if (resolved.length > 0) effects.push({ code: "env-resolved", paths: resolved, summary: "writes the resolved value in place of ${VAR}", citation: writer.envReferences.citation });
  const included = [...before.files.values()].filter((file) => file.path !== before.root.path).map((file) => file.display);
  if (included.length > 0) effects.push({ code: "include-flattened", paths: included, summary: `copies the content of ${included.join(", ")} into ${before.root.display} ($include is lost)`, citation: writer.includes.citation });
  return { path: before.root.path, display: before.root.display, text: toJson(stamp(next, writer, options.now, effects)) };
}

/** The gateway writes a section that is nothing but `{ $include: file }` to that file when the change stays inside it. */
function soleIncludeTarget(before: LoadedConfig, patch: unknown): string | null {
  if (!isPlainObject(patch) || Object.keys(patch).length !== 1 || !isPlainObject(before.root.parsed)) return null;
  const key = Object.keys(patch)[0]!;
  const section = before.root.parsed[key];
  if (!isPlainObject(section) || Object.keys(section).length !== 1 || typeof section["$include"] !== "string") return null;
  return key;
}

function sourceMergeFiles(before: LoadedConfig, next: unknown, options: PredictOptions, effects: WriterEffect[]): PredictedFile[] {
  const { writer } = options;
  const patch = createMergePatch(before.compare, next);
  const owned = collectIncludeOwnedPaths(before.root.parsed);
  const touched = owned.filter((path) => patchTouches(patch, path));
  if (touched.length > 0) {
    const key = writer.includes.touched === "write-sole-top-level-include" ? soleIncludeTarget(before, patch) : null;
    if (key === null) {
      throw new ClawdiffError("usage", `the writer of openclaw@${writer.openclawVersion} refuses this change: it would flatten $include-owned config at ${dotted(touched[0]!) || "<root>"} (edit that include file directly; ${writer.includes.citation})`);
    }
    return [includedSectionFile(before, key, next, writer, effects)];
  }
  const restored = writer.envReferences.restore === "when-value-unchanged" ? restoreEnvReferences(next, before.authored, before.compare) : next;
  const unrestored = [...before.envReferences.values()].filter((site) => getAtSegments(restored, site.segments) !== getAtSegments(before.authored, site.segments) && getAtSegments(restored, site.segments) !== undefined);
  if (unrestored.length > 0) effects.push({ code: "env-resolved", paths: unrestored.map((site) => dotted(site.segments)), summary: "writes the resolved value in place of ${VAR}", citation: writer.envReferences.citation });
  if (owned.length > 0) effects.push({ code: "include-kept", paths: owned.map((path) => dotted(path) || "<root>"), summary: "keeps the $include directives; the included files are not rewritten", citation: writer.includes.citation });
  const root = placeIncludes(restored, before.root.parsed, owned);
  return [{ path: before.root.path, display: before.root.display, text: toJson(stamp(root, writer, options.now, effects)) }];
}

function includedSectionFile(before: LoadedConfig, key: string, next: unknown, writer: WriterModel, effects: WriterEffect[]): PredictedFile {
  const file = [...before.files.values()].find((candidate) => candidate.path !== before.root.path && isIncludeOf(before, key, candidate.path));
  if (!file) throw new ClawdiffError("include", `cannot tell which file ${key}'s $include names`);
  effects.push({ code: "include-written", paths: [key], summary: `writes ${key} to ${file.display}, not to ${before.root.display}; no meta stamp`, citation: writer.includes.citation });
  const resolved = [...before.envReferences.keys()].filter((path) => isPathWithin(path, key));
  if (resolved.length > 0) effects.push({ code: "env-resolved", paths: resolved, summary: "writes the resolved value in place of ${VAR} (the include file is written as given)", citation: writer.includes.citation });
  return { path: file.path, display: file.display, text: toJson(getAtSegments(next, [key])) };
}

function isIncludeOf(before: LoadedConfig, key: string, path: string): boolean {
  const section = isPlainObject(before.root.parsed) ? before.root.parsed[key] : undefined;
  const spec = isPlainObject(section) ? section["$include"] : undefined;
  return typeof spec === "string" && (path.endsWith(`/${spec.replace(/^\.\//, "")}`) || path === spec);
}
