import type { DiffReport } from "../model.js";
import type { Palette } from "../palette.js";
import { renderTable } from "../table.js";
import { renderBrief } from "./brief.js";
import { renderGithub } from "./github.js";
import { renderJunit } from "./junit.js";
import { renderMarkdown } from "./markdown.js";
import { renderNdjson } from "./ndjson.js";
import { renderSarif } from "./sarif.js";

export interface RenderOptions {
  /** Colour for the human formats (table). */
  palette: Palette;
  /** Terminal width for the table. */
  width: number;
  /** The directory the report's relative file paths are relative to (SARIF's SRCROOT). */
  cwd?: string;
  /** When the run happened (JUnit timestamps). */
  now?: Date;
}

/**
 * Every output format, each a pure function of the report. All of them print
 * the report's values, which are already redacted: no format reads a secret.
 */
const RENDERERS = {
  table: (report, options) => renderTable(report, { palette: options.palette, width: options.width }),
  brief: (report) => renderBrief(report),
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  ndjson: (report) => renderNdjson(report),
  markdown: (report) => renderMarkdown(report),
  github: (report) => renderGithub(report),
  sarif: (report, options) => renderSarif(report, options.cwd !== undefined ? { cwd: options.cwd } : {}),
  junit: (report, options) => renderJunit(report, options.now ? { now: options.now } : {}),
} satisfies Record<string, (report: DiffReport, options: RenderOptions) => string>;

export type FormatName = keyof typeof RENDERERS;

export const FORMAT_NAMES = Object.keys(RENDERERS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(RENDERERS, name);
}

export function renderReport(format: FormatName, report: DiffReport, options: RenderOptions): string {
  return RENDERERS[format](report, options);
}
