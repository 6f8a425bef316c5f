/** Why a path is dirty. Codes are stable API: JSON consumers match on them. */
export type CauseCode =
  | "VALUE_CHANGED"
  | "ENV_REF_FORM_ONLY"
  | "ENV_VALUE_CHANGED"
  | "DEFAULT_MATERIALIZED"
  | "WRITER_METADATA"
  | "INCLUDE_RELOCATED"
  | "SECRETREF_FORM"
  | "ARRAY_ELEMENT"
  | "ARRAY_REORDER"
  | "ARRAY_IDENTITY"
  | "UNMATCHED_DEFAULT_RESTART"
  | "CONDITIONAL_RULE"
  | "FORMAT_ONLY";

export interface Cause {
  code: CauseCode;
  /** One sentence in plain words. */
  summary: string;
  /** Whether this cause alone leaves the effective meaning unchanged. */
  meaningPreserving: boolean;
  evidence: Record<string, unknown>;
}

/** Plain-word labels for tables and markdown. */
export const CAUSE_LABELS: Record<CauseCode, string> = {
  VALUE_CHANGED: "edited value",
  ENV_REF_FORM_ONLY: "${VAR} form only",
  ENV_VALUE_CHANGED: "env value changed",
  DEFAULT_MATERIALIZED: "default materialized",
  WRITER_METADATA: "writer metadata",
  INCLUDE_RELOCATED: "moved between files",
  SECRETREF_FORM: "SecretRef form",
  ARRAY_ELEMENT: "array element",
  ARRAY_REORDER: "array reorder",
  ARRAY_IDENTITY: "array compared by identity",
  UNMATCHED_DEFAULT_RESTART: "no rule: restart fallback",
  CONDITIONAL_RULE: "conditional rule",
  FORMAT_ONLY: "formatting only",
};
