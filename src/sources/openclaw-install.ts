import { existsSync, readFileSync, realpathSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";

/** An `openclaw` package installed on this machine. */
export interface InstalledOpenclaw {
  version: string;
  /** Its package.json, where the version was read. */
  packageJson: string;
  /** How it was found: the `openclaw` command on PATH, or a global npm root. */
  via: "PATH" | "npm global root";
}

function readOpenclawManifest(path: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path, "utf8")) as { name?: unknown; version?: unknown };
    return manifest.name === "openclaw" && typeof manifest.version === "string" ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}

/** The package that owns an executable: the nearest enclosing directory whose package.json is openclaw's. */
function packageOf(executable: string): InstalledOpenclaw | null {
  let dir = dirname(realpathSync(executable));
  for (let depth = 0; depth < 6; depth += 1) {
    const manifest = join(dir, "package.json");
    const version = existsSync(manifest) ? readOpenclawManifest(manifest) : undefined;
    if (version) return { version, packageJson: manifest, via: "PATH" };
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

/**
 * The `openclaw` the operator would run: the command on PATH (a symlink into
 * its package), else the package in a global npm root (`$npm_config_prefix`,
 * then the running node's prefix).
 */
export function findInstalledOpenclaw(env: Readonly<Record<string, string | undefined>>, nodePrefix = dirname(dirname(process.execPath))): InstalledOpenclaw | null {
  for (const dir of (env["PATH"] ?? "").split(delimiter).filter(Boolean)) {
    const executable = join(dir, "openclaw");
    if (!existsSync(executable)) continue;
    const found = packageOf(executable);
    if (found) return found;
  }
  const prefixes = [env["npm_config_prefix"], env["NPM_CONFIG_PREFIX"], nodePrefix].filter((prefix): prefix is string => Boolean(prefix));
  for (const prefix of prefixes) {
    for (const root of [join(prefix, "lib", "node_modules"), join(prefix, "node_modules")]) {
      const manifest = join(root, "openclaw", "package.json");
      const version = existsSync(manifest) ? readOpenclawManifest(manifest) : undefined;
      if (version) return { version, packageJson: manifest, via: "npm global root" };
    }
  }
  return null;
}
