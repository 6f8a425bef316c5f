import type { InstallRecordNoop } from "../rules/catalog.js";
import { getAtSegments, isPlainObject } from "../shared/values.js";

/**
 * The gateway's special case for plugin install records: when both sides
 * hold a record, its timestamp stamps are bookkeeping (noop); when a whole
 * record appears or vanishes, its path is forced through the rules even if
 * it looks like a stamp.
 */
export interface InstallRecordPaths {
  timestampNoopPaths: string[];
  wholeRecordPaths: string[];
}

function records(config: unknown, recordsPath: string): Record<string, unknown> {
  const found = getAtSegments(config, recordsPath.split("."));
  return isPlainObject(found) ? found : {};
}

export function listInstallRecordPaths(before: unknown, after: unknown, spec: InstallRecordNoop): InstallRecordPaths {
  const previous = records(before, spec.recordsPath);
  const next = records(after, spec.recordsPath);
  const timestampNoopPaths: string[] = [];
  const wholeRecordPaths: string[] = [];
  for (const id of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    const previousRecord = previous[id];
    const nextRecord = next[id];
    if (!isPlainObject(previousRecord) || !isPlainObject(nextRecord)) {
      wholeRecordPaths.push(`${spec.recordsPath}.${id}`);
      continue;
    }
    for (const key of spec.timestampKeys) {
      if (previousRecord[key] !== nextRecord[key]) timestampNoopPaths.push(`${spec.recordsPath}.${id}.${key}`);
    }
  }
  return { timestampNoopPaths, wholeRecordPaths };
}

export function mergeInstallRecordPaths(...parts: InstallRecordPaths[]): InstallRecordPaths {
  return {
    timestampNoopPaths: parts.flatMap((part) => part.timestampNoopPaths),
    wholeRecordPaths: parts.flatMap((part) => part.wholeRecordPaths),
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The planner's fallback test when no explicit noop list is given: a stamp key under a record. */
export function installTimestampPattern(spec: InstallRecordNoop): RegExp {
  return new RegExp(`^${escapeRegExp(spec.recordsPath)}\\..+\\.(${spec.timestampKeys.map(escapeRegExp).join("|")})$`);
}
