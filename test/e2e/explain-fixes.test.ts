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
    // Fixes that still restart come after every fix that works.
    const firstFailing = story.fixes.findIndex((fix) => fix.verdict === "still-restarts");
    expect(story.fixes.slice(firstFailing).every((fix) => fix.verdict === "still-restarts")).toBe(true);
    expect(story.fixes.indexOf(drop)).toBeGreaterThan(story.fixes.indexOf(keep));
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

describe("explain tells the story of the path asked about", () => {
  const sides = ["examples/agents-create/before", "examples/agents-create/after"];

  it("a child of a changed object (gateway.tailscale.mode): inside that change, its own values, the block's cause, rule and fixes", async () => {
    const story = await json<PathStory>(["explain", ...sides, "gateway.tailscale.mode"]);
    expect(story).toMatchObject({ status: "inside-change", changedAt: "gateway.tailscale", spurious: true });
    expect(story.provenance.after).toMatchObject({ present: true, value: "off" });
    expect(story.causes.map((cause) => cause.code)).toEqual(["DEFAULT_MATERIALIZED"]);
    expect(story.rules.current.classification.kind).toBe("restart");
    expect(story.fixes.find((fix) => fix.text.startsWith("keep the gateway.tailscale block"))?.verdict).toBe("restarts-once");
    const text = await runInProcess(["explain", ...sides, "gateway.tailscale.mode"]);
    expect(text.stdout).toContain("reported as: gateway.tailscale (spurious)");
  });

  it("a path in neither state, the defaults nor the rules offers a did-you-mean", async () => {
    const story = await json<PathStory>(["explain", ...sides, "gateway.tailscal"]);
    expect(story.status).toBe("unchanged");
    expect(story.suggestions?.[0]).toBe("gateway.tailscale");
    const text = await runInProcess(["explain", ...sides, "gateway.tailscal"]);
    expect(text.stdout).toContain("did you mean gateway.tailscale");
    // A known but unchanged path gets no suggestion.
    expect((await json<PathStory>(["explain", ...sides, "gateway.port"])).suggestions).toBeUndefined();
  });
});

describe("diff --fixes: the table's fixes come with their re-planned verdicts", () => {
  const sides = ["examples/agents-create/before", "examples/agents-create/after"];

  it("each restart reason gets explain's checked fixes, in the json report and the table", async () => {
    const report = await json<DiffReport>(["diff", ...sides, "--fixes"]);
    const story = await json<PathStory>(["explain", ...sides, "gateway.tailscale"]);
    expect(report.fixes).toEqual([{ path: "gateway.tailscale", fixes: story.fixes }]);
    const table = await runInProcess(["diff", ...sides, "--fixes", "--no-process-env"]);
    expect(table.stdout).toContain("Fixes, re-planned under openclaw@2026.5.3\n gateway.tailscale\n  - keep the gateway.tailscale block");
    expect(table.stdout).toMatch(/- drop the written-out defaults[^\n]*\n?[^\n]*STILL RESTARTS/);
  });

  it("without --fixes the report carries none; with a format that cannot show them it is refused", async () => {
    expect((await json<DiffReport>(["diff", ...sides])).fixes).toBeUndefined();
    const refused = await runInProcess(["diff", ...sides, "--fixes", "--format", "sarif"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("clawdiff: --fixes shows in the table and json formats, not in sarif\n");
  });
});
