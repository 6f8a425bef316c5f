import type { DiffReport } from "../model.js";
import type { Palette } from "../palette.js";
import { renderTable } from "../table.js";
import { renderBrief } from "./brief.js";
import { renderGithub } from "./github.js";
import { renderJunit } from "./junit.js";
import { renderMarkdown } from "./markdown.js";
import { ndjsonRecords } from "./ndjson.js";
import { writeJson, writeJsonLines } from "../json-stream.js";
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

type Write = (chunk: string) => void;
type Format = { render: (report: DiffReport, options: RenderOptions) => string } | { write: (report: DiffReport, write: Write) => void };

/**
 * Every output format, each a pure function of the report. All of them print
 * the report's values, which are already redacted: no format reads a secret.
 * The machine formats are written piece by piece: their text grows with the
 * changed values.
 */
const FORMATS = {
  table: { render: (report, options) => renderTable(report, { palette: options.palette, width: options.width }) },
  brief: { render: (report) => renderBrief(report) },
  json: {
    write: (report, write) => {
      writeJson(report, write);
      write("\n");
    },
  },
  ndjson: { write: (report, write) => writeJsonLines(ndjsonRecords(report), write) },
  markdown: { render: (report) => renderMarkdown(report) },
  github: { render: (report) => renderGithub(report) },
  sarif: { render: (report, options) => renderSarif(report, options.cwd !== undefined ? { cwd: options.cwd } : {}) },
  junit: { render: (report, options) => renderJunit(report, options.now ? { now: options.now } : {}) },
} satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}

/** Writes the report in `format` through `write`. */
export function writeReport(format: FormatName, report: DiffReport, options: RenderOptions, write: Write): void {
  const chosen: Format = FORMATS[format];
  if ("write" in chosen) chosen.write(report, write);
  else write(chosen.render(report, options));
}

export function renderReport(format: FormatName, report: DiffReport, options: RenderOptions): string {
  const pieces: string[] = [];
  writeReport(format, report, options, (piece) => pieces.push(piece));
  return pieces.join("");
}
