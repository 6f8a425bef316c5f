/** Markdown building blocks that keep arbitrary config keys and values from breaking the page. */

/** Plain text: characters that would start emphasis, links, HTML or table cells are escaped. */
export function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>|&#~]/g, (char) => (char === "<" ? "&lt;" : char === ">" ? "&gt;" : char === "&" ? "&amp;" : `\\${char}`)).replace(/\r?\n/g, " ");
}

/** A code span that survives backticks inside and sits safely in a table cell (GFM splits cells on `|` even in code). */
export function mdCode(text: string): string {
  const flat = text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

export function mdTable(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)];
}
