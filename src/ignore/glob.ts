/**
 * Glob matching that cannot backtrack. Within a segment only `*` is
 * special, so the literal pieces between stars can be found greedily, each
 * at its leftmost place after the previous one: a found piece never has to
 * move, and the work is one pass of substring searches. (A `.*` regex of
 * the same glob backtracked exponentially on `*a*a*a…*c`.)
 */
export function segmentGlob(glob: string): (candidate: string) => boolean {
  if (!glob.includes("*")) return (candidate) => candidate === glob;
  const pieces = glob.split("*");
  const first = pieces[0]!;
  const last = pieces.at(-1)!;
  const middle = pieces.slice(1, -1).filter((piece) => piece !== "");
  return (candidate) => {
    if (candidate.length < first.length + last.length || !candidate.startsWith(first) || !candidate.endsWith(last)) return false;
    let from = first.length;
    const end = candidate.length - last.length;
    for (const piece of middle) {
      const at = candidate.indexOf(piece, from);
      if (at === -1 || at + piece.length > end) return false;
      from = at + piece.length;
    }
    return true;
  };
}

export type SegmentTest = ((candidate: string) => boolean) | "**";

/**
 * Whether `tests` match a leading run of `segments` (the path itself or
 * one of its ancestors), `**` standing for any number of segments. Runs
 * the pattern as a set of positions advanced one segment at a time, so
 * `**.**.**…` costs tests × segments instead of exploding.
 */
export function matchesPrefix(tests: readonly SegmentTest[], segments: readonly string[]): boolean {
  const done = tests.length;
  // `**` may match no segment: every position is also the positions after its stars.
  const close = (positions: Set<number>) => {
    for (const position of positions) if (tests[position] === "**") positions.add(position + 1);
    return positions;
  };
  let positions = close(new Set([0]));
  for (const segment of segments) {
    if (positions.has(done)) return true;
    const next = new Set<number>();
    for (const position of positions) {
      const test = tests[position];
      if (test === "**") next.add(position);
      else if (test && test(segment)) next.add(position + 1);
    }
    if (next.size === 0) return false;
    positions = close(next);
  }
  return positions.has(done);
}
