/** Types of a rule catalog: the data in schemas/catalogs/*.json (see schemas/catalog.schema.json). */
import type { DiffSemantics } from "../diff/semantics.js";

export type { DiffSemantics } from "../diff/semantics.js";

export type ReloadKind = "restart" | "hot" | "none";

/** How a version picks among rules whose prefix matches a path. */
export type MatchingSemantics = "first-match" | "longest-prefix";

/**
 * The gateway's credential-rotation check (canHotReloadGatewayAuthCredentials,
 * 2026.9.2+): each side's auth mode is resolved (explicit `mode`, else
 * `password` when a password is configured or in `passwordEnv`, else
 * `token`); a side with a SecretRef credential and no explicit mode has no
 * mode. The rule applies when both modes are equal and one of `hotModes`.
 */
export interface AuthModeStable {
  hotModes: string[];
  passwordEnv: string;
}

/** A rule that applies only while its test holds; otherwise `otherwiseKind`. Exactly one test is set. */
export interface RuleCondition {
  /** The test: these paths are unchanged (proposed-rules overlays). */
  requireUnchanged?: string[];
  authModeStable?: AuthModeStable;
  otherwiseKind: ReloadKind;
  otherwiseActions?: string[];
  note?: string;
}

export interface ReloadRule {
  prefix: string;
  kind: ReloadKind;
  actions?: string[];
  /** Where the rule comes from: "base", "base-tail", "plugin:<id>", "channel:<id>", "overlay", ... */
  origin: string;
  /** Rules owned by a plugin or channel only exist when that plugin is loaded. */
  plugin?: string;
  condition?: RuleCondition;
  note?: string;
}

export interface InstallRecordNoop {
  /** Dotted path of the install-record map, e.g. "plugins.installs". */
  recordsPath: string;
  /** Keys inside one record that are bookkeeping stamps, e.g. installedAt. */
  timestampKeys: string[];
}

export interface ActionVocabulary {
  /** Action string → the plan flag it sets, as the planner's switch does. */
  flags: Record<string, string>;
  /** Action prefix naming a channel to restart, e.g. "restart-channel:". */
  channelPrefix?: string;
  /** Flags that imply others after planning (restartGmailWatcher ⇒ reloadHooks). */
  implies?: Record<string, string[]>;
}

/** A plan flag set for every non-noop changed path under one of `prefixes`, whatever its rule (planPluginRuntimeDeps in 2026.4.30-beta.1; 4.29 does not set it). */
export interface PathFlag {
  flag: string;
  prefixes: string[];
}

export interface CatalogSource {
  package: string;
  files: string[];
  generatedBy: string;
  generatedAt?: string;
}

export interface RuleCatalog {
  catalogFormat: 1;
  id: string;
  openclawVersion: string;
  /** Published versions whose rules are identical to this catalog's. */
  coversVersions: string[];
  source: CatalogSource;
  matching: MatchingSemantics;
  fallbackKind: ReloadKind;
  reloadModes: string[];
  defaultReloadMode: string;
  defaultDebounceMs: number;
  actions: ActionVocabulary;
  installRecordNoop?: InstallRecordNoop;
  diff?: DiffSemantics;
  pathFlags?: PathFlag[];
  rules: ReloadRule[];
  /**
   * Set on a catalog built from a proposed-rules overlay: the first N rules
   * are the overlay's and are consulted before the rest, so an overlay rule
   * wins even over a longer base prefix under longest-prefix matching.
   */
  overlayRuleCount?: number;
}
