/**
 * `isDeepStrictEqual` for parsed config data (plain objects, arrays, strings,
 * numbers, booleans, null), which is all JSON5, `$include` and `${VAR}` ever
 * produce. Node's general version also checks prototypes, symbols and
 * non-index array keys on every object; skipping what config data cannot
 * hold makes it several times faster on the 50,000-agent arrays the gateway
 * compares whole. Numbers compare with Object.is, so -0 and 0 differ as they
 * do there. An object that is not a plain Object.prototype record falls back
 * to Node's own comparison; symbol keys, which no parser produces, are not read.
 */
import { isDeepStrictEqual } from "node:util";

export function jsonDeepEqual(left: unknown, right: unknown): boolean {
  if (left === right) return left !== 0 || Object.is(left, right);
  if (typeof left !== "object" || typeof right !== "object" || left === null || right === null) {
    return typeof left === "number" && typeof right === "number" && Number.isNaN(left) && Number.isNaN(right);
  }
  const leftIsArray = Array.isArray(left);
  if (leftIsArray !== Array.isArray(right)) return false;
  if (leftIsArray) return arraysEqual(left as unknown[], right as unknown[]);
  if (!isPlainRecord(left) || !isPlainRecord(right)) return isDeepStrictEqual(left, right);
  return recordsEqual(left, right);
}

function arraysEqual(left: unknown[], right: unknown[]): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index += 1) if (!jsonDeepEqual(left[index], right[index])) return false;
  return true;
}

function recordsEqual(left: Record<string, unknown>, right: Record<string, unknown>): boolean {
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(right, key) || !jsonDeepEqual(left[key], right[key])) return false;
  }
  return true;
}

const isPlainRecord = (value: object): value is Record<string, unknown> => Object.getPrototypeOf(value) === Object.prototype;
