import type { ReloadKind } from "../rules/catalog.js";
import type { Cause } from "./cause-codes.js";

export interface AdviceInput {
  path: string;
  segments: readonly string[];
  kind: ReloadKind;
  causes: readonly Cause[];
  catalogId: string;
  /** The reload modes the version accepts (`hot` was retired in later versions). */
  reloadModes: readonly string[];
  /** The path's authored value on each side (`${VAR}` forms kept), undefined when absent. */
  authoredBefore: unknown;
  authoredAfter: unknown;
}

/** A change to one side's file: `before` is the state the gateway holds now, `after` what the writer wrote. */
export type FixEdit = { side: "before" | "after"; segments: string[] } & ({ op: "set"; value: unknown } | { op: "delete" });

/**
 * How a fix is checked before it is given. `edit`: the edited states, then
 * (when `writerRewrites`) the writer saving what it wrote again; `reload-mode`:
 * the mode set in the file before the change; `overlay`: the same change
 * under a proposed rule (an OpenClaw change to send upstream).
 */
export type FixCheck =
  | { type: "edit"; edits: FixEdit[]; writerRewrites: boolean }
  | { type: "reload-mode"; mode: string }
  | { type: "overlay"; rule: { prefix: string; kind: ReloadKind } }
  | { type: "none" };

export interface FixProposal {
  text: string;
  check: FixCheck;
}

/** The parent of a path, or the path itself at the top: the natural prefix for a proposed rule. */
const proposedPrefix = (path: string) => (path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : path);

export const overlaySnippet = (prefix: string, kind: ReloadKind, catalogId: string) => `{ extends: "${catalogId}", rules: [{ prefix: "${prefix}", kind: "${kind}" }] }`;

const info = (text: string): FixProposal => ({ text, check: { type: "none" } });

function overlayFix(prefix: string, input: AdviceInput): FixProposal {
  return {
    text: `propose upstream a rule making ${prefix} no-op; check it with --proposed and an overlay file ${overlaySnippet(prefix, "none", input.catalogId)}`,
    check: { type: "overlay", rule: { prefix, kind: "none" } },
  };
}

function defaultsFixes(input: AdviceInput): FixProposal[] {
  const segments = [...input.segments];
  if (input.kind !== "restart") return [info("the written-out defaults change nothing here")];
  return [
    {
      text: `keep the ${input.path} block the writer writes anyway: add it to the file the gateway runs now (the same value it applies by default), so the writer's saves stop changing it`,
      check: { type: "edit", edits: [{ side: "before", segments, op: "set", value: input.authoredAfter }], writerRewrites: true },
    },
    {
      text: `drop the written-out defaults from the file (they apply anyway)`,
      check: { type: "edit", edits: [{ side: "after", segments, op: "delete" }], writerRewrites: true },
    },
    overlayFix(input.path, input),
  ];
}

function fixesFor(cause: Cause, input: AdviceInput): FixProposal[] {
  const restarts = input.kind === "restart";
  const segments = [...input.segments];
  switch (cause.code) {
    case "ENV_REF_FORM_ONLY": {
      const names = [...new Set(Object.values(cause.evidence).flatMap((uses) => (Array.isArray(uses) ? uses.map((use: { name: string }) => use.name) : [])))];
      return [
        {
          text: `write ${names.map((name) => `\${${name}}`).join(", ")} back instead of its resolved value, so the file keeps the reference and no plaintext secret`,
          check: { type: "edit", edits: [{ side: "after", segments, op: "set", value: input.authoredBefore }], writerRewrites: false },
        },
      ];
    }
    case "DEFAULT_MATERIALIZED":
      return defaultsFixes(input);
    case "WRITER_METADATA":
      return restarts ? [info("newer OpenClaw versions treat meta.* as no-op (openclaw PR #13460): upgrade"), overlayFix("meta", input)] : [info("writer bookkeeping; nothing to do")];
    case "INCLUDE_RELOCATED":
      return [info("the value only moved between $include files; nothing to do")];
    case "SECRETREF_FORM":
      return [
        {
          text: "keep the same form (SecretRef or inline) on both sides so the evaluator sees no change",
          check: { type: "edit", edits: [{ side: "after", segments, op: "set", value: input.authoredBefore }], writerRewrites: false },
        },
      ];
    case "ARRAY_REORDER":
      return [
        {
          text: "restore the original element order: the evaluator compares arrays whole, so a reorder alone counts as a change",
          check: { type: "edit", edits: [{ side: "after", segments, op: "set", value: input.authoredBefore }], writerRewrites: false },
        },
      ];
    case "ENV_VALUE_CHANGED":
      return [info("the environment value behind the reference changed; this is a real change to the effective config")];
    case "UNMATCHED_DEFAULT_RESTART":
      return [
        info(`catalog gap: no rule covers ${input.path}; see \`clawdiff rules show ${input.catalogId} --path ${input.path}\``),
        overlayFix(proposedPrefix(input.path), input),
      ];
    case "CONDITIONAL_RULE": {
      if (cause.evidence["met"] === true) return [];
      if (cause.evidence["authModeStable"]) return [info("set gateway.auth.mode explicitly to token or password (the same on both sides) so a credential change can hot-reload")];
      const required = (cause.evidence["requireUnchanged"] as string[] | undefined)?.join(", ") ?? "the related paths";
      return [info(`change ${input.path} in a separate write from ${required}, so the conditional rule applies`)];
    }
    case "VALUE_CHANGED":
    case "ARRAY_ELEMENT":
      return restarts ? [info(`a real edit of a restart path under ${input.catalogId}: apply it when a gateway restart is acceptable`)] : [];
    case "FORMAT_ONLY":
      return [];
  }
}

/** A restart nobody asked for can also be kept from restarting by the reload mode; the checker says what that costs. */
function reloadModeFix(input: AdviceInput): FixProposal[] {
  const mode = input.reloadModes.includes("hot") ? "hot" : input.reloadModes.includes("off") ? "off" : null;
  if (mode === null) return [];
  const cost = mode === "hot" ? "restart-worthy changes are then ignored too, until you restart by hand" : "the gateway then applies no config change at all, until you restart by hand";
  return [{ text: `set gateway.reload.mode to "${mode}" before such writes (${cost})`, check: { type: "reload-mode", mode } }];
}

const SPURIOUS_CAUSES: ReadonlySet<Cause["code"]> = new Set(["DEFAULT_MATERIALIZED", "ENV_REF_FORM_ONLY", "WRITER_METADATA", "SECRETREF_FORM", "ARRAY_REORDER", "INCLUDE_RELOCATED", "FORMAT_ONLY"]);

/** What the operator can do about one dirty path, most specific first; the caller checks each before showing it. */
export function proposeFixes(input: AdviceInput): FixProposal[] {
  const proposals = input.causes.flatMap((cause) => fixesFor(cause, input));
  const spuriousRestart = input.kind === "restart" && input.causes.length > 0 && input.causes.every((cause) => SPURIOUS_CAUSES.has(cause.code));
  const all = spuriousRestart ? [...proposals, ...reloadModeFix(input)] : proposals;
  const seen = new Set<string>();
  return all.filter((proposal) => !seen.has(proposal.text) && seen.add(proposal.text));
}
