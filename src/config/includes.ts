import { dirname, isAbsolute, normalize, relative, resolve } from "node:path";
import type { SourceReader } from "../sources/config-input.js";
import { ClawdiffError } from "../shared/errors.js";
import { isPlainObject } from "../shared/values.js";
import { defineOwn } from "../shared/values.js";
import { countNodes, MAX_CONFIG_DEPTH, parseConfigText } from "./parse-json5.js";
import { locateInText } from "./locate.js";

export const INCLUDE_KEY = "$include";
/** The gateway refuses deeper chains (its include processor's depth limit). */
export const MAX_INCLUDE_DEPTH = 10;
/** The gateway's guard on included files (regular file, at most 2 MiB). */
export const MAX_INCLUDE_BYTES = 2 * 1024 * 1024;
/**
 * Files that include each other many ways multiply: seven 1 KB files, ten
 * includes at each level, expand to millions of nodes. The gateway has no
 * such guard; a config near these figures is an attack, not a setup.
 */
export const MAX_INCLUDE_USES = 10_000;
/** Expanded nodes allowed beyond twice the distinct files' own: room for a shared file reused, none for an explosion. */
export const EXPANSION_FLOOR = 2_000_000;
const BLOCKED_MERGE_KEYS = new Set(["__proto__", "prototype", "constructor"]);

/** One file that took part in a load: the config itself or something it includes. */
export interface ConfigFile {
  path: string;
  display: string;
  text: string;
  parsed: unknown;
}

export interface IncludeOptions {
  /** Directory includes must stay inside (the main config's directory). */
  rootDir: string;
  allowOutside: boolean;
}

interface PathLink {
  parent: PathLink | null;
  key: string;
}

const toSegments = (link: PathLink | null): string[] => {
  const segments: string[] = [];
  for (let node = link; node; node = node.parent) segments.unshift(node.key);
  return segments;
};

/** Arrays concatenate, objects merge (blocked keys skipped), otherwise the later value wins. */
export function mergeIncluded(target: unknown, source: unknown): unknown {
  if (Array.isArray(target) && Array.isArray(source)) return [...target, ...source];
  if (isPlainObject(target) && isPlainObject(source)) {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(target)) defineOwn(result, key, target[key]);
    for (const key of Object.keys(source)) {
      if (BLOCKED_MERGE_KEYS.has(key)) continue;
      defineOwn(result, key, Object.hasOwn(result, key) ? mergeIncluded(result[key], source[key]) : source[key]);
    }
    return result;
  }
  return source;
}

const topLevelSize = (value: unknown) => (Array.isArray(value) ? value.length : isPlainObject(value) ? Object.keys(value).length : 1);

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * Resolves `$include` the way the gateway does, reading every file through
 * the source's reader (so git revisions and state dirs behave the same) and
 * recording each file for later location lookups.
 */
export class IncludeResolver {
  readonly files = new Map<string, ConfigFile>();
  /** Work done so far, against the budgets above (exposed so tests can assert work, not time). */
  readonly work = { nodes: 0, includeUses: 0, distinctNodes: 0 };

  constructor(
    private readonly reader: SourceReader,
    private readonly options: IncludeOptions,
  ) {}

  addRoot(file: ConfigFile): void {
    this.files.set(file.path, file);
    this.work.distinctNodes += countNodes(file.parsed);
  }

  resolveTree(file: ConfigFile): unknown {
    return this.process(file.parsed, { file, chain: [file.path], depth: 0 }, null, 0);
  }

  /** `level` counts nesting across files: an included file's content sits at the level of its `$include`. */
  private process(value: unknown, context: FileContext, at: PathLink | null, level: number): unknown {
    this.spend(1, context);
    if (level > MAX_CONFIG_DEPTH) {
      throw new ClawdiffError("too-deep", `config is nested deeper than ${MAX_CONFIG_DEPTH} levels, counted across $include files`, { file: context.file.display });
    }
    if (Array.isArray(value)) return value.map((item) => this.process(item, context, at, level + 1));
    if (!isPlainObject(value)) return value;
    if (!Object.hasOwn(value, INCLUDE_KEY)) return this.processObject(value, context, at, level);

    const siblings = Object.keys(value).filter((key) => key !== INCLUDE_KEY);
    const included = this.resolveIncludeValue(value[INCLUDE_KEY], context, at, level);
    if (siblings.length === 0) return included;
    if (!isPlainObject(included)) throw this.error("sibling keys require the included content to be an object", context, at);
    const rest: Record<string, unknown> = {};
    for (const key of siblings) defineOwn(rest, key, this.process(value[key], context, { parent: at, key }, level + 1));
    return this.merge(included, rest, context);
  }

