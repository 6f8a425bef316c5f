import { compareInputs } from "../../compare.js";
import type { EnvOptions, LoadOptions } from "../../config/load-config.js";
import { diffStateFiles, type StateFileChange } from "../../diff/state-files.js";
import { buildReport } from "../../report/model.js";
import { createPalette } from "../../report/palette.js";
import { renderTable } from "../../report/table.js";
import { loadCatalog, loadDefaultsFor } from "../../sources/catalog-store.js";
import { openConfigInput, type ConfigInput } from "../../sources/config-input.js";
import { readTextFile } from "../../sources/read-file.js";
import { listStateFiles } from "../../sources/state-files.js";
import { ClawdiffError } from "../../shared/errors.js";
import type { Comparison } from "../../compare.js";
import { relative, resolve } from "node:path";
import { shouldUseColor, type ColorChoice } from "../color.js";
import { exitCodeFor } from "../exit-codes.js";
import type { CliIO } from "../io.js";

export interface DiffOptions {
  rules: string;
  config?: string;
  format: "table" | "json";
  color: ColorChoice;
  maxBytes?: number;
  env: string[];
  envFile: string[];
  processEnv: boolean;
  allowIncludeOutside?: boolean;
  showSecrets?: boolean;
}

function parseEnvAssignments(assignments: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const assignment of assignments) {
    const equals = assignment.indexOf("=");
    if (equals <= 0) throw new ClawdiffError("usage", `--env expects KEY=VALUE, got '${assignment.replace(/=.*/, "=…")}'`);
    values[assignment.slice(0, equals)] = assignment.slice(equals + 1);
  }
  return values;
}

function envOptions(options: DiffOptions, io: CliIO): EnvOptions {
  return {
    overrides: parseEnvAssignments(options.env),
    ...(options.processEnv ? { processEnv: io.env } : {}),
    files: options.envFile.map((file) => ({ origin: file, text: readTextFile(resolve(io.cwd, file), file) })),
  };
}

/** State files that differ beside the config, when both sides are state directories. */
function stateFileChanges(before: ConfigInput, after: ConfigInput, comparison: Comparison): StateFileChange[] {
  if (before.kind !== "dir" || after.kind !== "dir") return [];
  const included = [...comparison.before.files.keys(), ...comparison.after.files.keys()]
    .map((path) => relative(path.startsWith(after.stateDir) ? after.stateDir : before.stateDir, path).split("\\").join("/"));
  return diffStateFiles(listStateFiles(before.stateDir).files, listStateFiles(after.stateDir).files, {
    configPath: relative(after.stateDir, after.configPath).split("\\").join("/"),
    readOnReload: ["plugins/installs.json"],
    included,
  });
}

export function runDiff(beforeSpec: string, afterSpec: string, options: DiffOptions, io: CliIO): number {
  if (options.showSecrets && io.env["CI"]) throw new ClawdiffError("usage", "--show-secrets is refused when CI is set");
  const loaded = loadCatalog(options.rules, io.cwd);
  const inputOptions = {
    cwd: io.cwd,
    ...(options.config !== undefined ? { configRelPath: options.config } : {}),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  };
  const before = openConfigInput(beforeSpec, inputOptions);
  const after = openConfigInput(afterSpec, inputOptions);
  const loadOptions: LoadOptions = {
    env: envOptions(options, io),
    defaults: loadDefaultsFor(loaded.catalog.openclawVersion),
    allowIncludeOutside: options.allowIncludeOutside ?? false,
  };
  const comparison = compareInputs(before, after, loaded.catalog, { before: loadOptions, after: loadOptions });
  const report = buildReport(comparison, {
    catalogRequest: { requested: loaded.requested, resolution: loaded.resolution },
    showSecrets: options.showSecrets ?? false,
    stateFiles: stateFileChanges(before, after, comparison),
  });

  if (options.format === "json") io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const palette = createPalette(shouldUseColor(options.color, io.env, io.isTTY));
    io.stdout(renderTable(report, { palette, width: io.columns }));
  }
  return exitCodeFor(report);
}
