import { posix } from "node:path";
import type { ConfigKeys } from "../config-keys.js";
import { ModuleGraph } from "./declarations.js";
import type { PackageFiles } from "./import-catalog.js";
import { sourceOf, unrecognised, type JsModule, type Node } from "./js-module.js";

/**
 * The shape of the version's root config schema (zod, read from dist without
 * running it): objects with their keys and strictness, literal choices, and
 * everything else opaque (scalars, records, arrays, unions of objects,
 * schemas built by functions).
 */
type Shape =
  | { type: "object"; strict: boolean; fields: Map<string, Shape> }
  | { type: "choice"; values: (string | number | boolean | null)[] }
  | { type: "opaque" };

const OPAQUE: Shape = { type: "opaque" };

/** zod constructors whose values clawdiff does not descend into. */
const OPAQUE_CONSTRUCTORS = new Set([
  "string", "number", "boolean", "bigint", "date", "symbol", "unknown", "any", "never", "null", "undefined", "void", "nan",
  "int", "url", "email", "uuid", "record", "array", "tuple", "set", "map", "discriminatedUnion", "intersection", "custom",
  "instanceof", "function", "templateLiteral", "xor", "file", "partialRecord", "looseRecord", "stringbool", "coerce", "json",
]);
/** Methods that keep the input shape of the schema they are called on. */
const SAME_SHAPE_METHODS = new Set([
  "optional", "nullable", "nullish", "default", "prefault", "catch", "describe", "meta", "register", "refine", "superRefine",
  "check", "brand", "readonly", "transform", "pipe", "overwrite", "min", "max", "int", "positive", "nonnegative", "negative",
  "nonpositive", "finite", "safe", "gt", "gte", "lt", "lte", "length", "nonempty", "regex", "trim", "toLowerCase",
  "toUpperCase", "startsWith", "endsWith", "includes", "url", "email", "multipleOf", "step", "partial", "required",
  "datetime", "date", "time", "duration", "ip", "ipv4", "ipv6", "cidr", "uuid", "cuid", "base64", "jwt", "normalize", "array",
]);

function literalValue(module: JsModule, node: Node): string | number | boolean | null {
  if (node.type === "Literal" && (node.value === null || ["string", "number", "boolean"].includes(typeof node.value))) return node.value;
  if (node.type === "UnaryExpression" && node.operator === "-" && node.argument.type === "Literal" && typeof node.argument.value === "number") return -node.argument.value;
  throw unrecognised(module, `a literal schema of an unrecognised value: ${sourceOf(module, node).slice(0, 40)}`, node);
}

class SchemaReader {
  private readonly graph: ModuleGraph;
  private readonly resolving = new Set<string>();
  private readonly memo = new Map<string, Shape>();

  constructor(files: PackageFiles) {
    this.graph = new ModuleGraph((path) => files.read(path));
  }

  module(path: string): JsModule {
    const module = this.graph.get(path);
    if (!module) throw unrecognised(path, "missing");
    return module;
  }

  /** A name's schema: a local const, or one imported from another chunk; anything else is opaque. */
  named(module: JsModule, name: string): Shape {
    const key = `${module.file}#${name}`;
    const known = this.memo.get(key);
    if (known) return known;
    if (this.resolving.has(key)) return OPAQUE; // a recursive (lazy) schema
    this.resolving.add(key);
    let shape: Shape = OPAQUE;
    const init = module.consts.get(name);
    const imported = module.imports.get(name);
    if (init) shape = this.shape(module, init);
    else if (imported?.source.startsWith(".")) {
      const target = this.graph.get(posix.join(posix.dirname(module.file), imported.source));
      const local = target?.exports.get(imported.imported);
      if (target && local) shape = this.named(target, local);
    }
    this.resolving.delete(key);
    this.memo.set(key, shape);
    return shape;
  }

  /** The keys of an object literal passed as a shape, with spreads of other shapes merged in. */
  fields(module: JsModule, node: Node): Map<string, Shape> {
    if (node.type === "Identifier") {
      const init = module.consts.get(node.name);
      if (init) return this.fields(module, init);
      const resolved = this.named(module, node.name);
      if (resolved.type === "object") return resolved.fields;
      throw unrecognised(module, `object shape '${node.name}' does not resolve to an object literal`, node);
    }
    if (node.type !== "ObjectExpression") throw unrecognised(module, `an object schema whose shape is not an object literal: ${sourceOf(module, node).slice(0, 40)}`, node);
    const fields = new Map<string, Shape>();
    for (const property of node.properties as Node[]) {
      if (property.type === "SpreadElement") {
        for (const [key, value] of this.fields(module, property.argument)) fields.set(key, value);
        continue;
      }
      if (property.computed) throw unrecognised(module, "an object schema with a computed key", property);
      fields.set(property.key.name ?? String(property.key.value), this.shape(module, property.value));
    }
    return fields;
  }

