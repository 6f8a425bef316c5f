import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import { lazyRequire } from "./lazy-require.js";
import { ClawdiffError } from "./errors.js";

/** One ajv instance for the process: compiling a schema is the expensive part, so it is done once. */
const ajvModule = lazyRequire<typeof import("ajv")>("ajv");
let ajvInstance: Ajv | undefined;
const ajv = (): Ajv => (ajvInstance ??= new (ajvModule().Ajv)({ allErrors: false, strict: true, allowUnionTypes: true }));
const compiled = new WeakMap<object, ValidateFunction>();

function describe(error: ErrorObject): string {
  const at = error.instancePath === "" ? "(root)" : error.instancePath;
  const extra = error.keyword === "additionalProperties" ? ` '${String(error.params["additionalProperty"])}'` : "";
  const allowed = error.keyword === "enum" ? `: ${(error.params["allowedValues"] as unknown[]).join(", ")}` : "";
  return `${at} ${error.message ?? "is invalid"}${extra}${allowed}`;
}

/** Where a JSON pointer's value sits in the source text, when the caller can tell. */
export type LocatePointer = (segments: string[]) => { line: number; column: number } | undefined;

const pointerSegments = (pointer: string) =>
  pointer === "" ? [] : pointer.slice(1).split("/").map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));

/** Validates `value` against `schema`, or throws one line naming the file (line:col when locatable) and the JSON path. */
export function assertMatchesSchema<T>(schema: object, value: unknown, what: string, file: string, locate?: LocatePointer): T {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv().compile(schema);
    compiled.set(schema, validate);
  }
  if (!validate(value)) {
    const first = validate.errors?.[0];
    const position = first && locate ? locate(pointerSegments(first.instancePath)) : undefined;
    throw new ClawdiffError("catalog", `invalid ${what}: ${first ? describe(first) : "does not match its schema"}`, { file, ...position });
  }
  return value as T;
}
