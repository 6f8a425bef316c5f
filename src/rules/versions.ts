/**
 * OpenClaw versions look like 2026.5.3, 2026.2.6-3 (a re-release, newer than
 * 2026.2.6) and 2026.3.1-beta.1 (a pre-release, older than 2026.3.1).
 */
interface ParsedVersion {
  core: number[];
  /** 1 for a numeric re-release suffix, -1 for a pre-release tag, 0 for none. */
  suffixRank: number;
  suffix: (number | string)[];
}

function parseVersion(version: string): ParsedVersion | null {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-(.+))?$/.exec(version);
  if (!match) return null;
  const core = [Number(match[1]), Number(match[2]), Number(match[3])];
  const rawSuffix = match[4];
  if (rawSuffix === undefined) return { core, suffixRank: 0, suffix: [] };
  const suffix = rawSuffix.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return { core, suffixRank: typeof suffix[0] === "number" ? 1 : -1, suffix };
}

export function isVersion(version: string): boolean {
  return parseVersion(version) !== null;
}

function compareParts(a: (number | string)[], b: (number | string)[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const left = a[index];
    const right = b[index];
    if (left === undefined) return -1;
    if (right === undefined) return 1;
    if (left === right) continue;
    if (typeof left === "number" && typeof right === "number") return left - right;
    return String(left) < String(right) ? -1 : 1;
  }
  return 0;
}

/** Negative when a is older than b. Unparseable versions sort first. */
export function compareVersions(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (!left || !right) return left ? 1 : right ? -1 : a.localeCompare(b);
  return compareParts(left.core, right.core) || left.suffixRank - right.suffixRank || compareParts(left.suffix, right.suffix);
}
