import { matchesPrefix, segmentGlob, type SegmentTest } from "./glob.js";
import { regexHazard } from "./regex-guard.js";

/**
 * The three ways an ignore entry names changed paths. Dotted patterns and
 * pointers match the path and everything below it, like a reload rule's
 * prefix does, so `gateway.tailscale` also covers `gateway.tailscale.mode`.
 */
export type PathPatternSyntax = "dotted" | "pointer" | "regex";

export interface PathPattern {
  syntax: PathPatternSyntax;
  source: string;
  matches(segments: readonly string[], path: string): boolean;
}

export const REGEX_PREFIX = "re:";

/** Thrown for a pattern that cannot be compiled; the caller adds the file position. */
export class PatternError extends Error {}

function pointerSegments(pointer: string): string[] {
  if (pointer === "/") return [""];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function compilePathPattern(source: string): PathPattern {
  if (source.startsWith(REGEX_PREFIX)) {
    const hazard = regexHazard(source.slice(REGEX_PREFIX.length));
    if (hazard) throw new PatternError(`regular expression refused: ${hazard} (its matching time could explode on a long path)`);
    let regex: RegExp;
    try {
      regex = new RegExp(source.slice(REGEX_PREFIX.length));
    } catch (error) {
      throw new PatternError(`invalid regular expression: ${(error as Error).message}`);
    }
    return { syntax: "regex", source, matches: (_segments, path) => regex.test(path) };
  }
  if (source.startsWith("/")) {
    const wanted = pointerSegments(source);
    return {
      syntax: "pointer",
      source,
      matches: (segments) => wanted.length <= segments.length && wanted.every((segment, index) => segments[index] === segment),
    };
  }
  const parts = source.split(".");
  if (parts.some((part) => part === "")) throw new PatternError("empty segment in dotted pattern (use a /json/pointer for keys containing dots)");
  const tests: SegmentTest[] = parts.map((part) => (part === "**" ? "**" : segmentGlob(part)));
  return { syntax: "dotted", source, matches: (segments) => matchesPrefix(tests, segments) };
}
