import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listBundledCatalogs } from "../../src/sources/catalog-store.js";
import { runInProcess } from "../helpers/run-cli.js";

const pair = ["examples/meta-stamp/before", "examples/meta-stamp/after"];
const pkg = "/work/oc/packs/2026.5.3/package";

async function refused(args: string[]): Promise<string> {
  const result = await runInProcess(args);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe("");
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe("no silent flags: each exits 2 with one line", () => {
  it("--rules with --openclaw", async () => {
    expect(await refused(["diff", ...pair, "--rules", "openclaw@2026.5.3", "--openclaw", pkg])).toBe(
      "clawdiff: --rules and --openclaw both choose the rules; give one (--openclaw reads them from the installed package)",
    );
  });

  it.skipIf(!existsSync(pkg))("an unknown --plugins id lists the known ones", async () => {
    const line = await refused(["diff", ...pair, "--openclaw", pkg, "--plugins", "telegram,nosuch", "--no-cache"]);
    expect(line).toMatch(/^clawdiff: unknown --plugins id 'nosuch': .*\(known: .*\btelegram\b.*\)$/);
  });

  it("--fail-on drift without --proposed", async () => {
    expect(await refused(["diff", ...pair, "--fail-on", "drift"])).toContain("--fail-on drift needs --proposed");
    const withProposed = await runInProcess(["diff", ...pair, "--fail-on", "drift", "--proposed", "openclaw@2026.2.9"]);
    expect(withProposed.stderr).toBe("");
  });

  it("a misspelled command suggests the right one instead of being read as a path", async () => {
    expect(await refused(["dif", ...pair])).toBe("clawdiff: unknown command 'dif' (did you mean 'diff'?); a state path that does not exist is not read as one");
    expect(await refused(["completions", "bash"])).toContain("did you mean 'completion'?");
    // A real path is still a state, even when it looks like a command.
    const asPath = await runInProcess(["examples/meta-stamp/before", "examples/meta-stamp/after", "--brief"]);
    expect(asPath.stdout).toContain("meta.lastTouchedAt");
  });
});

describe("warnings that are not errors", () => {
  it("a version newer than every catalog is named in one warning line", async () => {
    const result = await runInProcess(["diff", ...pair, "--rules", "openclaw@2026.12.1", "--brief"]);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^clawdiff: warning: openclaw@2026\.12\.1 is newer than every bundled catalog \(newest: openclaw@2026\.9\.6[,)]/),
    ]);
    expect((await runInProcess(["diff", ...pair, "--rules", "openclaw@2026.9.6", "--brief"])).stderr).toBe("");
  });

  it("rules list never truncates a catalog name", async () => {
    const result = await runInProcess(["rules", "list"]);
    const ids = listBundledCatalogs().map((entry) => entry.id);
    expect(Math.max(...ids.map((id) => id.length))).toBeGreaterThan(22);
    for (const id of ids) expect(result.stdout).toMatch(new RegExp(`│ ${id.replace(/[.+]/g, "\\$&")} +│`));
  });
});
