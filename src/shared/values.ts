/** The gateway's own notion of "plain object": arrays, null and class instances are leaves. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.prototype.toString.call(value) === "[object Object]"
  );
}

export function getAtSegments(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (!isPlainObject(node) || !Object.hasOwn(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}

/** Sets an own data property even for keys such as `__proto__`, as JSON parsers do. */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Whether a dotted path is `prefix` or lies below it; the empty prefix (the root) holds every path. */
export const isPathWithin = (path: string, prefix: string): boolean => prefix === "" || path === prefix || path.startsWith(`${prefix}.`);
