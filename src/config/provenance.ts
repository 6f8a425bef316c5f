import { dirname, isAbsolute, normalize, relative, resolve } from "node:path";
import { isPlainObject } from "../shared/values.js";
import { INCLUDE_KEY, type ConfigFile } from "./includes.js";
import { locateManyInText, positionKey, type TextPosition } from "./locate.js";

/** Where one effective value was written: a file, the key path inside it, and its position. */
export interface ValueOrigin {
  file: string;
  /** The file relative to the main config's directory: comparable across the two sides. */
  relativeFile: string;
  pathInFile: string[];
  line?: number;
  column?: number;
}

interface Contributor {
  file: ConfigFile;
  node: unknown;
  pathInFile: string[];
}

/**
 * Follows a path through the authored files: at each step, an object with
 * `$include` contributes its included files first and its own keys last (the
 * later contributor wins, objects and arrays merge). Done on demand, so only
 * the paths a report shows pay for it.
 */
export class OriginFinder {
  constructor(
    private readonly root: ConfigFile,
    private readonly files: ReadonlyMap<string, ConfigFile>,
  ) {}

  private expand(contributor: Contributor): Contributor[] {
    const { node, file } = contributor;
    if (!isPlainObject(node) || !Object.hasOwn(node, INCLUDE_KEY)) return [contributor];
    const specs = node[INCLUDE_KEY];
    const list = typeof specs === "string" ? [specs] : Array.isArray(specs) ? specs.filter((spec): spec is string => typeof spec === "string") : [];
    const included = list.flatMap((spec) => {
      const target = normalize(isAbsolute(spec) ? spec : resolve(dirname(file.path), spec));
      const includedFile = this.files.get(target);
      return includedFile ? this.expand({ file: includedFile, node: includedFile.parsed, pathInFile: [] }) : [];
    });
    return [...included, contributor];
  }

  private contributorsAt(segments: readonly string[]): Contributor[] {
    let current: Contributor[] = [{ file: this.root, node: this.root.parsed, pathInFile: [] }];
    for (const key of segments) {
      const next: Contributor[] = [];
      for (const contributor of current.flatMap((item) => this.expand(item))) {
        if (isPlainObject(contributor.node) && Object.hasOwn(contributor.node, key)) {
          next.push({ file: contributor.file, node: contributor.node[key], pathInFile: [...contributor.pathInFile, key] });
        }
      }
      current = effective(next);
      if (current.length === 0) break;
    }
    return current;
  }

  /**
   * The files whose text holds the value at `segments`: like the origins,
   * but an object that is only an `$include` counts as the included files,
   * so a subtree moved into an include shows up as moved.
   */
  contentFilesFor(segments: readonly string[]): string[] {
    const holders = this.contributorsAt(segments)
      .flatMap((contributor) => this.expand(contributor))
      .filter(({ node }) => !isPlainObject(node) || Object.keys(node).some((key) => key !== INCLUDE_KEY));
    return [...new Set(holders.map(({ file }) => this.relativeName(file)))].sort();
  }

  private relativeName(file: ConfigFile): string {
    return relative(dirname(this.root.path), file.path).split("\\").join("/");
  }

  /** Origins for many paths at once: one scan per file, however many paths point into it. */
  originsFor(paths: readonly (readonly string[])[]): ValueOrigin[][] {
    const perPath = paths.map((segments) => this.contributorsAt(segments));
    const wantedByFile = new Map<ConfigFile, string[][]>();
    for (const contributors of perPath) {
      for (const { file, pathInFile } of contributors) {
        const list = wantedByFile.get(file) ?? [];
        list.push(pathInFile);
        wantedByFile.set(file, list);
      }
    }
    const positions = new Map<ConfigFile, Map<string, TextPosition>>();
    for (const [file, wanted] of wantedByFile) positions.set(file, locateManyInText(file.text, wanted));
    return perPath.map((contributors) =>
      contributors.map(({ file, pathInFile }) => ({
        file: file.display,
        relativeFile: this.relativeName(file),
        pathInFile,
        ...(positions.get(file)?.get(positionKey(pathInFile)) ?? {}),
      })),
    );
  }
}

/** The contributors whose values survive the merge: the last one, plus earlier ones it merges with. */
function effective(contributors: Contributor[]): Contributor[] {
  const last = contributors[contributors.length - 1];
  if (!last) return [];
  const mergeable = isPlainObject(last.node) ? isPlainObject : Array.isArray(last.node) ? Array.isArray : null;
  if (!mergeable) return [last];
  let start = contributors.length - 1;
  while (start > 0 && mergeable(contributors[start - 1]!.node)) start -= 1;
  return contributors.slice(start);
}
