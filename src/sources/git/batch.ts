/**
 * `git cat-file --batch --follow-symlinks` speaks one record per requested
 * object name: a header line, then the content for found objects. Parsing is
 * by byte offsets because blob contents may hold any bytes.
 */
export type BatchRecord =
  | { status: "found"; oid: string; type: string; content: Buffer }
  | { status: "missing" | "ambiguous" }
  /** A symlink that leaves the repository, or one that dangles, loops or crosses a file. */
  | { status: "symlink" | "dangling" | "loop" | "notdir"; detail: string };

const SYMLINK_STATES = new Set(["symlink", "dangling", "loop", "notdir"]);

function lineAt(output: Buffer, offset: number): { line: string; next: number } {
  const end = output.indexOf(0x0a, offset);
  const stop = end === -1 ? output.length : end;
  return { line: output.subarray(offset, stop).toString("utf8"), next: stop + 1 };
}

/** Splits the batch output into one record per requested name, in request order. */
export function parseBatchOutput(output: Buffer, names: readonly string[]): Map<string, BatchRecord> {
  const records = new Map<string, BatchRecord>();
  let offset = 0;
  for (const name of names) {
    const { line, next } = lineAt(output, offset);
    offset = next;
    const words = line.split(" ");
    if (words[0] && SYMLINK_STATES.has(words[0])) {
      const size = Number(words[1]);
      records.set(name, { status: words[0] as "symlink", detail: output.subarray(offset, offset + size).toString("utf8") });
      offset += size + 1;
    } else if (line.endsWith(" missing") || line.endsWith(" ambiguous")) {
      records.set(name, { status: line.endsWith(" missing") ? "missing" : "ambiguous" });
    } else {
      const [oid = "", type = "", sizeText = "0"] = words;
      const size = Number(sizeText);
      records.set(name, { status: "found", oid, type, content: output.subarray(offset, offset + size) });
      offset += size + 1;
    }
  }
  return records;
}
