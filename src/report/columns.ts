/**
 * Plain-text layout for the human report: word wrap and two borderless
 * columns. Text is wrapped before it is coloured, so widths are counted on
 * plain strings and the work stays linear in the text (a table library's
 * per-cell width measuring cost seconds on reports with 1,000 paths).
 */
export interface Styled {
  text: string;
  paint?: (text: string) => string;
}

export type Cell = Styled[];

export const painted = (text: string, paint?: (text: string) => string): Styled => (paint ? { text, paint } : { text });

/** Word-wraps one line of prose to `width`, continuation lines indented by `indent` spaces. */
export function wrapLine(text: string, width: number, indent = 2): string[] {
  const limit = Math.max(20, width);
  if (text.length <= limit) return [text];
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if (candidate.length > limit && current.trim() !== "") {
      lines.push(current);
      current = `${" ".repeat(indent)}${word}`;
    } else current = candidate;
  }
  lines.push(current);
  return lines;
}

const paintLine = ({ text, paint }: Styled) => (paint ? paint(text) : text);

/** Rows of two cells: the left padded to `leftWidth`, the right wrapped to `rightWidth`. */
export function renderColumns(rows: readonly [Cell, Cell][], [leftWidth, rightWidth]: [number, number]): string[] {
  const lines: string[] = [];
  for (const [left, right] of rows) {
    const leftLines = left.flatMap(({ text, paint }) => text.split("\n").map((part) => painted(part, paint)));
    const rightLines = right.flatMap(({ text, paint }) => wrapLine(text, rightWidth - 1).map((part) => painted(part, paint)));
    const height = Math.max(leftLines.length, rightLines.length);
    for (let index = 0; index < height; index += 1) {
      const leftLine = leftLines[index] ?? { text: "" };
      const rightLine = rightLines[index];
      const padding = " ".repeat(Math.max(1, leftWidth - leftLine.text.length));
      lines.push(rightLine ? ` ${paintLine(leftLine)}${padding}${paintLine(rightLine)}` : ` ${paintLine(leftLine)}`);
    }
  }
  return lines;
}
