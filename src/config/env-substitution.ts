import { defineOwn, isPlainObject } from "../shared/values.js";

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

const isNameStart = (code: number) => (code >= 65 && code <= 90) || code === 95;
const isNameChar = (code: number) => isNameStart(code) || (code >= 48 && code <= 57);

/**
 * The end of the `${NAME}` whose `{` is at `open`: the index of its `}`, or
 * -1 when the text there is not a reference. Scans only name characters,
 * so no stretch of text is scanned twice and the whole substitution stays
 * linear (searching for the next `}` from every `${` was quadratic).
 */
function referenceEnd(text: string, open: number): number {
  let index = open + 1;
  if (index >= text.length || !isNameStart(text.charCodeAt(index))) return -1;
  while (index < text.length && isNameChar(text.charCodeAt(index))) index += 1;
  return text[index] === "}" ? index : -1;
}

/**
 * The gateway's scan, character by character: `$${NAME}` is an escape for a
 * literal `${NAME}`, `${NAME}` with an upper-case name is replaced when the
 * variable is set and non-empty, anything else stays as written.
 */
export function substituteString(text: string, lookup: (name: string) => string | undefined): SubstitutionResult {
  if (!text.includes("$")) return { text, references: [] };
  const references: EnvReference[] = [];
  const out: string[] = [];
  let copied = 0;
  for (let index = text.indexOf("$"); index !== -1 && index < text.length; index = text.indexOf("$", index)) {
    const escaped = text[index + 1] === "$" && text[index + 2] === "{";
    const open = escaped ? index + 2 : index + 1;
    const close = text[open] === "{" ? referenceEnd(text, open) : -1;
    if (close === -1) {
      index += 1;
      continue;
    }
    const name = text.slice(open + 1, close);
    out.push(text.slice(copied, index));
    if (escaped) out.push(`\${${name}}`);
    else {
      const value = lookup(name);
      const resolved = value !== undefined && value !== "";
      references.push({ name, resolved });
      out.push(resolved ? value : `\${${name}}`);
    }
    copied = close + 1;
    index = close + 1;
  }
  out.push(text.slice(copied));
  return { text: out.join(""), references };
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

