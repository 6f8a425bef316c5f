import { jsonDeepEqual } from "../shared/json-equal.js";
import { evaluatorValue, type Comparison, type PlannedOutcome } from "../compare.js";
import type { LoadedConfig } from "../config/load-config.js";
import { valueIn } from "../config/views.js";
import type { ChangedPath } from "../diff/config-paths.js";
import type { Classification } from "../plan/build-plan.js";
import { isPathWithin, isPlainObject } from "../shared/values.js";
import { describeArrayChange, type IdentityText } from "./array-detail.js";
import type { Cause } from "./cause-codes.js";
import { nearestRules } from "../rules/nearest-rules.js";
import { fingerprint, isSecretPath, isSecretRef, redactedString } from "./secrets.js";

const WRITER_METADATA = [/^meta(\.|$)/, /^wizard\.lastRun/, /^plugins\.installs\.[^.]+\.(installedAt|resolvedAt)$/];

const isWriterMetadata = (path: string) => WRITER_METADATA.some((pattern) => pattern.test(path));

interface EnvUse {
  name: string;
  fingerprint: string | null;
}

function envUsesUnder(loaded: LoadedConfig, dotted: string): EnvUse[] {
  const uses: EnvUse[] = [];
  for (const [path, site] of loaded.envReferences) {
    if (!isPathWithin(path, dotted)) continue;
    for (const reference of site.references) {
      const resolved = reference.resolved ? loaded.env.lookup(reference.name) : undefined;
      uses.push({ name: reference.name, fingerprint: resolved ? fingerprint(resolved.value) : null });
    }
  }
  return uses;
}

function defaultsUnder(loaded: LoadedConfig, dotted: string): string[] {
  return [...loaded.defaultsApplied.keys()].filter((path) => isPathWithin(path, dotted));
}

function secretRefCause(before: unknown, after: unknown, comparison: Comparison): Cause | null {
  const [ref, inline, refSide] = isSecretRef(before) && !isSecretRef(after) ? [before, after, comparison.before] : isSecretRef(after) && !isSecretRef(before) ? [after, before, comparison.after] : [null, null, null];
  if (!ref || !refSide) return null;
  const resolved = ref.source === "env" ? refSide.env.lookup(ref.id) : undefined;
  const same = resolved !== undefined && typeof inline === "string" && resolved.value === inline;
  return {
    code: "SECRETREF_FORM",
    summary: same
      ? `a SecretRef (${ref.source}:${ref.id}) on one side, the same value inline on the other`
      : `a SecretRef (${ref.source}:${ref.id}) on one side, an inline value on the other; clawdiff cannot tell whether they resolve alike`,
    meaningPreserving: same,
    evidence: { ref: { source: ref.source, provider: ref.provider, id: ref.id }, inlineFingerprint: inline === undefined ? null : fingerprint(inline), resolvedFingerprint: resolved ? fingerprint(resolved.value) : null },
  };
}

/** The `dist/<file>:<line>` a defaults entry cites, without its explanation (the evidence keeps it whole). */
const citedFile = (source: string | undefined) => (source ?? "").split(/[\s,]/)[0]!.replace(/:$/, "");

