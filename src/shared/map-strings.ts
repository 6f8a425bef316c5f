import { defineOwn, isPlainObject } from "./values.js";

/**
 * Maps every string below `value`, copy-on-write: a subtree with nothing to
 * change is returned as is, so large clean values are not duplicated.
 * `marks(key)` flags a key's subtree (once flagged, always flagged); the
 * flag reaches `map`.
 */
export function mapStrings(value: unknown, map: (text: string, inMarked: boolean) => string, marks: (key: string) => boolean = () => false, inMarked = false): unknown {
  if (typeof value === "string") return map(value, inMarked);
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((item, index) => {
      const mapped = mapStrings(item, map, marks, inMarked);
      if (mapped !== item) (copy ??= [...value])[index] = mapped;
    });
    return copy ?? value;
  }
  if (isPlainObject(value)) {
    let copy: Record<string, unknown> | null = null;
    for (const [key, child] of Object.entries(value)) {
      const mapped = mapStrings(child, map, marks, inMarked || marks(key));
      if (mapped === child) continue;
      copy ??= copyOwn(value);
      defineOwn(copy, key, mapped);
    }
    return copy ?? value;
  }
  return value;
}

/** A shallow copy that keeps keys such as `__proto__` as plain own properties. */
function copyOwn(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) defineOwn(copy, key, child);
  return copy;
}
