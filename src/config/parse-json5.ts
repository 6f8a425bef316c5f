import JSON5 from "json5";
import { ClawdiffError } from "../shared/errors.js";

interface Json5SyntaxError extends SyntaxError {
  lineNumber?: number;
  columnNumber?: number;
}

/**
 * Far deeper than any real config, far shallower than the stack: every later
 * stage (includes, env, diff, report) recurses, so deeper input is refused here.
 */
export const MAX_CONFIG_DEPTH = 1000;

/** Iterative, so measuring a hostile 100,000-deep value cannot overflow the stack itself. */
function walkNodes(root: unknown, visit: (depth: number, container: boolean) => boolean): void {
  const stack: { value: object; depth: number }[] = [];
  if (typeof root === "object" && root !== null) stack.push({ value: root, depth: 1 });
  for (let top = stack.pop(); top; top = stack.pop()) {
    if (!visit(top.depth, true)) return;
    for (const child of Object.values(top.value)) {
      if (typeof child === "object" && child !== null) stack.push({ value: child, depth: top.depth + 1 });
      else visit(top.depth + 1, false);
    }
  }
}

function exceedsDepth(root: unknown, limit: number): boolean {
  let exceeds = false;
  walkNodes(root, (depth, container) => !(exceeds = container && depth > limit));
  return exceeds;
}

/** Every value in a parsed tree, containers and leaves. */
export function countNodes(root: unknown): number {
  let count = typeof root === "object" && root !== null ? 0 : 1;
  walkNodes(root, () => {
    count += 1;
    return true;
  });
  return count;
}

export function assertWithinDepth(value: unknown, displayPath: string): unknown {
  if (exceedsDepth(value, MAX_CONFIG_DEPTH)) {
    throw new ClawdiffError("too-deep", `config is nested deeper than ${MAX_CONFIG_DEPTH} levels`, { file: displayPath });
  }
  return value;
}

/**
 * Parses config text as the gateway does (JSON5). Strict JSON, the usual
 * form writers produce, takes the native JSON.parse path: same result,
 * several times faster. Only text that fails it pays for the JSON5 parser.
 */
export function parseConfigText(text: string, displayPath: string): unknown {
  return assertWithinDepth(parseSyntax(text, displayPath), displayPath);
}

function parseSyntax(text: string, displayPath: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not strict JSON; JSON5 decides and reports the position.
  }
  try {
    return JSON5.parse(text);
  } catch (error) {
    const syntax = error as Json5SyntaxError;
    const message = String(syntax.message ?? error).replace(/^JSON5: /, "").replace(/ at \d+:\d+$/, "");
    if (error instanceof RangeError) {
      throw new ClawdiffError("too-deep", "config is nested too deeply to parse", { file: displayPath });
    }
    throw new ClawdiffError("parse", `invalid JSON5: ${message}`, {
      file: displayPath,
      ...(syntax.lineNumber !== undefined ? { line: syntax.lineNumber } : {}),
      ...(syntax.columnNumber !== undefined ? { column: syntax.columnNumber } : {}),
    });
  }
}
