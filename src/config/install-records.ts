import { isPlainObject } from "../shared/values.js";

/** Where the gateway keeps plugin install records, relative to the state directory (2026.5+). */
export const INSTALL_INDEX_PATH = "plugins/installs.json";

/** Records from the install index: `installRecords`, else each `plugins[].installRecord`. */
export function installRecordsFromIndex(index: unknown): Record<string, unknown> {
  if (!isPlainObject(index)) return {};
  if (isPlainObject(index["installRecords"])) return { ...index["installRecords"] };
  const records: Record<string, unknown> = {};
  if (Array.isArray(index["plugins"])) {
    for (const plugin of index["plugins"]) {
      if (isPlainObject(plugin) && typeof plugin["pluginId"] === "string" && plugin["installRecord"] !== undefined) {
        records[plugin["pluginId"]] = plugin["installRecord"];
      }
    }
  }
  return records;
}

/**
 * The gateway moves legacy `plugins.installs` out of the config into the
 * index (index entries win) and compares the config without them.
 */
export function splitInstallRecords(config: unknown, indexRecords: Record<string, unknown>): { config: unknown; records: Record<string, unknown> } {
  if (!isPlainObject(config) || !isPlainObject(config["plugins"]) || !Object.hasOwn(config["plugins"], "installs")) {
    return { config, records: indexRecords };
  }
  const { installs, ...plugins } = config["plugins"];
  const legacy = isPlainObject(installs) ? installs : {};
  return { config: { ...config, plugins }, records: { ...legacy, ...indexRecords } };
}
