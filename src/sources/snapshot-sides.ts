import type { EnvReferenceSite, LoadedConfig } from "../config/load-config.js";
import type { ConfigFile } from "../config/includes.js";
import { OriginFinder } from "../config/provenance.js";
import { maskSecrets, type MaskRule } from "./snapshot-mask.js";
import { maskRuleFor, type Snapshot } from "./snapshot-model.js";

const snapshotOf = (loaded: LoadedConfig): Snapshot | undefined => loaded.input.snapshot;

function maskLive(loaded: LoadedConfig, rule: MaskRule): LoadedConfig {
  return {
    ...loaded,
    // The persisted form (the root file as parsed) is a view some versions diff, too.
    root: { ...loaded.root, parsed: maskSecrets(loaded.root.parsed, rule) },
    authored: maskSecrets(loaded.authored, rule),
    compare: maskSecrets(loaded.compare, rule),
    semantic: maskSecrets(loaded.semantic, rule),
    installRecords: maskSecrets(loaded.installRecords, rule) as Record<string, unknown>,
  };
}

/** The snapshot side with its stored authored view, env references and install records restored. */
function restoreSnapshot(loaded: LoadedConfig, snapshot: Snapshot, rule: MaskRule): LoadedConfig {
  // No source text survives in a snapshot: origins name the snapshot file without positions, and its
  // persisted form is the authored view (includes merged).
  const root: ConfigFile = { path: loaded.input.configPath, display: loaded.input.label, text: "", parsed: snapshot.views.authored };
  const envReferences = new Map<string, EnvReferenceSite>(
    snapshot.envRefs.map((ref) => [ref.path, { segments: ref.segments, references: ref.variables.map((variable) => ({ name: variable.name, resolved: variable.resolved })) }]),
  );
  const restored = maskLive({ ...loaded, root, authored: snapshot.views.authored, installRecords: snapshot.installRecords }, rule);
  return {
    ...restored,
    files: new Map([[restored.root.path, restored.root]]),
    envReferences,
    env: { lookup: () => undefined },
    origins: new OriginFinder(restored.root, new Map()),
  };
}

/**
 * When either side is a snapshot, both sides are masked alike (secret keys,
 * every `${VAR}` site of either side, known secret values) so fingerprints
 * compare with fingerprints. Two live sides pass through untouched.
 */
export function alignSnapshotSides(before: LoadedConfig, after: LoadedConfig): [LoadedConfig, LoadedConfig] {
  const snapshots = [snapshotOf(before), snapshotOf(after)];
  if (!snapshots[0] && !snapshots[1]) return [before, after];
  const envSites = new Set<string>();
  const known = new Set<string>();
  for (const [side, snapshot] of [[before, snapshots[0]], [after, snapshots[1]]] as const) {
    if (snapshot) for (const ref of snapshot.envRefs) envSites.add(ref.path);
    else {
      const rule = maskRuleFor(side);
      for (const site of rule.envSites) envSites.add(site);
      for (const secret of rule.known) known.add(secret);
    }
  }
  const rule: MaskRule = { envSites, known };
  const align = (side: LoadedConfig, snapshot: Snapshot | undefined) => (snapshot ? restoreSnapshot(side, snapshot, rule) : maskLive(side, rule));
  return [align(before, snapshots[0]), align(after, snapshots[1])];
}
