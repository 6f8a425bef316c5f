import { getAtSegments } from "../shared/values.js";
import type { LoadedConfig } from "./load-config.js";

/**
 * authored: includes merged, `${VAR}` as written; compare: the gateway's
 * sourceConfig; semantic: compare plus defaults (the runtime config);
 * persisted: the root file exactly as parsed (`$include` directives and
 * `${VAR}` text kept), the form an in-process writer hands on in some versions.
 */
export type ConfigView = "authored" | "compare" | "semantic" | "persisted";

const isInstallRecordPath = (segments: readonly string[]) => segments[0] === "plugins" && segments[1] === "installs";

/** The value at a path in one view; install-record paths read the records the gateway diffs beside the config. */
export function valueIn(loaded: LoadedConfig, view: ConfigView, segments: readonly string[]): unknown {
  if (isInstallRecordPath(segments)) return getAtSegments({ plugins: { installs: loaded.installRecords } }, segments);
  return getAtSegments(view === "persisted" ? loaded.root.parsed : loaded[view], segments);
}
