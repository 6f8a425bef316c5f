import { ClawdiffError } from "../shared/errors.js";
import { compareVersions, isVersion } from "./versions.js";

/** A bundled catalog, known by its id and the versions it covers, before it is read. */
export interface CatalogEntry {
  id: string;
  openclawVersion: string;
  coversVersions: string[];
  file: string;
}

export type CatalogResolution = "exact" | "covered" | "nearest-older";

export interface ResolvedCatalogEntry {
  entry: CatalogEntry;
  requested: string;
  resolution: CatalogResolution;
}

const PACKAGE_PREFIX = "openclaw@";

/**
 * Picks the bundled catalog for `openclaw@<version>`: the catalog of that
 * version, one whose identical rules cover it, or the nearest older catalog.
 */
export function resolveCatalogEntry(requested: string, entries: readonly CatalogEntry[]): ResolvedCatalogEntry {
  if (entries.length === 0) throw new ClawdiffError("catalog", "no bundled rule catalogs found");
  const sorted = [...entries].sort((a, b) => compareVersions(a.openclawVersion, b.openclawVersion));
  if (requested === "latest") return { entry: sorted[sorted.length - 1]!, requested, resolution: "exact" };

  const version = requested.startsWith(PACKAGE_PREFIX) ? requested.slice(PACKAGE_PREFIX.length) : requested;
  const exact = sorted.find((entry) => entry.openclawVersion === version);
  if (exact) return { entry: exact, requested, resolution: "exact" };
  const covering = sorted.find((entry) => entry.coversVersions.includes(version));
  if (covering) return { entry: covering, requested, resolution: "covered" };

  const known = sorted.map((entry) => entry.id).join(", ");
  if (!isVersion(version)) {
    throw new ClawdiffError("catalog", `unknown rule catalog '${requested}' (bundled: ${known}; or pass a catalog file path)`);
  }
  // A catalog stands for every version it covers, so the nearest older *known* version decides.
  let nearest: CatalogEntry | undefined;
  let nearestKnown: string | undefined;
  for (const entry of sorted) {
    for (const known of [entry.openclawVersion, ...entry.coversVersions]) {
      if (compareVersions(known, version) > 0 || (nearestKnown !== undefined && compareVersions(known, nearestKnown) <= 0)) continue;
      nearest = entry;
      nearestKnown = known;
    }
  }
  if (!nearest) {
    throw new ClawdiffError("catalog", `no bundled rule catalog at or before openclaw@${version} (oldest: ${sorted[0]!.id})`);
  }
  return { entry: nearest, requested, resolution: "nearest-older" };
}

/**
 * The warning for a version no bundled catalog reaches: its rules are taken
 * from the newest catalog, which may lack rules the version added. One
 * function for every caller (`--rules openclaw@<v>`, a version read from the config).
 */
export function newerThanEveryCatalogWarning(version: string, entries: readonly CatalogEntry[]): string | null {
  if (!isVersion(version) || entries.length === 0) return null;
  const known = entries.flatMap((entry) => [entry.openclawVersion, ...entry.coversVersions].map((covered) => ({ covered, entry })));
  const newest = known.reduce((best, candidate) => (compareVersions(candidate.covered, best.covered) > 0 ? candidate : best));
  if (compareVersions(version, newest.covered) <= 0) return null;
  return `openclaw@${version} is newer than every bundled catalog (newest: ${newest.entry.id}, covering up to ${newest.covered}); planning with its rules, which may lack rules ${version} added (read the package's own with --openclaw <package>)`;
}
