import { groupReloadEvents } from "../log/group-events.js";
import { parseGatewayLog } from "../log/parse-log.js";
import { renderReproductions } from "../log/render-reproduction.js";
import { reproduceEvent } from "../log/reproduce.js";
import type { Palette } from "../report/palette.js";
import { ClawdiffError } from "../shared/errors.js";
import { readLogWarning } from "./commands/log.js";
import type { CliIO } from "./io.js";
import type { LoadCliOptions } from "./options.js";
import type { PreparedRun } from "./prepare.js";
import { searchSettings } from "./reproduce-run.js";

/** `diff --match-log`: which versions, triggers and env sources turn these two states into what the log shows. */
export function matchLog(logSpec: string, specs: [string, string], run: PreparedRun, options: LoadCliOptions, io: CliIO, palette: Palette): string {
  const { events } = groupReloadEvents(parseGatewayLog(readLogWarning(logSpec, io, options.maxBytes)).records);
  const evaluated = events.filter((event) => event.changedPaths !== null || event.restartReasons.length > 0);
  if (evaluated.length === 0) throw new ClawdiffError("usage", `--match-log: ${logSpec} holds no reload evaluation to match`);
  const { groups, outcomes } = searchSettings({ before: specs[0], after: specs[1], run, processEnv: io.env, withProcessEnv: options.processEnv });
  return renderReproductions(
    evaluated.map((event) => ({ event, reproduction: reproduceEvent(event, outcomes, groups) })),
    logSpec,
    palette,
  );
}
