import type { LoadedConfig } from "../config/load-config.js";
import type { ValueOrigin } from "../config/provenance.js";
import { valueIn } from "../config/views.js";
import { collectKnownSecrets, fingerprint, isSecretRef, redactValue, type KnownSecrets } from "../explain/secrets.js";
import { isPathWithin } from "../shared/values.js";

export interface ReportEnvReference {
  name: string;
  resolved: boolean;
  /** Where the value came from (process env, a .env file, --env); never the value. */
  from?: string;
  fingerprint?: string;
}

export interface ReportDefault {
  path: string;
  scope: string;
  source: string;
}

/** Where one side's value came from, and in what form. */
export interface ReportSide {
  /** The value as authored (`${VAR}` kept), secrets redacted. Absent when the side has no value. */
  value?: unknown;
  present: boolean;
  origins: ValueOrigin[];
  envRefs?: ReportEnvReference[];
  secretRef?: boolean;
  defaults?: ReportDefault[];
}


/** Builds the per-side provenance of many paths at once (one location scan per file). */
export function describeSides(loaded: LoadedConfig, paths: readonly (readonly string[])[], showSecrets: boolean, known?: KnownSecrets): ReportSide[] {
  const origins = loaded.origins.originsFor(paths);
  return paths.map((segments, index) => {
    const dotted = segments.join(".");
    const authored = valueIn(loaded, "authored", segments);
    const side: ReportSide = { present: authored !== undefined, origins: authored === undefined ? [] : origins[index]! };
    if (authored !== undefined) side.value = redactValue(authored, segments, showSecrets, known);
    const envRefs: ReportEnvReference[] = [];
    for (const [path, site] of loaded.envReferences) {
      if (!isPathWithin(path, dotted)) continue;
      for (const reference of site.references) {
        const resolved = loaded.env.lookup(reference.name);
        envRefs.push(
          resolved && reference.resolved
            ? { name: reference.name, resolved: true, from: resolved.origin, fingerprint: fingerprint(resolved.value) }
            : { name: reference.name, resolved: false },
        );
      }
    }
    if (envRefs.length > 0) side.envRefs = envRefs;
    if (isSecretRef(authored)) side.secretRef = true;
    const defaults: ReportDefault[] = [];
    for (const [path, entry] of loaded.defaultsApplied) {
      if (isPathWithin(path, dotted)) defaults.push({ path, scope: entry.scope, source: entry.source });
    }
    if (defaults.length > 0) side.defaults = defaults;
    return side;
  });
}

/** Secret values either side resolved from `${VAR}`s with secret-looking names. */
export function knownSecretsOf(...sides: LoadedConfig[]): KnownSecrets {
  const resolved: { name: string; value: string }[] = [];
  for (const loaded of sides) {
    for (const site of loaded.envReferences.values()) {
      for (const reference of site.references) {
        const variable = loaded.env.lookup(reference.name);
        if (variable) resolved.push({ name: reference.name, value: variable.value });
      }
    }
  }
  return collectKnownSecrets(resolved);
}
