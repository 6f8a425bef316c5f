import ignoreSchema from "../../schemas/ignore.schema.json" with { type: "json" };
import { locateInText, locateManyInText, positionKey } from "../config/locate.js";
import { parseConfigText } from "../config/parse-json5.js";
import { ClawdiffError } from "../shared/errors.js";
import { assertMatchesSchema } from "../shared/schema-validation.js";
import { compilePathPattern, PatternError, type PathPattern } from "./pattern.js";

/** One entry as the report shows it: the pattern, why, and where it is written. */
export interface IgnoreEntryRef {
  path: string;
  reason: string;
  until?: string;
  file: string;
  line?: number;
  column?: number;
}

export interface IgnoreEntry {
  ref: IgnoreEntryRef;
  pattern: PathPattern;
}

export interface IgnoreFile {
  /** The file as named in messages (relative to the working directory when shorter). */
  file: string;
  entries: IgnoreEntry[];
}

interface RawIgnoreFile {
  ignore: { path: string; reason: string; until?: string }[];
}

export const IGNORE_FILE_NAME = ".clawdiffignore.json5";

const isRealDate = (date: string) => {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
};

/** Parses and validates an ignore file's text; every error names the file and, where known, the line. */
export function parseIgnoreFile(text: string, file: string): IgnoreFile {
  const raw = assertMatchesSchema<RawIgnoreFile>(ignoreSchema, parseConfigText(text, file), "ignore file", file, (segments) =>
    locateInText(text, segments),
  );
  const wanted = raw.ignore.map((_, index) => ["ignore", String(index)]);
  const positions = locateManyInText(text, wanted);
  const entries = raw.ignore.map((entry, index): IgnoreEntry => {
    const position = positions.get(positionKey(wanted[index]!));
    const ref: IgnoreEntryRef = {
      path: entry.path,
      reason: entry.reason,
      ...(entry.until !== undefined ? { until: entry.until } : {}),
      file,
      ...(position ? { line: position.line, column: position.column } : {}),
    };
    const where = { file, ...(position ? { line: position.line, column: position.column } : {}) };
    if (entry.until !== undefined && !isRealDate(entry.until)) {
      throw new ClawdiffError("parse", `invalid ignore file: /ignore/${index}/until '${entry.until}' is not a calendar date`, where);
    }
    try {
      return { ref, pattern: compilePathPattern(entry.path) };
    } catch (error) {
      if (error instanceof PatternError) throw new ClawdiffError("parse", `invalid ignore file: /ignore/${index}/path ${error.message}`, where);
      throw error;
    }
  });
  return { file, entries };
}
