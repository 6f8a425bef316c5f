/**
 * JSON text written in pieces as it is produced, byte for byte what
 * `JSON.stringify(value, null, indent)` gives for report data (plain objects,
 * arrays, strings, finite numbers, booleans, null; `undefined` members
 * dropped). A report carrying a whole changed 50,000-agent list is hundreds
 * of MB of text: building it as one string doubled the peak memory.
 */
const CHUNK = 1 << 16;

export function writeJson(value: unknown, write: (chunk: string) => void, indent = 2): void {
  const out = new ChunkedWriter(write);
  emit(value, "", " ".repeat(indent), out);
  out.flush();
}

/** One JSON value per line (no indent), as ndjson wants; `records` may be produced lazily. */
export function writeJsonLines(records: Iterable<unknown>, write: (chunk: string) => void): void {
  const out = new ChunkedWriter(write);
  for (const record of records) {
    emit(record, "", "", out);
    out.push("\n");
  }
  out.flush();
}

class ChunkedWriter {
  private pieces: string[] = [];
  private size = 0;
  constructor(private readonly write: (chunk: string) => void) {}
  push(piece: string): void {
    this.pieces.push(piece);
    this.size += piece.length;
    if (this.size >= CHUNK) this.flush();
  }
  flush(): void {
    if (this.size === 0) return;
    this.write(this.pieces.join(""));
    this.pieces = [];
    this.size = 0;
  }
}

function emit(value: unknown, margin: string, step: string, out: ChunkedWriter): void {
  if (value !== null && typeof value === "object") {
    const json = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof json === "function") return emit(json.call(value), margin, step, out);
    return Array.isArray(value) ? emitArray(value, margin, step, out) : emitObject(value as Record<string, unknown>, margin, step, out);
  }
  out.push(scalar(value) ?? "null");
}

/** A scalar's text, or undefined for what JSON.stringify leaves out of objects. */
function scalar(value: unknown): string | undefined {
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return undefined;
  if (typeof value === "bigint") throw new TypeError("Do not know how to serialize a BigInt");
  return JSON.stringify(value);
}

const isOmitted = (value: unknown) => value === undefined || typeof value === "function" || typeof value === "symbol";

function emitArray(items: readonly unknown[], margin: string, step: string, out: ChunkedWriter): void {
  if (items.length === 0) return out.push("[]");
  const inner = margin + step;
  const open = step ? `\n${inner}` : "";
  out.push("[");
  items.forEach((item, index) => {
    out.push(index === 0 ? open : `,${open}`);
    if (isOmitted(item)) out.push("null");
    else emit(item, inner, step, out);
  });
  out.push(step ? `\n${margin}]` : "]");
}

function emitObject(record: Record<string, unknown>, margin: string, step: string, out: ChunkedWriter): void {
  const inner = margin + step;
  const open = step ? `\n${inner}` : "";
  const colon = step ? ": " : ":";
  let first = true;
  for (const key of Object.keys(record)) {
    const member = record[key];
    if (isOmitted(member)) continue;
    out.push(first ? `{${open}` : `,${open}`);
    first = false;
    out.push(JSON.stringify(key) + colon);
    emit(member, inner, step, out);
  }
  out.push(first ? "{}" : step ? `\n${margin}}` : "}");
}