  private call(module: JsModule, node: Node): Shape {
    const callee = node.callee;
    const args = node.arguments as Node[];
    if (callee.type === "MemberExpression" && !callee.computed) {
      const method: string = callee.property.name;
      if (callee.object.type === "Identifier" && callee.object.name === "z") return this.construct(module, method, args, node);
      const base = this.shape(module, callee.object);
      if (SAME_SHAPE_METHODS.has(method)) return base;
      // `.catchall(schema)` accepts every other key, as `.passthrough()` does.
      if (method === "strict" || method === "passthrough" || method === "loose" || method === "strip" || method === "catchall") {
        return base.type === "object" ? { ...base, strict: method === "strict" } : base;
      }
      if (method === "extend" || method === "safeExtend" || method === "merge") {
        const extra = method === "merge" ? this.shape(module, args[0]!) : { type: "object" as const, strict: false, fields: this.fields(module, args[0]!) };
        if (base.type !== "object" || extra.type !== "object") return OPAQUE;
        return { ...base, fields: new Map([...base.fields, ...extra.fields]) };
      }
      if (method === "pick" || method === "omit") {
        if (base.type !== "object") return OPAQUE;
        const keys = new Set(this.fields(module, args[0]!).keys());
        return { ...base, fields: new Map([...base.fields].filter(([key]) => keys.has(key) === (method === "pick"))) };
      }
      if (method === "or" || method === "and") return OPAQUE;
      throw unrecognised(module, `schema method '.${method}()' is not one the importer knows`, node);
    }
    if (callee.type === "Identifier") return this.construct(module, callee.name, args, node);
    throw unrecognised(module, `an unrecognised schema expression: ${sourceOf(module, node).slice(0, 40)}`, node);
  }

  private construct(module: JsModule, name: string, args: Node[], node: Node): Shape {
    if (name === "strictObject" || name === "object" || name === "looseObject") {
      return { type: "object", strict: name === "strictObject", fields: args[0] ? this.fields(module, args[0]) : new Map() };
    }
    if (name === "literal") {
      const value = args[0]!;
      return { type: "choice", values: value.type === "ArrayExpression" ? value.elements.map((element: Node) => literalValue(module, element)) : [literalValue(module, value)] };
    }
    if (name === "_enum" || name === "enum") {
      if (args[0]?.type !== "ArrayExpression") return OPAQUE;
      return { type: "choice", values: args[0].elements.map((element: Node) => literalValue(module, element)) };
    }
    if (name === "union") {
      if (args[0]?.type !== "ArrayExpression") return OPAQUE;
      const members = (args[0].elements as Node[]).map((element) => this.shape(module, element));
      return members.every((member) => member.type === "choice")
        ? { type: "choice", values: members.flatMap((member) => (member.type === "choice" ? member.values : [])) }
        : OPAQUE;
    }
    if (name === "optional" || name === "nullable" || name === "readonly") return args[0] ? this.shape(module, args[0]) : OPAQUE;
    // A preprocessed schema validates what the function made of the input (legacy keys moved, values normalised), not the input.
    if (name === "preprocess") return OPAQUE;
    if (name === "lazy") return OPAQUE;
    if (OPAQUE_CONSTRUCTORS.has(name)) return OPAQUE;
    // A schema built by one of OpenClaw's own functions: its shape depends on arguments.
    if (module.functions.has(name) || module.imports.has(name)) return OPAQUE;
    throw unrecognised(module, `schema constructor '${name}' is not one the importer knows`, node);
  }

  shape(module: JsModule, node: Node): Shape {
    switch (node.type) {
      case "Identifier":
        return this.named(module, node.name);
      case "CallExpression":
        return this.call(module, node);
      case "ObjectExpression":
        return { type: "object", strict: false, fields: this.fields(module, node) };
      case "ConditionalExpression":
      case "LogicalExpression":
        return OPAQUE;
      default:
        throw unrecognised(module, `an unrecognised schema expression (${node.type}): ${sourceOf(module, node).slice(0, 40)}`, node);
    }
  }
}

type Rejections = Required<Pick<ConfigKeys, "strictObjects" | "choices">>;

function collect(shape: Shape, path: string[], into: Rejections): void {
  if (shape.type === "choice") {
    into.choices.push({ path: path.join("."), values: shape.values });
    return;
  }
  if (shape.type !== "object") return;
  if (shape.strict) into.strictObjects.push({ path: path.join("."), keys: [...shape.fields.keys()] });
  for (const [key, field] of shape.fields) collect(field, [...path, key], into);
}

const isDistScript = (path: string) => /^dist\/[^/]+\.m?js$/.test(path);

/** What the version's root config schema rejects, read from the dist file that defines `OpenClawSchema`. */
export function importConfigKeys(files: PackageFiles): ConfigKeys {
  const manifest = JSON.parse(files.read("package.json") ?? "{}") as { version?: string };
  const candidates = files.paths.filter(isDistScript).filter((path) => /\bconst OpenClawSchema = /.test(files.read(path) ?? ""));
  const file = candidates.sort((a, b) => (files.read(a)?.length ?? 0) - (files.read(b)?.length ?? 0))[0];
  if (!file || !manifest.version) throw unrecognised("dist", "no chunk defines `const OpenClawSchema`");
  const reader = new SchemaReader(files);
  const root = reader.named(reader.module(file), "OpenClawSchema");
  if (root.type !== "object" || !root.strict) throw unrecognised(file, "OpenClawSchema is not a strict object");
  const rejections: Rejections = { strictObjects: [], choices: [] };
  collect(root, [], rejections);
  return {
    configKeysFormat: 2,
    openclawVersion: manifest.version,
    source: { package: `openclaw@${manifest.version}`, file, note: "strict objects and literal choices reachable through object fields of OpenClawSchema; $include is resolved before validation" },
    rootKeys: [...root.fields.keys()],
    ...rejections,
  };
}