const abbreviateList = (items: readonly string[], max = 3) => (items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} and ${items.length - max} more`);

const holdsIncludeDirective = (value: unknown): boolean =>
  isPlainObject(value) && (Object.hasOwn(value, "$include") || Object.values(value).some(holdsIncludeDirective));

/**
 * When the two sides of the evaluator's diff are different forms of the
 * config (an in-process write handing on the persisted file in 2026.4.22–4.23),
 * `${VAR}` text meets its resolved value and `$include` directives meet the
 * content they include, though nothing changed.
 */
function viewFormCause(comparison: Comparison, dotted: string, evaluatedBefore: unknown, evaluatedAfter: unknown): Cause | null {
  const { views } = comparison;
  if (views.before === views.after) return null;
  const persistedSide = views.after === "persisted" ? "after" : views.before === "persisted" ? "before" : null;
  if (!persistedSide) return null;
  const uses = { before: envUsesUnder(comparison.before, dotted), after: envUsesUnder(comparison.after, dotted) };
  if (uses[persistedSide].length > 0) {
    const names = [...new Set(uses[persistedSide].map((use) => use.name))];
    return {
      code: "ENV_REF_FORM_ONLY",
      summary: `the evaluator compares ${names.map((name) => `\${${name}}`).join(", ")} as written (${persistedSide}) against the resolved value (${persistedSide === "after" ? "before" : "after"}): the ${views.trigger} path of this version diffs different forms of the config`,
      meaningPreserving: true,
      evidence: { ...uses, views: { before: views.before, after: views.after } },
    };
  }
  if (holdsIncludeDirective(persistedSide === "after" ? evaluatedAfter : evaluatedBefore)) {
    return {
      code: "INCLUDE_RELOCATED",
      summary: `the evaluator compares the $include directive as written (${persistedSide}) against the content it includes`,
      meaningPreserving: true,
      evidence: { views: { before: views.before, after: views.after } },
    };
  }
  return null;
}

/**
 * An element's identity prints like the value column would print it: a
 * fingerprint under a secret key (`key=sk-…`) or where it came from
 * `${VAR}` (the report shows such values as written, never resolved).
 */
function identityTextFor(comparison: Comparison, segments: readonly string[]): IdentityText {
  return (field, value, side, index) => {
    const at = [...segments, String(index), field];
    const secret = isSecretPath(at) || comparison[side].envReferences.has(at.join("."));
    return `${field}=${secret ? redactedString(value) : value}`;
  };
}

/** Elements named in a summary line; the evidence keeps all of them. Unbounded, 25,000 edited agents made a line no terminal table could lay out. */
const SUMMARY_ELEMENTS = 10;

function listElements(elements: readonly { key: string; change: string }[]): string {
  const named = elements.slice(0, SUMMARY_ELEMENTS).map((element) => `${element.key} ${element.change}`);
  return elements.length > SUMMARY_ELEMENTS ? `${named.join(", ")}, … (${elements.length} in all)` : named.join(", ");
}

/** Causes of one change the evaluator sees. */
export function causesForChange(change: ChangedPath, semanticChange: boolean, classification: Classification, comparison: Comparison, outcome: PlannedOutcome): Cause[] {
  const { before, after } = comparison;
  const causes: Cause[] = [];
  const dotted = change.segments.join(".");
  const authoredBefore = valueIn(before, "authored", change.segments);
  const authoredAfter = valueIn(after, "authored", change.segments);
  const { views } = comparison;
  const compareBefore = evaluatorValue(before, views.before, change.segments);
  const compareAfter = evaluatorValue(after, views.after, change.segments);

  if (isWriterMetadata(change.path)) {
    causes.push({ code: "WRITER_METADATA", summary: "a stamp config writers set on every save; nobody edited it", meaningPreserving: true, evidence: { pattern: "meta.*, wizard.lastRun*, plugins.installs.*.installedAt|resolvedAt" } });
  }
  if (!semanticChange) {
    const materialized = { before: defaultsUnder(before, dotted), after: defaultsUnder(after, dotted) };
    if (materialized.before.length > 0 || materialized.after.length > 0) {
      const [side, implicitSide] = materialized.before.length > 0 ? (["after", before] as const) : (["before", after] as const);
      const defaults = [...materialized.before, ...materialized.after];
      const sources = [...new Set(defaults.map((path) => implicitSide.defaultsApplied.get(path)?.source).filter(Boolean))];
      causes.push({
        code: "DEFAULT_MATERIALIZED",
        summary: `${side} writes out ${abbreviateList(defaults)} equal to the default${defaults.length === 1 ? "" : "s"} the other side leaves implicit${sources.length > 0 ? ` (${sources.map(citedFile).join(", ")})` : ""}`,
        meaningPreserving: true,
        evidence: { explicitOn: side, defaults, sources },
      });
    }
  }
  const formCause = semanticChange ? null : viewFormCause(comparison, dotted, compareBefore, compareAfter);
  if (formCause) causes.push(formCause);
  const refCause = secretRefCause(compareBefore, compareAfter, comparison);
  if (refCause) causes.push(refCause);
  if (semanticChange && jsonDeepEqual(authoredBefore, authoredAfter) && !jsonDeepEqual(compareBefore, compareAfter)) {
    const uses = { before: envUsesUnder(before, dotted), after: envUsesUnder(after, dotted) };
    causes.push({
      code: "ENV_VALUE_CHANGED",
      summary: `same \${VAR} reference, different environment value (${[...new Set(uses.after.map((use) => use.name))].join(", ")})`,
      meaningPreserving: false,
      evidence: uses,
    });
  } else if (semanticChange && !refCause && !isWriterMetadata(change.path)) {
    causes.push({ code: "VALUE_CHANGED", summary: "the authored value differs", meaningPreserving: false, evidence: {} });
  }
  if (Array.isArray(compareBefore) && Array.isArray(compareAfter)) {
    const detail = describeArrayChange(compareBefore, compareAfter, identityTextFor(comparison, change.segments));
    causes.push(
      detail.reorderOnly
        ? { code: "ARRAY_REORDER", summary: "same elements in a different order; the evaluator compares arrays whole", meaningPreserving: false, evidence: {} }
        : {
            code: "ARRAY_ELEMENT",
            summary: `the evaluator sees the whole array; elements changed: ${listElements(detail.elements)}`,
            meaningPreserving: false,
            evidence: { elements: detail.elements },
          },
    );
  }
  if (classification.fallback) {
    causes.push({
      code: "UNMATCHED_DEFAULT_RESTART",
      summary: "no rule matches this path, so the planner falls back to a restart; likely a catalog gap",
      meaningPreserving: false,
      evidence: { nearestRules: nearestRules(change.path, outcome.catalog.rules) },
    });
  }
  const rule = classification.rule ? outcome.catalog.rules[classification.rule.index] : undefined;
  if (rule?.condition) {
    causes.push({
      code: "CONDITIONAL_RULE",
      summary: `${rule.prefix} is ${rule.kind} only while ${rule.condition.requireUnchanged.join(", ")} stays unchanged; here the condition is ${classification.reason === "condition-unmet" ? "not met" : "met"}`,
      meaningPreserving: false,
      evidence: { requireUnchanged: rule.condition.requireUnchanged, met: classification.reason !== "condition-unmet", otherwiseKind: rule.condition.otherwiseKind },
    });
  }
  return causes;
}

/** Causes of a change only the authored view shows (the evaluator sees equal values). */
export function causesForFormOnly(change: ChangedPath, comparison: Comparison): Cause[] {
  const dotted = change.segments.join(".");
  const uses = { before: envUsesUnder(comparison.before, dotted), after: envUsesUnder(comparison.after, dotted) };
  if (uses.before.length === 0 && uses.after.length === 0) return [];
  const names = [...new Set([...uses.before, ...uses.after].map((use) => use.name))].join(", ");
  return [
    {
      code: "ENV_REF_FORM_ONLY",
      summary: `\${${names}} on one side, the same resolved value written out on the other`,
      meaningPreserving: true,
      evidence: uses,
    },
  ];
}

/** A change is spurious when nothing about it changes the gateway's effective config. */
export function isSpurious(semanticChange: boolean, causes: readonly Cause[]): boolean {
  if (!semanticChange) return true;
  const substantive = causes.filter((cause) => cause.code !== "UNMATCHED_DEFAULT_RESTART" && cause.code !== "CONDITIONAL_RULE");
  return substantive.length > 0 && substantive.every((cause) => cause.meaningPreserving);
}
