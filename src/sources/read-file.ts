import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { ClawdiffError } from "../shared/errors.js";

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });
/** Non-blocking open: opening a FIFO for reading would otherwise wait for a writer forever. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a regular file's bytes. Checks the type on the open handle (not the
 * path) so a FIFO never blocks us and a swap between stat and read cannot
 * trick the size check; a file that grows while read stops at the limit.
 */
export function readFile(path: string, displayPath: string, maxBytes = DEFAULT_MAX_BYTES): Buffer {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw fileError(error, displayPath);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new ClawdiffError("unreadable", "is a directory, expected a config file", { file: displayPath });
    if (!stats.isFile()) throw new ClawdiffError("unreadable", "is not a regular file", { file: displayPath });
    if (stats.size > maxBytes) {
      throw new ClawdiffError("too-large", `file is ${stats.size} bytes, over the --max-bytes limit of ${maxBytes}`, { file: displayPath });
    }
    const buffer = Buffer.allocUnsafe(stats.size);
    let offset = 0;
    while (offset < buffer.length) {
      const read = readSync(fd, buffer, offset, buffer.length - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return buffer.subarray(0, offset);
  } catch (error) {
    if (error instanceof ClawdiffError) throw error;
    throw fileError(error, displayPath);
  } finally {
    closeSync(fd);
  }
}

/** Reads a regular file as UTF-8 text (see readFile). */
export function readTextFile(path: string, displayPath: string, maxBytes = DEFAULT_MAX_BYTES): string {
  return decodeUtf8(readFile(path, displayPath, maxBytes), displayPath);
}

const STDIN_CHUNK = 64 * 1024;
const STDIN_RETRY_MS = 5;

/**
 * Reads standard input up to `maxBytes` and stops there: an endless or huge
 * stream (`< /dev/zero`) is refused after the limit, not read into memory.
 */
export function readStdinText(maxBytes = DEFAULT_MAX_BYTES, displayPath = "<stdin>"): string {
  const chunks: Buffer[] = [];
  let total = 0;
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(STDIN_CHUNK, maxBytes + 1 - total));
    let read: number;
    try {
      read = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A non-blocking pipe with nothing written yet: wait briefly, then read again.
      if (code === "EAGAIN") {
        Atomics.wait(wait, 0, 0, STDIN_RETRY_MS);
        continue;
      }
      if (code === "EOF") break;
      throw fileError(error, displayPath);
    }
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > maxBytes) throw new ClawdiffError("too-large", `standard input is over the --max-bytes limit of ${maxBytes} bytes`, { file: displayPath });
  }
  return decodeUtf8(Buffer.concat(chunks, total), displayPath);
}

export function decodeUtf8(bytes: Uint8Array, displayPath: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new ClawdiffError("parse", "file is UTF-16 encoded; OpenClaw reads configs as UTF-8", { file: displayPath });
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ClawdiffError("parse", "file is not valid UTF-8", { file: displayPath });
  }
}

export function fileError(error: unknown, displayPath: string): ClawdiffError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return new ClawdiffError("not-found", "no such file or directory", { file: displayPath });
    case "EACCES":
    case "EPERM":
      return new ClawdiffError("unreadable", "permission denied", { file: displayPath });
    case "EISDIR":
      return new ClawdiffError("unreadable", "is a directory, expected a config file", { file: displayPath });
    case "ELOOP":
      return new ClawdiffError("unreadable", "too many levels of symbolic links", { file: displayPath });
    default:
      return new ClawdiffError("unreadable", `cannot read: ${code ?? String(error)}`, { file: displayPath }, { cause: error });
  }
}
