// Pulls `changedPaths` out of a clawdiff JSON report without loading the
// whole file: with whole arrays as before/after values a report on the
// 50 MB pair runs past 100 MB, but changedPaths sits near the top.
import { closeSync, openSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";

const CHUNK_BYTES = 1 << 20;
const START = '"changedPaths": [';
// JSON.stringify(report, null, 2) closes a top-level array with a line of two spaces and "]".
const END = "\n  ]";

export function readChangedPaths(reportFile, maxBytes = 64 * CHUNK_BYTES) {
  const fd = openSync(reportFile, "r");
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    const decoder = new StringDecoder("utf8"); // keeps a character split across chunks whole
    let text = "";
    for (let position = 0; position < maxBytes; position += CHUNK_BYTES) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, position);
      text += decoder.write(buffer.subarray(0, read));
      const start = text.indexOf(START);
      if (start >= 0 && start + START.length < text.length) {
        if (text[start + START.length] === "]") return [];
        const end = text.indexOf(END, start);
        if (end >= 0) return JSON.parse(`[${text.slice(start + START.length, end)}]`);
      }
      if (read < CHUNK_BYTES) break;
    }
    return null;
  } finally {
    closeSync(fd);
  }
}
