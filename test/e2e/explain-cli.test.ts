import { describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import explainSchema from "../../schemas/explain.schema.json" with { type: "json" };
import reportSchema from "../../schemas/report.schema.json" with { type: "json" };
import type { PathStory } from "../../src/report/path-story.js";
import { runInProcess } from "../helpers/run-cli.js";

const agentsCreate = ["examples/agents-create/before", "examples/agents-create/after"];
const validateStory = new Ajv({ strict: false }).addSchema(reportSchema).compile(explainSchema);

async function story(path: string, extra: string[] = []): Promise<PathStory> {
  const result = await runInProcess(["explain", ...agentsCreate, path, "--format", "json", "--rules", "openclaw@2026.5.3", ...extra]);
  expect(result.code, result.stderr).toBe(0);
  const parsed = JSON.parse(result.stdout) as PathStory;
  expect(validateStory(parsed), JSON.stringify(validateStory.errors)).toBe(true);
  return parsed;
}

describe("clawdiff explain <before> <after> <path>", () => {
  it("tells the whole story of a spurious restart: values, provenance, cause, rule, advice", async () => {
    const result = await runInProcess(["explain", ...agentsCreate, "gateway.tailscale", "--rules", "openclaw@2026.5.3"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("gateway.tailscale  ← forces restart  spurious");
    expect(result.stdout).toContain('after  {mode: "off", resetOnExit: false}   openclaw.json:14:5');
    expect(result.stdout).toContain("DEFAULT_MATERIALIZED");
    expect(result.stdout).toContain("✓ gateway → restart (base-tail, #39): the first matching rule in catalog order");
    expect(result.stdout).toMatch(/What you can do\n {2}- keep the gateway.tailscale block the writer writes anyway.* — checked: restarts once, when you make the edit/);
  });

  it("json: the matched rule, the rules that lost and why, and the actions", async () => {
    const list = await story("agents.list");
    expect(list.status).toBe("changed");
    expect(list.rules.current.classification).toMatchObject({ kind: "hot", actions: ["restart-heartbeat"] });
    expect(list.rules.current.candidates.map((candidate) => [candidate.prefix, candidate.chosen])).toEqual([
      ["agents.list", true],
      ["agents", false],
    ]);
    expect(list.rules.current.candidates[1]!.why).toContain("the first match wins");
  });

  it("a form-only path says the evaluator does not see it and how to keep the reference", async () => {
    const token = await story("gateway.auth.token");
    expect(token.status).toBe("form-only");
    expect(token.causes.map((cause) => cause.code)).toEqual(["ENV_REF_FORM_ONLY"]);
    expect(token.advice[0]).toContain("write ${OPENCLAW_GATEWAY_TOKEN} back");
    expect(JSON.stringify(token)).not.toContain("oc_gw_7f3b9c2e41d84a5f9e0b6c1d2a3f4e5d");
  });

  it("a parent path names the changed paths below it; an unchanged path says how it would classify", async () => {
    const gateway = await story("gateway");
    expect(gateway.status).toBe("parent-of-changes");
    expect(gateway.changedBelow).toEqual(["gateway.tailscale"]);
    const cron = await story("cron.enabled");
    expect(cron.status).toBe("unchanged");
    expect(cron.rules.current.classification).toMatchObject({ kind: "hot", rule: { prefix: "cron" } });
  });

  it("shows the proposed rules side by side, with the overlay winning", async () => {
    const result = await runInProcess([
      "explain", "examples/browser-profile/before", "examples/browser-profile/after", "browser.profiles.sandbox.cdpUrl",
      // Base rules: a stock install loads the browser plugin, whose `browser` rule covers the path.
      "--rules", "openclaw@2026.5.3", "--plugins", "none", "--proposed", "examples/proposed/browser-profiles-hot.json5", "--format", "json",
    ]);
    const parsed = JSON.parse(result.stdout) as PathStory;
    expect(parsed.rules.current.classification).toMatchObject({ kind: "restart", fallback: true });
    expect(parsed.rules.proposed!.classification).toMatchObject({ kind: "hot", rule: { prefix: "browser.profiles", origin: "overlay" } });
    expect(parsed.causes.map((cause) => cause.code)).toContain("UNMATCHED_DEFAULT_RESTART");
    expect(parsed.advice.join("\n")).toContain("catalog gap");
  });

  it("refuses a path that is not a dotted config path", async () => {
    const result = await runInProcess(["explain", ...agentsCreate, "gateway..auth"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("clawdiff: 'gateway..auth' is not a config path (expected dotted segments such as gateway.auth.token)\n");
  });
});
