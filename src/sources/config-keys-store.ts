import { validateConfigKeys, type ConfigKeys } from "../rules/config-keys.js";
import { readNearestVersionFile } from "./catalog-store.js";

/** The bundled top-level key list for `version`, or the nearest older one; null when none is bundled. */
export function loadConfigKeysFor(version: string): ConfigKeys | null {
  const found = readNearestVersionFile("config-keys", version);
  return found ? validateConfigKeys(found.data, found.display) : null;
}
