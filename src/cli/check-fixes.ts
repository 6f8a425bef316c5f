import { compareInputs, type Comparison } from "../compare.js";
import type { FixEdit, FixProposal } from "../explain/advice.js";
import type { CheckedFix, FixStep } from "../explain/fix-verdict.js";
import { applyOverlay } from "../rules/overlay.js";
import { defineOwn, isPathWithin, isPlainObject } from "../shared/values.js";
import type { ConfigInput } from "../sources/config-input.js";
import type { PreparedRun } from "./prepare.js";

function edited(authored: unknown, edits: readonly FixEdit[]): unknown {
  const root = structuredClone(authored) as Record<string, unknown>;
  for (const edit of edits) {
    let node = root;
    for (const segment of edit.segments.slice(0, -1)) {
      if (!isPlainObject(node[segment])) defineOwn(node, segment, {});
      node = node[segment] as Record<string, unknown>;
    }
    const last = edit.segments[edit.segments.length - 1]!;
    if (edit.op === "delete") delete node[last];
    else defineOwn(node, last, structuredClone(edit.value));
  }
  return root;
}

/** The same input with its config replaced; includes are already merged into `authored`, `.env` still comes from the state. */
const withConfig = (input: ConfigInput, config: unknown): ConfigInput => ({ ...input, text: `${JSON.stringify(config, null, 2)}\n` });

const setMode = (authored: unknown, mode: string) => edited(authored, [{ side: "after", segments: ["gateway", "reload", "mode"], op: "set", value: mode }]);

function step(label: FixStep["label"], comparison: Comparison): FixStep {
  const { action, plan } = comparison.current;
  return { label, action, restartReasons: plan.restartReasons };
}

/** Judged for the path the story is about; restarts other paths still cause are reported beside the verdict. */
function verdictOf(fix: FixProposal, path: string, steps: FixStep[]): CheckedFix {
  const forPath = (step: FixStep) => step.action === "restart" && step.restartReasons.some((reason) => isPathWithin(reason, path) || isPathWithin(path, reason));
  const last = steps[steps.length - 1]!;
  const verdict = forPath(last) ? "still-restarts" : steps.length > 1 && forPath(steps[0]!) ? "restarts-once" : "works";
  const others = last.action === "restart" ? last.restartReasons.filter((reason) => !isPathWithin(reason, path) && !isPathWithin(path, reason)) : [];
  return { text: fix.text, check: fix.check.type, steps, verdict, ...(verdict !== "still-restarts" && others.length > 0 ? { stillRestartsFor: others } : {}) };
}

/**
 * Plans each proposed fix again under the run's version, trigger and env:
 * the edit itself, then the writer's next save of what it wrote, so a fix
 * the writer undoes (dropping defaults it writes out again) shows up as one.
 */
export function createFixChecker(comparison: Comparison, run: PreparedRun): (fix: FixProposal, path: string) => CheckedFix {
  const before = comparison.before;
  const after = comparison.after;
  const snapshots = before.input.snapshot !== undefined || after.input.snapshot !== undefined;
  const compare = (from: ConfigInput, to: ConfigInput, catalog = run.catalog.catalog) =>
    compareInputs(from, to, catalog, { before: run.loadOptions, after: run.loadOptions, views: run.views });
  return (fix, path) => {
    const check = fix.check;
    if (check.type === "none") return { text: fix.text, check: check.type, steps: [], verdict: "not-checked" };
    if (snapshots) return { text: fix.text, check: check.type, steps: [], verdict: "not-checked", note: "snapshot inputs cannot be edited" };
    if (check.type === "overlay") {
      const catalog = applyOverlay(run.catalog.catalog, { rules: [check.rule] }, `${run.catalog.catalog.id}+fix`);
      return verdictOf(fix, path, [step("under the proposed rule", compare(before.input, after.input, catalog))]);
    }
    if (check.type === "reload-mode") {
      const modeBefore = withConfig(before.input, setMode(before.authored, check.mode));
      const modeAfter = withConfig(after.input, setMode(after.authored, check.mode));
      return verdictOf(fix, path, [step("your edit", compare(before.input, modeBefore)), step("the writer's next save", compare(modeBefore, modeAfter))]);
    }
    const beforeEdits = check.edits.filter((edit) => edit.side === "before");
    const afterEdits = check.edits.filter((edit) => edit.side === "after");
    if (beforeEdits.length > 0) {
      // The operator edits the live file now; the writer then saves what it wrote.
      const fixedBefore = withConfig(before.input, edited(before.authored, beforeEdits));
      return verdictOf(fix, path, [step("your edit", compare(before.input, fixedBefore)), step("the writer's next save", compare(fixedBefore, after.input))]);
    }
    const fixedAfter = withConfig(after.input, edited(after.authored, afterEdits));
    const steps = [step("the fixed write", compare(before.input, fixedAfter))];
    if (check.writerRewrites) steps.push(step("the writer's next save", compare(fixedAfter, after.input)));
    return verdictOf(fix, path, steps);
  };
}
