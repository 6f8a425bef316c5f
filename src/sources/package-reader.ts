import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gunzipSync } from "node:zlib";
import type { PackageFiles } from "../rules/import/import-catalog.js";
import { ClawdiffError } from "../shared/errors.js";
import { readFile } from "./read-file.js";

/**
 * A published OpenClaw package is tens of MB packed and a few hundred MB
 * unpacked, with some ten thousand files; these bounds sit well above that
 * and far below what a crafted archive (a gzip bomb, a million entries)
 * would cost.
 */
export interface PackageLimits {
  archiveBytes: number;
  unpackedBytes: number;
  /** Unpacked bytes per packed byte; real packages stay under 10. */
  expansionRatio: number;
  /** The ratio only counts above this size. */
  ratioFloorBytes: number;
  entries: number;
  fileBytes: number;
}

export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  archiveBytes: 512 * 1024 * 1024,
  unpackedBytes: 1024 * 1024 * 1024,
  expansionRatio: 32,
  ratioFloorBytes: 64 * 1024 * 1024,
  entries: 200_000,
  fileBytes: 256 * 1024 * 1024,
};

/**
 * Opens a published package for `rules import`: an unpacked directory (the
 * `package/` folder `npm pack` + `tar xzf` leaves, or its parent) or the
 * `.tgz` itself, read in memory with a minimal tar reader. Only regular
 * files are kept, by path relative to the package root.
 */
export function openPackage(location: string, limits: PackageLimits = DEFAULT_PACKAGE_LIMITS): PackageFiles {
  if (!existsSync(location)) throw new ClawdiffError("not-found", `no such package: ${location}`, { file: location });
  if (statSync(location).isDirectory()) return openDirectory(location, limits);
  if (/\.(tgz|tar\.gz)$/.test(location)) return openTarball(location, limits);
  throw new ClawdiffError("usage", "rules import expects an unpacked package directory or a .tgz from npm pack", { file: location });
}

const tooManyEntries = (limits: PackageLimits, location: string) =>
  new ClawdiffError("too-large", `package has more than ${limits.entries} entries; refusing it`, { file: location });

function listFiles(root: string, limits: PackageLimits, location: string): string[] {
  const files: string[] = [];
  let seen = 0;
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if ((seen += 1) > limits.entries) throw tooManyEntries(limits, location);
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") pending.push(full);
      } else if (entry.isFile()) files.push(relative(root, full).split(sep).join("/"));
    }
  }
  return files.sort();
}

function openDirectory(location: string, limits: PackageLimits): PackageFiles {
  const root = existsSync(join(location, "package.json")) ? location : join(location, "package");
  if (!existsSync(join(root, "package.json"))) throw new ClawdiffError("not-found", "no package.json in the package directory (or its package/ folder)", { file: location });
  const paths = listFiles(root, limits, location);
  const known = new Set(paths);
  return { paths, read: (path) => (known.has(path) ? readFile(join(root, path), join(location, path), limits.fileBytes).toString("utf8") : undefined) };
}

const BLOCK = 512;
const field = (block: Buffer, start: number, length: number) => block.subarray(start, start + length).toString("utf8").replace(/\0[\s\S]*$/, "");

/** Regular files of a tar archive, with pax `path` records and ustar name prefixes honoured. */
export function readTar(archive: Buffer, display: string, maxEntries = DEFAULT_PACKAGE_LIMITS.entries): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let offset = 0;
  let entries = 0;
  let paxPath: string | undefined;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    if ((entries += 1) > maxEntries) throw new ClawdiffError("too-large", `package has more than ${maxEntries} entries; refusing it`, { file: display });
    const size = parseInt(field(header, 124, 12).trim() || "0", 8);
    if (Number.isNaN(size)) throw new ClawdiffError("parse", "corrupt tar header", { file: display });
    const type = String.fromCharCode(header[156] || 48);
    const prefix = field(header, 345, 155);
    const name = paxPath ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    const body = archive.subarray(offset + BLOCK, offset + BLOCK + size);
    paxPath = undefined;
    if (type === "x") paxPath = /\d+ path=([^\n]*)\n/.exec(body.toString("utf8"))?.[1];
    else if (type === "0" || type === "\0") files.set(name, body);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}

/** How far the archive may unpack: the absolute bound, and a ratio bound that stops a bomb early. */
function unpackedLimit(packedBytes: number, limits: PackageLimits): number {
  return Math.min(limits.unpackedBytes, Math.max(limits.ratioFloorBytes, packedBytes * limits.expansionRatio));
}

function openTarball(location: string, limits: PackageLimits): PackageFiles {
  const packed = readFile(location, location, limits.archiveBytes);
  const maxOutputLength = unpackedLimit(packed.length, limits);
  let archive: Buffer;
  try {
    archive = gunzipSync(packed, { maxOutputLength });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      throw new ClawdiffError("too-large", `archive of ${packed.length} bytes unpacks to more than ${maxOutputLength} bytes; refusing it (a gzip bomb?)`, { file: location });
    }
    throw new ClawdiffError("parse", `not a gzip archive: ${error instanceof Error ? error.message : String(error)}`, { file: location });
  }
  const entries = new Map<string, Buffer>();
  for (const [name, body] of readTar(archive, location, limits.entries)) entries.set(name.replace(/^[^/]+\//, ""), body);
  return { paths: [...entries.keys()], read: (path) => entries.get(path)?.toString("utf8") };
}
