/** The diff era a catalog carries (schemas/catalog.schema.json `diff`): what the diff stage reads. */

/**
 * How the version's reloader computes the changed paths: the diff era.
 * A catalog without it diffs as 2026.2.22 – 2026.7.1 do (deep-equal arrays,
 * nothing else).
 */
export interface DiffSemantics {
  /** `deep-equal`: isDeepStrictEqual; `element-identity`: same length and every element `===` (2026.1.29 – 2.21). */
  arrays: "deep-equal" | "element-identity";
  /** Rule-prefix refinement: descend into an object the other side lacks while a refinement prefix lies below. */
  refinement?: Refinement;
  /** Paths of a projection of each config diffed after the config itself (diffGatewayReloadPaths). */
  boundaries?: BoundaryProjection;
  /** Where the evaluator finds plugin install records. */
  installRecords: InstallRecordPlacement;
}

/**
 * `in-config`: the config keeps `plugins.installs` as written and nothing else
 * is diffed (before 2026.4.26); `stripped`: the config read drops shipped
 * records and the install index is not diffed (2026.4.26 – 4.x);
 * `beside-config`: stripped, and the install index is diffed beside the config.
 */
export type InstallRecordPlacement = "in-config" | "stripped" | "beside-config";

export interface Refinement {
  /** Which rules' prefixes refine: every rule, or only rules of these origins ("plugin", "channel"). */
  from: "all-rules" | string[];
  /** Wildcard prefixes replaced by one prefix per entry of a collection that sets the key, in either config. */
  expand: RefinementExpansion[];
}

export interface RefinementExpansion {
  /** e.g. "agents.entries.*.decisionModel" */
  prefix: string;
  /** Segments of the collection, e.g. ["agents", "entries"]. */
  collection: string[];
  /** The key an entry must set (not undefined) to get a prefix. */
  key: string;
}

export interface BoundaryProjection {
  /** `always`, or only when the config diff reported exactly this path. */
  when: "always" | { changedPath: string };
  /** Whether projected paths the config diff already reported are dropped. */
  dedupe: boolean;
  /** Leaves of the projection in the order the version builds it. */
  leaves: ProjectedLeaf[];
}

/** Talk provider ids as the version resolves them (resolveConfiguredTalk*ProviderId). */
export type ProjectionResolver = "talk-speech-provider" | "talk-realtime-provider";

export interface ProjectedLeaf {
  /** Segments in the projection. */
  path: string[];
  /** Segments of the config value copied there, unless `resolve` computes it. */
  from?: string[];
  resolve?: ProjectionResolver;
}

