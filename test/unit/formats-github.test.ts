import { describe, expect, it } from "vitest";
import { escapeCommandData, escapeCommandProperty, renderGithub, workflowCommand } from "../../src/report/formats/github.js";
import { agentsCreate, intoInclude, reportFor, withProposedHot, withSuppressed } from "./formats-report.js";

interface Annotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

/** Decodes workflow commands the way the Actions runner does (unescape after splitting). */
function parseCommands(output: string): Annotation[] {
  const unescape = (text: string) => text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
  return output
    .trimEnd()
    .split("\n")
    .map((line) => {
      const match = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
      expect(match, line).not.toBeNull();
      const properties = Object.fromEntries((match![2] ?? "").split(",").filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf("=")), unescape(pair.slice(pair.indexOf("=") + 1))]));
      return { level: match![1]!, properties, message: unescape(match![3]!) };
    });
}

describe("github format", () => {
  it("annotates each changed path at its file:line: restart → error, hot → warning, none → notice", async () => {
    const annotations = parseCommands(renderGithub(await reportFor(agentsCreate)));
    const byPath = (path: string) => annotations.find((annotation) => annotation.properties["title"]?.includes(`: ${path}`))!;
    expect(byPath("gateway.tailscale")).toMatchObject({
      level: "error",
      properties: { file: "examples/agents-create/after/openclaw.json", line: "14", col: "5", title: "clawdiff restart (spurious): gateway.tailscale [default materialized]" },
    });
    expect(byPath("gateway.tailscale").message.split("\n")[0]).toBe("gateway.tailscale forces a gateway restart (rule gateway); spurious: the effective value is unchanged");
    expect(byPath("agents.list")).toMatchObject({ level: "warning", properties: { line: "37" } });
    expect(byPath("meta.lastTouchedAt")).toMatchObject({ level: "notice", properties: { line: "4" } });
    expect(annotations[annotations.length - 1]).toEqual({ level: "notice", properties: { title: "clawdiff" }, message: "restart would fire for 1 path, spurious: gateway.tailscale" });
  });

  it("follows $include to the file that holds the value, and points removals at the before file", async () => {
    const annotations = parseCommands(renderGithub(await reportFor(intoInclude)));
    const heartbeat = annotations.find((annotation) => annotation.message.startsWith("agents.defaults.heartbeat.every "))!;
    expect(heartbeat.properties).toMatchObject({ file: "test/fixtures/states/include-merge/extra.json5", line: "2" });
    const removed = annotations.find((annotation) => annotation.message.startsWith("gateway "))!;
    expect(removed.properties["file"]).toBe("test/fixtures/states/include-move/after/openclaw.json");
    expect(removed.message).toContain("removed here");
  });

  it("turns ignored changes into notices and mentions a differing proposed kind", async () => {
    const report = withProposedHot(withSuppressed(await reportFor(agentsCreate), "agents.list"));
    const annotations = parseCommands(renderGithub(report));
    expect(annotations.find((annotation) => annotation.message.startsWith("agents.list"))).toMatchObject({ level: "notice" });
    expect(annotations.find((annotation) => annotation.message.startsWith("agents.list"))!.message).toContain("ignored by .clawdiffignore.json5:3 (known writer stamp)");
    expect(annotations.find((annotation) => annotation.message.startsWith("gateway.tailscale"))!.message).toContain("under the proposed rules it hot-reloads");
    expect(annotations.find((annotation) => annotation.properties["title"] === "clawdiff stale ignore entry")).toEqual({
      level: "warning",
      properties: { file: ".clawdiffignore.json5", line: "7", col: "5", title: "clawdiff stale ignore entry" },
      message: "wizard.* matched no change in this run (old wizard runs)",
    });
  });
});

describe("workflow command escaping", () => {
  it("escapes %, CR and LF in data, and also : and , in properties", () => {
    expect(escapeCommandData("100% done\r\nnext: a,b")).toBe("100%25 done%0D%0Anext: a,b");
    expect(escapeCommandProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
    expect(workflowCommand("warning", { file: "dir,1/x:y.json", line: 3, col: undefined, title: "t" }, "m::n")).toBe("::warning file=dir%2C1/x%3Ay.json,line=3,title=t::m::n");
  });

  it("round-trips through the runner's decoding", () => {
    const tricky = "key: a,b %0A literal\nnew line";
    const [annotation] = parseCommands(workflowCommand("error", { title: tricky }, tricky));
    expect(annotation).toEqual({ level: "error", properties: { title: tricky }, message: tricky });
  });
});
