import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/report/formats/markdown.js";
import { mdCode, mdText } from "../../src/report/formats/markdown-text.js";
import { agentsCreate, intoInclude, reportFor, withProposedHot, withSuppressed } from "./formats-report.js";

/** The rows of the GFM table that follows a "#### <title>" heading. */
function tableAfter(markdown: string, title: string): string[][] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`#### ${title}`));
  expect(start, `no "${title}" section`).toBeGreaterThan(-1);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(line.slice(2, -2).split(/(?<!\\) \| /));
  }
  return rows.slice(2);
}

describe("markdown format", () => {
  it("starts with the headline and groups changes by kind with rule, causes and file:line", async () => {
    const markdown = renderMarkdown(await reportFor(agentsCreate));
    expect(markdown.split("\n")[0]).toBe("### restart would fire for 1 path, spurious: gateway.tailscale");
    expect(tableAfter(markdown, "Restart (1)")).toEqual([["`gateway.tailscale`", "gateway", "default materialized _(spurious)_", "`examples/agents-create/after/openclaw.json:14:5`"]]);
    expect(tableAfter(markdown, "Hot reload (1)")[0]![0]).toBe("`agents.list`");
    expect(tableAfter(markdown, "No reload (1)")[0]![0]).toBe("`meta.lastTouchedAt`");
    expect(markdown.indexOf("#### Restart")).toBeLessThan(markdown.indexOf("#### Hot reload"));
  });

  it("puts per-path details and the other findings in collapsible sections", async () => {
    const markdown = renderMarkdown(await reportFor(agentsCreate));
    expect(markdown).toContain("<details>\n<summary>Details of 3 changed paths</summary>");
    expect(markdown).toContain("- `DEFAULT_MATERIALIZED` after writes out gateway.tailscale.mode");
    expect(markdown).toContain("- form only: `gateway.auth.token`");
    expect(markdown).toContain("- state file added: `agents/research/AGENTS.md`");
    expect(markdown.match(/<details>/g)).toHaveLength(2);
    expect(markdown.match(/<\/details>/g)).toHaveLength(2);
  });

  it("points at the included file that holds the value", async () => {
    const rows = tableAfter(renderMarkdown(await reportFor(intoInclude)), "Hot reload");
    expect(rows.find((row) => row[0] === "`agents.defaults.heartbeat.every`")![3]).toBe("`test/fixtures/states/include-merge/extra.json5:2:28`");
  });

  it("adds a proposed column and the drift line only when proposed rules are present", async () => {
    const report = await reportFor(agentsCreate);
    expect(renderMarkdown(report)).not.toContain("proposed");
    const markdown = renderMarkdown(withProposedHot(report));
    expect(markdown).toContain("Proposed rules `proposed-overlay` (first-match): `hot-reload` — **differs from the current rules**");
    expect(tableAfter(markdown, "Restart (1)")[0]).toEqual(["`gateway.tailscale`", "gateway", "default materialized _(spurious)_", "`examples/agents-create/after/openclaw.json:14:5`", "hot"]);
  });

  it("marks ignored changes with the entry that accepted them", async () => {
    const markdown = renderMarkdown(withSuppressed(await reportFor(agentsCreate), "meta.lastTouchedAt"));
    expect(tableAfter(markdown, "No reload (1)")[0]![2]).toBe("writer metadata _(spurious)_ _(ignored)_");
    expect(markdown).toContain("- ignored by .clawdiffignore.json5:3 (known writer stamp)");
    expect(markdown).toContain("- stale ignore entry `wizard.*` at `.clawdiffignore.json5:7`: matched no change");
  });
});

describe("markdown escaping", () => {
  it("keeps table cells and HTML intact whatever a key or value holds", () => {
    expect(mdText("a|b <script> *x* _y_ [l](u) & #")).toBe("a\\|b &lt;script&gt; \\*x\\* \\_y\\_ \\[l\\](u) &amp; \\#");
    expect(mdText("two\nlines")).toBe("two lines");
    expect(mdCode("plain")).toBe("`plain`");
    expect(mdCode("a`b")).toBe("``a`b``");
    expect(mdCode("`edge")).toBe("`` `edge ``");
    expect(mdCode("x|y")).toBe("`x\\|y`");
  });
});
