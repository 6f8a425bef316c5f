import { ClawdiffError } from "../shared/errors.js";
import { isPlainObject } from "../shared/values.js";
import { defineOwn } from "../shared/values.js";
import { isIndexSegment } from "./config-path.js";

/** What the operator asked for, before any writer effect. */
export type WriteRequest =
  | { operation: "config.set"; edits: PathEdit[] }
  | { operation: "config.patch"; patch: Record<string, unknown>; origin: string }
  | { operation: "agents.create"; agent: string; workspace: string };

export type PathEdit = { kind: "set"; segments: string[]; value: unknown; raw: string } | { kind: "unset"; segments: string[]; raw: string };

const cloneContainer = (value: unknown, nextIsIndex: boolean): Record<string, unknown> | unknown[] =>
  Array.isArray(value) ? [...value] : isPlainObject(value) ? { ...value } : nextIsIndex ? [] : {};

/** `openclaw config set`: missing parents become objects (arrays before an index); a scalar on the way is an error. */
export function setAtPath(root: unknown, segments: readonly string[], value: unknown, raw: string): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments as [string, ...string[]];
  const container = cloneContainer(root, isIndexSegment(head));
  if (root !== undefined && !isPlainObject(root) && !Array.isArray(root)) {
    throw new ClawdiffError("usage", `cannot set '${raw}': '${head}' is below a value that is not an object`);
  }
  if (Array.isArray(container)) {
    if (!isIndexSegment(head)) throw new ClawdiffError("usage", `cannot set '${raw}': expected a numeric index for array segment '${head}'`);
    const index = Number(head);
    container[index] = setAtPath(container[index] ?? (rest.length > 0 && isIndexSegment(rest[0]!) ? [] : undefined), rest, value, raw);
    return container;
  }
  const child = Object.hasOwn(container, head) ? container[head] : undefined;
  defineOwn(container, head, setAtPath(child, rest, value, raw));
  return container;
}

/** Removes the value at the path; the same tree when there is nothing to remove. */
export function unsetAtPath(root: unknown, segments: readonly string[]): unknown {
  if (segments.length === 0) return root;
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(root)) {
    if (!isIndexSegment(head) || Number(head) >= root.length) return root;
    const copy = [...root];
    if (rest.length === 0) copy.splice(Number(head), 1);
    else copy[Number(head)] = unsetAtPath(copy[Number(head)], rest);
    return copy;
  }
  if (!isPlainObject(root) || !Object.hasOwn(root, head)) return root;
  const copy = { ...root };
  if (rest.length === 0) delete copy[head];
  else {
    const next = unsetAtPath(root[head], rest);
    if (next === root[head]) return root;
    defineOwn(copy, head, next);
  }
  return copy;
}

/** Dotted path for messages, the form the gateway logs. */
export const dotted = (segments: readonly string[]): string => segments.join(".");
