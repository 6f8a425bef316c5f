import { describe, expect, it } from "vitest";
import type { DiffReport } from "../../src/report/model.js";
import { createPalette } from "../../src/report/palette.js";
import { renderTable } from "../../src/report/table.js";
import { runInProcess } from "../helpers/run-cli.js";

async function reportOf(before: string, after: string): Promise<DiffReport> {
  const result = await runInProcess(["diff", before, after, "--format", "json", "--rules", "openclaw@2026.5.3"]);
  return JSON.parse(result.stdout) as DiffReport;
}

const ANSI = /\u001b\[/;

describe("the human report", () => {
  it("groups paths by verdict with the headline first, causes in words and file:line, within 80 columns", async () => {
    const report = await reportOf("examples/agents-create/before", "examples/agents-create/after");
    const text = renderTable(report, { palette: createPalette(false), width: 80 });
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("restart would fire for 1 path, spurious: gateway.tailscale");
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(text).not.toMatch(ANSI);
    const headings = lines.filter((line) => /^\S.* \(\d+\)$/.test(line));
    expect(headings).toEqual([
      "Restart (1)",
      "Hot reload (1)",
      "No reload (1)",
      "Not seen by the evaluator (same effective value) (1)",
      "State files changed outside the config (2)",
    ]);
    const restart = lines.slice(lines.indexOf("Restart (1)"), lines.indexOf("Hot reload (1)")).join("\n");
    expect(restart).toContain("gateway.tailscale");
    expect(restart).toContain("← forces restart");
    expect(restart).toContain("default materialized");
    expect(restart).toContain("after openclaw.json:14:5");
    expect(text).toMatch(/\[1 item: main\] → \[2 items/);
    expect(text).toContain("array element:");
    expect(text).toContain("id=research added");
    expect(text).toMatch(/<redacted\s+hmac:[0-9a-f]{12}>/);
    expect(lines.slice(-2).join(" ")).toBe("spurious: the effective value is unchanged, yet the reload evaluator sees the   path as changed");
  });

  it("leaves the legend out when nothing is spurious, and colours only when asked", async () => {
    const report = await reportOf("examples/heartbeat-edit/before", "examples/heartbeat-edit/after");
    const plain = renderTable(report, { palette: createPalette(false), width: 80 });
    expect(plain).not.toContain("spurious");
    expect(plain.split("\n")[0]).toBe(report.summary.headline);
    expect(renderTable(report, { palette: createPalette(true), width: 80 })).toMatch(ANSI);
  });
});
