import { jsonDeepEqual } from "../shared/json-equal.js";
import deepDiff from "deep-diff";
import { isPlainObject } from "../shared/values.js";

export interface ArrayElementChange {
  /** The element's id/name where elements have one, else its index. */
  key: string;
  change: "added" | "removed" | "modified";
  /** Paths inside the element that differ (from deep-diff), for modified elements. */
  fields?: string[];
}

export interface ArrayDetail {
  reorderOnly: boolean;
  elements: ArrayElementChange[];
}

const IDENTITY_KEYS = ["id", "name", "key", "pluginId", "agentId"];

function identityOf(element: unknown): string | null {
  if (!isPlainObject(element)) return null;
  for (const key of IDENTITY_KEYS) {
    const value = element[key];
    if (typeof value === "string" || typeof value === "number") return `${key}=${value}`;
  }
  return null;
}

function keyedElements(list: unknown[]): Map<string, unknown> | null {
  const keyed = new Map<string, unknown>();
  for (const element of list) {
    const identity = identityOf(element);
    if (identity === null || keyed.has(identity)) return null;
    keyed.set(identity, element);
  }
  return keyed;
}

function fieldPaths(before: unknown, after: unknown): string[] {
  return (deepDiff.diff(before, after) ?? []).map((difference) => (difference.path ?? []).join(".") || "(whole element)");
}

function sameMultiset(before: unknown[], after: unknown[]): boolean {
  if (before.length !== after.length) return false;
  const remaining = [...after];
  for (const element of before) {
    const index = remaining.findIndex((candidate) => jsonDeepEqual(candidate, element));
    if (index === -1) return false;
    remaining.splice(index, 1);
  }
  return true;
}

/**
 * The gateway reports a changed array as a whole; this names the elements.
 * Elements with an id/name are matched by it, others by position.
 */
export function describeArrayChange(before: unknown[], after: unknown[]): ArrayDetail {
  const previous = keyedElements(before);
  const next = keyedElements(after);
  if (previous && next) {
    const elements: ArrayElementChange[] = [];
    for (const [key, element] of previous) {
      if (!next.has(key)) elements.push({ key, change: "removed" });
      else if (!jsonDeepEqual(element, next.get(key))) elements.push({ key, change: "modified", fields: fieldPaths(element, next.get(key)) });
    }
    for (const key of next.keys()) if (!previous.has(key)) elements.push({ key, change: "added" });
    return { reorderOnly: elements.length === 0, elements };
  }
  // Reorder detection is quadratic; only small unkeyed arrays get it.
  if (before.length <= 200 && sameMultiset(before, after)) return { reorderOnly: true, elements: [] };
  const elements: ArrayElementChange[] = [];
  for (let index = 0; index < Math.max(before.length, after.length); index += 1) {
    if (index >= before.length) elements.push({ key: `[${index}]`, change: "added" });
    else if (index >= after.length) elements.push({ key: `[${index}]`, change: "removed" });
    else if (!jsonDeepEqual(before[index], after[index])) {
      elements.push({ key: `[${index}]`, change: "modified", fields: fieldPaths(before[index], after[index]) });
    }
  }
  return { reorderOnly: false, elements };
}
