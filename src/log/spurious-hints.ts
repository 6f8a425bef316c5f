import type { DefaultEntry, DefaultsTable } from "../config/defaults.js";
import { isSecretKey } from "../explain/secrets.js";

/**
 * Without the state directory, a logged path can only be matched against
 * the shapes of known false restarts. These are hints ("looks like"), not
 * causes: `--state` turns them into cause codes.
 */
export type HintCode = "WRITER_METADATA" | "DEFAULT_MATERIALIZED" | "ENV_REF_FORM" | "PHANTOM_PLUGIN_CONFIG";

export interface SpuriousHint {
  code: HintCode;
  summary: string;
}

const WRITER_STAMPS = [/^meta(\.|$)/, /^wizard\.lastRun/, /^plugins\.installs\.[^.]+\.(installedAt|resolvedAt)$/];
const PHANTOM_PLUGIN_CONFIG = /^plugins\.entries\.[^.]+\.config$/;

/**
 * A block that appears whole is logged at the block's own path, so a logged
 * path above defaulted settings (e.g. `gateway.tailscale`) is the shape of a
 * writer writing defaults out; a leaf path only when the loader itself
 * materializes that default.
 */
const isDefaultShaped = (entry: DefaultEntry, path: string) => entry.path.startsWith(`${path}.`) || (entry.scope === "materialized" && entry.path === path);

/** Hints for one logged path, from the path's shape and the running version's materialized defaults. */
export function hintsForPath(path: string, defaults: DefaultsTable | null): SpuriousHint[] {
  const hints: SpuriousHint[] = [];
  if (WRITER_STAMPS.some((pattern) => pattern.test(path))) {
    hints.push({ code: "WRITER_METADATA", summary: "a stamp config writers set on every save (openclaw#11744)" });
  }
  const materialized = defaults?.defaults.filter((entry) => isDefaultShaped(entry, path)) ?? [];
  if (materialized.length > 0) {
    hints.push({ code: "DEFAULT_MATERIALIZED", summary: `writers may write out defaults here (${materialized.map((entry) => entry.path).join(", ")}) that the other side leaves implicit` });
  }
  const last = path.split(".").pop() ?? "";
  if (isSecretKey(last)) {
    hints.push({ code: "ENV_REF_FORM", summary: "a secret that a writer may persist resolved while the other side holds its ${VAR} form (openclaw#71208)" });
  }
  if (PHANTOM_PLUGIN_CONFIG.test(path)) {
    hints.push({ code: "PHANTOM_PLUGIN_CONFIG", summary: "plugin config the loader materializes although the file has none (openclaw#72632)" });
  }
  return hints;
}
