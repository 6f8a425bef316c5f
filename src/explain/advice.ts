import type { ReloadKind } from "../rules/catalog.js";
import type { Cause } from "./cause-codes.js";

export interface AdviceInput {
  path: string;
  kind: ReloadKind;
  causes: readonly Cause[];
  catalogId: string;
}

/** The parent of a path, or the path itself at the top: the natural prefix for a proposed rule. */
const proposedPrefix = (path: string) => (path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : path);

const overlaySnippet = (prefix: string, kind: ReloadKind, catalogId: string) =>
  `{ extends: "${catalogId}", rules: [{ prefix: "${prefix}", kind: "${kind}" }] }`;

function adviceFor(cause: Cause, input: AdviceInput): string | null {
  const restarts = input.kind === "restart";
  switch (cause.code) {
    case "ENV_REF_FORM_ONLY": {
      const names = [...new Set(Object.values(cause.evidence).flatMap((uses) => (Array.isArray(uses) ? uses.map((use: { name: string }) => use.name) : [])))];
      return `write ${names.map((name) => `\${${name}}`).join(", ")} back instead of its resolved value, so the file keeps the reference and no plaintext secret`;
    }
    case "DEFAULT_MATERIALIZED":
      return restarts
        ? `nobody changed the effective value: drop the written-out defaults from the file (they apply anyway), or make the writer stop persisting them; this restart is spurious`
        : "the written-out defaults change nothing; you can drop them from the file";
    case "WRITER_METADATA":
      return restarts
        ? `this catalog restarts on a writer stamp; newer OpenClaw versions treat meta.* as no-op (openclaw PR #13460): upgrade, or check the proposal with --proposed '${overlaySnippet("meta", "none", input.catalogId)}' in an overlay file`
        : "writer bookkeeping; nothing to do";
    case "INCLUDE_RELOCATED":
      return "the value only moved between $include files; nothing to do";
    case "SECRETREF_FORM":
      return "keep the same form (SecretRef or inline) on both sides so the evaluator sees no change";
    case "ARRAY_IDENTITY":
      return restarts
        ? "nothing changed: this version reports arrays of objects on every evaluation; upgrade to 2026.2.22 or later, where arrays are compared by value"
        : "nothing changed; this version reports arrays of objects on every evaluation";
    case "ARRAY_REORDER":
      return "restore the original element order: the evaluator compares arrays whole, so a reorder alone counts as a change";
    case "ENV_VALUE_CHANGED":
      return "the environment value behind the reference changed; this is a real change to the effective config";
    case "UNMATCHED_DEFAULT_RESTART":
      return `catalog gap: no rule covers ${input.path}. If the gateway reads it dynamically, propose a rule with an overlay file ${overlaySnippet(proposedPrefix(input.path), "none", input.catalogId)} and compare with --proposed; see \`clawdiff rules show ${input.catalogId} --path ${input.path}\``;
    case "CONDITIONAL_RULE": {
      const met = cause.evidence["met"] === true;
      if (met) return null;
      if (cause.evidence["authModeStable"]) return "set gateway.auth.mode explicitly to token or password (the same on both sides) so a credential change can hot-reload";
      const required = (cause.evidence["requireUnchanged"] as string[] | undefined)?.join(", ") ?? "the related paths";
      return `change ${input.path} in a separate write from ${required}, so the conditional rule applies`;
    }
    case "VALUE_CHANGED":
    case "ARRAY_ELEMENT":
      return restarts ? `a real edit of a restart path under ${input.catalogId}: apply it when a gateway restart is acceptable` : null;
    case "FORMAT_ONLY":
      return null;
  }
}

/** What the operator can do about one dirty path, in plain words, most specific first. */
export function adviseOnPath(input: AdviceInput): string[] {
  const advice = input.causes.map((cause) => adviceFor(cause, input)).filter((line): line is string => line !== null);
  return [...new Set(advice)];
}
