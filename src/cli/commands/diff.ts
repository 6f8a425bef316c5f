import { compareInputs } from "../../compare.js";
import { buildReport } from "../../report/model.js";
import { createPalette } from "../../report/palette.js";
import { renderTable } from "../../report/table.js";
import { loadCatalog } from "../../sources/catalog-store.js";
import { openConfigInput } from "../../sources/config-input.js";
import { shouldUseColor, type ColorChoice } from "../color.js";
import { exitCodeFor } from "../exit-codes.js";
import type { CliIO } from "../io.js";

export interface DiffOptions {
  rules: string;
  config?: string;
  format: "table" | "json";
  color: ColorChoice;
  maxBytes?: number;
}

export function runDiff(beforeSpec: string, afterSpec: string, options: DiffOptions, io: CliIO): number {
  const loaded = loadCatalog(options.rules, io.cwd);
  const inputOptions = {
    cwd: io.cwd,
    ...(options.config !== undefined ? { configRelPath: options.config } : {}),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  };
  const before = openConfigInput(beforeSpec, inputOptions);
  const after = openConfigInput(afterSpec, inputOptions);
  const comparison = compareInputs(before, after, loaded.catalog);
  const report = buildReport(comparison, { catalogRequest: { requested: loaded.requested, resolution: loaded.resolution } });

  if (options.format === "json") io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const palette = createPalette(shouldUseColor(options.color, io.env, io.isTTY));
    io.stdout(renderTable(report, { palette, width: io.columns }));
  }
  return exitCodeFor(report);
}
