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

/** How an element's identity prints: `field=value`, with the value redacted where the caller says it is secret. */
export type IdentityText = (field: string, value: string | number, side: "before" | "after", index: number) => string;

/** Keyed by `field=value`, what matches elements across the sides; only `text` is ever printed. */
interface Identified {
  element: unknown;
  text: string;
}

function identityOf(element: unknown): { field: string; value: string | number } | null {
  if (!isPlainObject(element)) return null;
  for (const field of IDENTITY_KEYS) {
    const value = element[field];
    if (typeof value === "string" || typeof value === "number") return { field, value };
  }
  return null;
}

function keyedElements(list: unknown[], side: "before" | "after", identityText: IdentityText): Map<string, Identified> | null {
  const keyed = new Map<string, Identified>();
  for (const [index, element] of list.entries()) {
    const found = identityOf(element);
    const identity = found && `${found.field}=${found.value}`;
    if (!found || identity === null || keyed.has(identity)) return null;
    keyed.set(identity, { element, text: identityText(found.field, found.value, side, index) });
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
export function describeArrayChange(before: unknown[], after: unknown[], identityText: IdentityText): ArrayDetail {
  const previous = keyedElements(before, "before", identityText);
  const next = keyedElements(after, "after", identityText);
  if (previous && next) {
    const elements: ArrayElementChange[] = [];
    for (const [identity, { element, text }] of previous) {
      const counterpart = next.get(identity);
      if (!counterpart) elements.push({ key: text, change: "removed" });
      else if (!jsonDeepEqual(element, counterpart.element)) elements.push({ key: text, change: "modified", fields: fieldPaths(element, counterpart.element) });
    }
    for (const [identity, { text }] of next) if (!previous.has(identity)) elements.push({ key: text, change: "added" });
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
