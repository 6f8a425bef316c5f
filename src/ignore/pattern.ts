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

const escapeRegex = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

/** `*` inside a segment matches any characters of that one segment. */
function segmentMatcher(segment: string): (candidate: string) => boolean {
  if (!segment.includes("*")) return (candidate) => candidate === segment;
  const regex = new RegExp(`^${segment.split("*").map(escapeRegex).join(".*")}$`, "s");
  return (candidate) => regex.test(candidate);
}

type SegmentTest = ((candidate: string) => boolean) | "**";

/** True when `tests` match a leading run of `segments` (the path itself or one of its ancestors). */
function matchesPrefix(tests: readonly SegmentTest[], segments: readonly string[], at = 0, from = 0): boolean {
  if (at === tests.length) return true;
  const test = tests[at]!;
  if (test === "**") {
    for (let next = from; next <= segments.length; next += 1) if (matchesPrefix(tests, segments, at + 1, next)) return true;
    return false;
  }
  return from < segments.length && test(segments[from]!) && matchesPrefix(tests, segments, at + 1, from + 1);
}

function pointerSegments(pointer: string): string[] {
  if (pointer === "/") return [""];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function compilePathPattern(source: string): PathPattern {
  if (source.startsWith(REGEX_PREFIX)) {
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
  const tests: SegmentTest[] = parts.map((part) => (part === "**" ? "**" : segmentMatcher(part)));
  return { syntax: "dotted", source, matches: (segments) => matchesPrefix(tests, segments) };
}
