import { descendants, unrecognised, type JsModule } from "./js-module.js";
import { evaluate, isRecord } from "./static-eval.js";

export interface ReloadSettingsFacts {
  reloadModes: string[];
  defaultReloadMode: string;
  defaultDebounceMs: number;
  file: string;
}

/** resolveGatewayReloadSettings: the modes it accepts (`rawMode === "..."`) and DEFAULT_RELOAD_SETTINGS. */
export function readReloadSettings(modules: readonly JsModule[]): ReloadSettingsFacts {
  const module = modules.find((candidate) => candidate.functions.has("resolveGatewayReloadSettings") && candidate.consts.has("DEFAULT_RELOAD_SETTINGS"));
  if (!module) throw unrecognised("dist/", "no dist file defines resolveGatewayReloadSettings with DEFAULT_RELOAD_SETTINGS");
  const fn = module.functions.get("resolveGatewayReloadSettings")!;
  const modes = descendants(fn)
    .filter((node) => node.type === "BinaryExpression" && node.operator === "===" && node.left.type === "Identifier" && node.left.name === "rawMode" && node.right.type === "Literal")
    .map((node) => String(node.right.value));
  const defaults = evaluate(module.consts.get("DEFAULT_RELOAD_SETTINGS")!, { module, locals: new Map() });
  if (modes.length === 0 || !isRecord(defaults) || typeof defaults["mode"] !== "string" || typeof defaults["debounceMs"] !== "number") {
    throw unrecognised(module, "unrecognised reload settings (modes or defaults)", fn);
  }
  const reloadModes = [...new Set(modes)];
  return { reloadModes, defaultReloadMode: defaults["mode"], defaultDebounceMs: defaults["debounceMs"], file: module.file };
}
