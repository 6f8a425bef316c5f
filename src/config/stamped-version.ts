import type { ConfigInput } from "../sources/config-input.js";
import { getAtSegments } from "../shared/values.js";
import { parseConfigText } from "./parse-json5.js";

/**
 * `meta.lastTouchedVersion` of one side: the OpenClaw version that last wrote
 * the config. Read from the config file itself (a snapshot keeps it in its
 * authored view); an unreadable config yields nothing here and fails in the load.
 */
export function stampedVersion(input: ConfigInput): string | undefined {
  let config: unknown;
  try {
    config = input.snapshot ? input.snapshot.views.authored : parseConfigText(input.text, input.configPath);
  } catch {
    return undefined;
  }
  const version = getAtSegments(config, ["meta", "lastTouchedVersion"]);
  return typeof version === "string" && version.trim() !== "" ? version.trim() : undefined;
}