  private processObject(value: Record<string, unknown>, context: FileContext, at: PathLink | null, level: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      // The gateway copies keys by assignment, so an own "__proto__" key vanishes from its view.
      if (key === "__proto__") continue;
      defineOwn(result, key, this.process(value[key], context, { parent: at, key }, level + 1));
    }
    return result;
  }

  private resolveIncludeValue(spec: unknown, context: FileContext, at: PathLink | null, level: number): unknown {
    if (typeof spec === "string") return this.loadIncluded(spec, context, at, level);
    if (Array.isArray(spec)) {
      return spec.reduce<unknown>((merged, item) => {
        if (typeof item !== "string") throw this.error(`invalid $include array item: expected string, got ${typeof item}`, context, at);
        return this.merge(merged, this.loadIncluded(item, context, at, level), context);
      }, {});
    }
    throw this.error(`invalid $include value: expected string or array of strings, got ${typeof spec}`, context, at);
  }

  /** Merging copies the top level of both sides: that copying is work too (arrays concatenate). */
  private merge(target: unknown, source: unknown, context: FileContext): unknown {
    this.spend(topLevelSize(target) + topLevelSize(source), context);
    return mergeIncluded(target, source);
  }

  private spend(nodes: number, context: FileContext): void {
    this.work.nodes += nodes;
    if (this.work.nodes > EXPANSION_FLOOR + 2 * this.work.distinctNodes) {
      throw new ClawdiffError("too-large", `$include expands past ${this.work.nodes} nodes from ${this.work.distinctNodes} written (files included again and again); refused`, { file: context.file.display });
    }
  }

  private loadIncluded(spec: string, context: FileContext, at: PathLink | null, level: number): unknown {
    this.work.includeUses += 1;
    if (this.work.includeUses > MAX_INCLUDE_USES) {
      throw this.error(`more than ${MAX_INCLUDE_USES} $include uses (files including each other again and again); refused`, context, at);
    }
    const target = normalize(isAbsolute(spec) ? spec : resolve(dirname(context.file.path), spec));
    this.checkConfinement(spec, target, context, at);
    if (context.chain.includes(target)) {
      const chain = [...context.chain, target].map((path) => this.reader.display(path)).join(" -> ");
      throw this.error(`circular $include: ${chain}`, context, at);
    }
    if (context.depth >= MAX_INCLUDE_DEPTH) {
      throw this.error(`$include nested deeper than ${MAX_INCLUDE_DEPTH} files at ${spec}`, context, at);
    }
    const file = this.readIncluded(spec, target, context, at);
    return this.process(file.parsed, { file, chain: [...context.chain, target], depth: context.depth + 1 }, null, level);
  }

  private checkConfinement(spec: string, target: string, context: FileContext, at: PathLink | null): void {
    if (this.options.allowOutside) return;
    const root = this.options.rootDir;
    if (!isInside(root, target)) {
      throw this.error(`$include escapes the config directory: ${spec} (use --allow-include-outside to permit)`, context, at);
    }
    const real = this.reader.realpath(target);
    const realRoot = this.reader.realpath(root);
    if (real !== null && realRoot !== null && !isInside(realRoot, real)) {
      throw this.error(`$include resolves outside the config directory through a symlink: ${spec}`, context, at);
    }
  }

  private readIncluded(spec: string, target: string, context: FileContext, at: PathLink | null): ConfigFile {
    const known = this.files.get(target);
    if (known) return known;
    let text: string;
    try {
      text = this.reader.readText(target, MAX_INCLUDE_BYTES);
    } catch (error) {
      const reason = error instanceof ClawdiffError ? error.message : String(error);
      throw this.error(`cannot read $include ${spec}: ${reason}`, context, at);
    }
    const display = this.reader.display(target);
    const file: ConfigFile = { path: target, display, text, parsed: parseConfigText(text, display) };
    this.files.set(target, file);
    this.work.distinctNodes += countNodes(file.parsed);
    return file;
  }

  private error(message: string, context: FileContext, at: PathLink | null): ClawdiffError {
    const position = locateInText(context.file.text, [...toSegments(at), INCLUDE_KEY]);
    return new ClawdiffError("include", message, { file: context.file.display, ...(position ?? {}) });
  }
}

interface FileContext {
  file: ConfigFile;
  /** Absolute paths from the main config down to this file, for cycle detection and messages. */
  chain: string[];
  depth: number;
}
