import { defineOwn, isPlainObject } from "../shared/values.js";

const NAME = /^[A-Z_][A-Z0-9_]*$/;

/** One `${VAR}` occurrence in a config string. */
export interface EnvReference {
  name: string;
  /** False when the variable is unset or empty: the gateway keeps the literal `${NAME}` and warns. */
  resolved: boolean;
}

export interface SubstitutionResult {
  text: string;
  references: EnvReference[];
}

/**
 * The gateway's scan, character by character: `$${NAME}` is an escape for a
 * literal `${NAME}`, `${NAME}` with an upper-case name is replaced when the
 * variable is set and non-empty, anything else stays as written.
 */
export function substituteString(text: string, lookup: (name: string) => string | undefined): SubstitutionResult {
  if (!text.includes("$")) return { text, references: [] };
  const references: EnvReference[] = [];
  let out = "";
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char !== "$") {
      out += char;
      index += 1;
      continue;
    }
    const escaped = text[index + 1] === "$" && text[index + 2] === "{";
    const open = escaped ? index + 2 : index + 1;
    if (text[open] === "{") {
      const close = text.indexOf("}", open + 1);
      const name = close === -1 ? "" : text.slice(open + 1, close);
      if (close !== -1 && NAME.test(name)) {
        if (escaped) out += `\${${name}}`;
        else {
          const value = lookup(name);
          const resolved = value !== undefined && value !== "";
          references.push({ name, resolved });
          out += resolved ? value : `\${${name}}`;
        }
        index = close + 1;
        continue;
      }
    }
    out += "$";
    index += 1;
  }
  return { text: out, references };
}

/** Substitutes every string value (never keys) in a config tree, returning a new tree. */
export function substituteTree(value: unknown, lookup: (name: string) => string | undefined): unknown {
  if (typeof value === "string") return substituteString(value, lookup).text;
  if (Array.isArray(value)) return value.map((item) => substituteTree(item, lookup));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) defineOwn(out, key, substituteTree(value[key], lookup));
    return out;
  }
  return value;
}

