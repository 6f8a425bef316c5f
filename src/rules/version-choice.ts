import { compareVersions, isVersion } from "./versions.js";

/** Where the OpenClaw version a run judges by came from. */
export type VersionSource =
  | { from: "--rules" }
  | { from: "--openclaw" }
  | { from: "meta.lastTouchedVersion"; side: "after" | "before" }
  | { from: "installed"; via: string; packageJson: string }
  | { from: "latest" };

export interface VersionChoice {
  /** The `--rules` spec it stands for: `openclaw@<version>` or `latest`. */
  spec: string;
  source: VersionSource;
}

export interface VersionEvidence {
  stamped?: { after?: string | undefined; before?: string | undefined };
  installed?: { version: string; via: string; packageJson: string } | null;
}

/**
 * Without `--rules`: the version that last wrote the config (after side, then
 * before side), else the `openclaw` installed on this machine, else `latest`.
 */
export function chooseVersion(evidence: VersionEvidence): VersionChoice {
  for (const side of ["after", "before"] as const) {
    const version = evidence.stamped?.[side];
    if (version !== undefined && isVersion(version)) return { spec: `openclaw@${version}`, source: { from: "meta.lastTouchedVersion", side } };
  }
  const installed = evidence.installed;
  if (installed && isVersion(installed.version)) {
    return { spec: `openclaw@${installed.version}`, source: { from: "installed", via: installed.via, packageJson: installed.packageJson } };
  }
  return { spec: "latest", source: { from: "latest" } };
}

/** "version 2026.5.3 from meta.lastTouchedVersion of the after side", for report headers. */
export function describeVersionSource(version: string, source: VersionSource): string {
  switch (source.from) {
    case "--rules":
    case "--openclaw":
      return `version ${version} from ${source.from}`;
    case "meta.lastTouchedVersion":
      return `version ${version} from meta.lastTouchedVersion of the ${source.side} side`;
    case "installed":
      return `version ${version} from the installed openclaw (${source.packageJson}, found on ${source.via})`;
    case "latest":
      return `version ${version}: latest bundled catalog (no meta.lastTouchedVersion, no openclaw installed)`;
  }
}
