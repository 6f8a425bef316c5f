import { ClawdiffError } from "../shared/errors.js";
import type { WriterModel } from "./model.js";

const BLOCKED_SEGMENTS = new Set(["__proto__", "prototype", "constructor"]);

function bracketSegment(inside: string, raw: string): string {
  if (!inside.startsWith('"') && !inside.startsWith("'")) return inside;
  const quote = inside[0]!;
  if (inside.length < 2 || !inside.endsWith(quote)) throw pathError(`invalid bracket string (${inside})`, raw);
  return inside.slice(1, -1).replace(/\\(.)/g, "$1");
}

function pathError(reason: string, raw: string): ClawdiffError {
  return new ClawdiffError("usage", `invalid config path '${raw}': ${reason}`);
}

/**
 * Splits a path the way `openclaw config set` of the model's version does:
 * `a.b[3].c`, `a["key.with.dots"]`, backslash escapes. The strict style of
 * later versions also refuses empty segments and a bracket glued to a name.
 */
export function parseConfigPath(raw: string, syntax: WriterModel["pathSyntax"]): string[] {
  const text = raw.trim();
  if (text === "") throw pathError("the path is empty", raw);
  const strict = syntax.style === "dots-brackets-strict";
  const parts: string[] = [];
  let current = "";
  let afterBracket = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (character === "\\") {
      if (index + 1 >= text.length) throw pathError("trailing escape", raw);
      current += text[++index];
      continue;
    }
    if (character === ".") {
      if (strict && current.trim() === "" && !afterBracket) throw pathError("empty segment", raw);
      if (current.trim() !== "") parts.push(current.trim());
      current = "";
      afterBracket = false;
      continue;
    }
    if (character === "[" && syntax.style !== "dots") {
      if (current.trim() !== "") parts.push(current.trim());
      current = "";
      const close = text.indexOf("]", index);
      if (close === -1) throw pathError('missing "]"', raw);
      const inside = text.slice(index + 1, close).trim();
      if (inside === "") throw pathError('empty "[]"', raw);
      parts.push(bracketSegment(inside, raw));
      const next = text[close + 1];
      if (strict && next !== undefined && next !== "." && next !== "[") throw pathError("missing separator after bracket", raw);
      index = close;
      afterBracket = true;
      continue;
    }
    current += character;
  }
  if (strict && current.trim() === "" && !afterBracket) throw pathError("empty segment", raw);
  if (current.trim() !== "") parts.push(current.trim());
  const blocked = parts.find((part) => BLOCKED_SEGMENTS.has(part));
  if (blocked !== undefined) throw pathError(`segment '${blocked}' is refused`, raw);
  return parts;
}

export const isIndexSegment = (segment: string): boolean => /^\d+$/.test(segment);
