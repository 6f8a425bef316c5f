import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gunzipSync } from "node:zlib";
import type { PackageFiles } from "../rules/import/import-catalog.js";
import { ClawdiffError } from "../shared/errors.js";

/**
 * Opens a published package for `rules import`: an unpacked directory (the
 * `package/` folder `npm pack` + `tar xzf` leaves, or its parent) or the
 * `.tgz` itself, read in memory with a minimal tar reader. Only regular
 * files are kept, by path relative to the package root.
 */
export function openPackage(location: string): PackageFiles {
  if (!existsSync(location)) throw new ClawdiffError("not-found", `no such package: ${location}`, { file: location });
  if (statSync(location).isDirectory()) return openDirectory(location);
  if (/\.(tgz|tar\.gz)$/.test(location)) return openTarball(location);
  throw new ClawdiffError("usage", "rules import expects an unpacked package directory or a .tgz from npm pack", { file: location });
}

function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") walk(full);
      } else if (entry.isFile()) files.push(relative(root, full).split(sep).join("/"));
    }
  };
  walk(root);
  return files;
}

function openDirectory(location: string): PackageFiles {
  const root = existsSync(join(location, "package.json")) ? location : join(location, "package");
  if (!existsSync(join(root, "package.json"))) throw new ClawdiffError("not-found", "no package.json in the package directory (or its package/ folder)", { file: location });
  const paths = listFiles(root);
  const known = new Set(paths);
  return { paths, read: (path) => (known.has(path) ? readFileSync(join(root, path), "utf8") : undefined) };
}

const BLOCK = 512;
const field = (block: Buffer, start: number, length: number) => block.subarray(start, start + length).toString("utf8").replace(/\0[\s\S]*$/, "");

/** Regular files of a tar archive, with pax `path` records and ustar name prefixes honoured. */
export function readTar(archive: Buffer, display: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let offset = 0;
  let paxPath: string | undefined;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
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

function openTarball(location: string): PackageFiles {
  let archive: Buffer;
  try {
    archive = gunzipSync(readFileSync(location));
  } catch (error) {
    throw new ClawdiffError("parse", `not a gzip archive: ${error instanceof Error ? error.message : String(error)}`, { file: location });
  }
  const entries = new Map<string, Buffer>();
  for (const [name, body] of readTar(archive, location)) entries.set(name.replace(/^[^/]+\//, ""), body);
  return { paths: [...entries.keys()], read: (path) => entries.get(path)?.toString("utf8") };
}
