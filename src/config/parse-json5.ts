import JSON5 from "json5";
import { ClawdiffError } from "../shared/errors.js";

interface Json5SyntaxError extends SyntaxError {
  lineNumber?: number;
  columnNumber?: number;
}

/**
 * Parses config text as the gateway does (JSON5). Strict JSON, the usual
 * form writers produce, takes the native JSON.parse path: same result,
 * several times faster. Only text that fails it pays for the JSON5 parser.
 */
export function parseConfigText(text: string, displayPath: string): unknown {
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
