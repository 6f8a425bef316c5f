import { getAtSegments } from "../shared/values.js";
import type { LoadedConfig } from "./load-config.js";

export type ConfigView = "authored" | "compare" | "semantic";

const isInstallRecordPath = (segments: readonly string[]) => segments[0] === "plugins" && segments[1] === "installs";

/** The value at a path in one view; install-record paths read the records the gateway diffs beside the config. */
export function valueIn(loaded: LoadedConfig, view: ConfigView, segments: readonly string[]): unknown {
  if (isInstallRecordPath(segments)) return getAtSegments({ plugins: { installs: loaded.installRecords } }, segments);
  return getAtSegments(loaded[view], segments);
}
