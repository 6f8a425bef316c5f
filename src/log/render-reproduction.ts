import type { Palette } from "../report/palette.js";
import { defuseCommandLines, displaySafe, escapeControls } from "../shared/display-text.js";
import type { ReloadEvent } from "./group-events.js";
import { ENV_SOURCE_LABELS, type Reproduction, type ReproduceSetting, type SettingVerdict } from "./reproduce.js";

const settingLabel = (setting: ReproduceSetting) => `openclaw ${setting.group.label} (${setting.group.catalog}), trigger ${setting.trigger}, ${ENV_SOURCE_LABELS[setting.env]}`;

const verdictLines = (verdicts: readonly SettingVerdict[]) => verdicts.map((verdict) => `      ${settingLabel(verdict.setting)}: ${verdict.why}`);

/** The reproduce search under one event: which settings give the logged paths and decision, which come closest and why not. */
export function reproductionLines(reproduction: Reproduction, palette: Palette): string[] {
  const { reproducing, settings } = reproduction;
  const lines: string[] = [];
  if (reproducing.length > 0) {
    lines.push(`  ${palette.green(`reproduced by ${reproducing.length} of ${settings} settings`)} (same changed paths and decision as logged): ${reproduction.reproducedBy}`, "    closest of the others:", ...verdictLines(reproduction.closest));
  } else {
    lines.push(`  ${palette.yellow(`no setting of ${settings} reproduces this evaluation`)}; closest:`, ...verdictLines(reproduction.closest));
  }
  for (const narrowed of reproduction.narrowedPaths) lines.push(`    ${narrowed.path} is reported only with ${narrowed.summary}`);
  if (reproduction.unexplained.length > 0) {
    lines.push(`    ${palette.yellow(`no setting reports ${reproduction.unexplained.join(", ")}`)}: the states compared are not the ones the gateway diffed, or it ran rules no bundled catalog holds`);
  }
  return lines;
}

/** The search for each logged evaluation, on its own (`diff --match-log`). */
export function renderReproductions(data: readonly { event: ReloadEvent; reproduction: Reproduction }[], logSpec: string, palette: Palette): string {
  // Paths come from the log: escaped like every other text from data.
  const items = displaySafe(data);
  const lines = ["", palette.bold(`matching ${items.length} evaluation(s) logged in ${escapeControls(logSpec)}`)];
  for (const { event, reproduction } of items) {
    const logged = event.changedPaths ? `evaluating reload (${event.changedPaths.join(", ")})` : `restart for ${event.restartReasons.join(", ")}`;
    lines.push(`#${event.index + 1} line ${event.line}: ${logged}, then ${event.outcome}`, ...reproductionLines(reproduction, palette));
  }
  return defuseCommandLines(`${lines.join("\n")}\n`);
}
