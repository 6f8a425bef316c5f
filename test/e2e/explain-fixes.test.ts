import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import type { DiffReport } from "../../src/report/model.js";
import type { PathStory } from "../../src/report/path-story.js";
import { repoRoot, runInProcess } from "../helpers/run-cli.js";

const examples = readdirSync(join(repoRoot, "examples")).filter((name) => existsSync(join(repoRoot, "examples", name, "before")));

async function json<T>(args: string[]): Promise<T> {
  const result = await runInProcess([...args, "--format", "json", "--no-process-env"]);
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as T;
}

describe("explain: every suggested fix is re-planned under the same version", () => {
  it("over the bundled examples and three eras, a fix is offered as working only when no re-planned step restarts", async () => {
    let checked = 0;
    for (const example of examples) {
      for (const rules of ["openclaw@2026.2.9", "openclaw@2026.5.3", "openclaw@2026.9.6"]) {
        const sides = [`examples/${example}/before`, `examples/${example}/after`];
        const report = await json<DiffReport>(["diff", ...sides, "--rules", rules]);
        for (const path of report.changedPaths) {
          const story = await json<PathStory>(["explain", ...sides, path, "--rules", rules]);
          expect(story.advice).toHaveLength(story.fixes.length);
          story.fixes.forEach((fix, index) => {
            if (fix.check === "none") return expect(fix.verdict).toBe("not-checked");
            checked += 1;
            const last = fix.steps[fix.steps.length - 1]!;
            const restartsFor = (step: (typeof fix.steps)[number]) => step.action === "restart" && step.restartReasons.some((reason) => reason === path || reason.startsWith(`${path}.`) || path.startsWith(`${reason}.`));
            expect(fix.verdict === "still-restarts", `${example} ${rules} ${path}: ${fix.text}`).toBe(restartsFor(last));
            if (fix.verdict === "works") expect(fix.steps.some(restartsFor)).toBe(false);
            // Any restart left for other paths is said beside the verdict.
            if (fix.verdict !== "still-restarts" && last.action === "restart") expect(story.advice[index]).toContain("but the change still restarts for");
            if (fix.verdict === "still-restarts") expect(story.advice[index]).toContain("STILL RESTARTS");
          });
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("gateway.tailscale (agents-create): keeping the written block is the fix; dropping it restarts again on the writer's next save", async () => {
    const story = await json<PathStory>(["explain", "examples/agents-create/before", "examples/agents-create/after", "gateway.tailscale"]);
    const keep = story.fixes.find((fix) => fix.text.startsWith("keep the gateway.tailscale block"))!;
    const drop = story.fixes.find((fix) => fix.text.startsWith("drop the written-out defaults"))!;
    expect(keep).toMatchObject({ verdict: "restarts-once", steps: [{ label: "your edit", action: "restart" }, { label: "the writer's next save", action: "none" }] });
    expect(drop).toMatchObject({ verdict: "still-restarts", steps: [{ label: "the fixed write" }, { label: "the writer's next save", action: "restart", restartReasons: ["gateway.tailscale"] }] });
    expect(story.fixes.indexOf(drop)).toBe(story.fixes.length - 1);
  });

  it("the checker's verdict is what diff says once the fix is made for real", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clawdiff-fix-"));
    try {
      cpSync(join(repoRoot, "examples/agents-create/before"), dir, { recursive: true });
      const config = JSON5.parse(readFileSync(join(dir, "openclaw.json"), "utf8")) as { gateway: Record<string, unknown> };
      const written = JSON5.parse(readFileSync(join(repoRoot, "examples/agents-create/after/openclaw.json"), "utf8")) as { gateway: Record<string, unknown> };
      config.gateway["tailscale"] = written.gateway["tailscale"];
      writeFileSync(join(dir, "openclaw.json"), JSON.stringify(config, null, 2));
      const edit = await json<DiffReport>(["diff", "examples/agents-create/before", dir]);
      const save = await json<DiffReport>(["diff", dir, "examples/agents-create/after"]);
      expect(edit.plans.current.restartReasons).toEqual(["gateway.tailscale"]);
      expect(save.plans.current.wouldRestart).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
