// Native JSON.parse, json5 only when that fails: what clawdiff does, and
// what any tool would do given strict JSON. The floor and the peers parse
// this way, so the peers race clawdiff on diffing, not on the json5 parser.
import JSON5 from "json5";

export function parseFast(text) {
  try {
    return JSON.parse(text);
  } catch {
    return JSON5.parse(text);
  }
}
