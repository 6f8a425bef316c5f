import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/run-cli.js";

const scratch = mkdtempSync(join(tmpdir(), "clawdiff-rules-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const metaStamp = ["diff", "examples/meta-stamp/before", "examples/meta-stamp/after", "--no-process-env"];

describe("clawdiff rules list / show / diff", () => {
  it("list names every bundled catalog and the versions it covers", async () => {
    const result = await runInProcess(["rules", "list"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/│ openclaw@2026\.5\.3 +│ [^│]*2026\.5\.3/);
    const json = JSON.parse((await runInProcess(["rules", "list", "--format", "json"])).stdout) as { id: string; coversVersions: string[] }[];
    expect(json.some((entry) => entry.coversVersions.includes("2026.9.6"))).toBe(true);
  });

  it("show --path explains the deciding rule, and says how the catalog was resolved", async () => {
    const result = await runInProcess(["rules", "show", "openclaw@2026.5.3", "--path", "meta.lastTouchedAt", "--path", "agents.list"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("meta.lastTouchedAt: none");
    expect(result.stdout).toMatch(/agents\.list: hot\n {2}why: first match wins: rule #\d+ \(agents\.list\)/);
    const old = await runInProcess(["rules", "show", "openclaw@2026.2.6", "--path", "meta.lastTouchedAt"]);
    expect(old.stdout).toMatch(/\(nearest-older for openclaw@2026\.2\.6\)/);
    expect(old.stdout).toContain("meta.lastTouchedAt: restart (fallback)");
  });

  it("show without --path prints the rules in catalog order", async () => {
    const result = await runInProcess(["rules", "show", "openclaw@2026.9.6"]);
    expect(result.stdout).toContain("matching: longest-prefix");
    expect(result.stdout).toMatch(/gateway\.auth\.token → hot \(core\) if unchanged: gateway\.auth\.mode, else restart/);
  });

  it("diff shows the meta rule appearing and the paths it reclassifies", async () => {
    const result = await runInProcess(["rules", "diff", "openclaw@2026.2.6-3", "openclaw@2026.5.3"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("+ meta → none (base-tail)");
    expect(result.stdout).toMatch(/^ {2}meta\.child: restart \(fallback\) → none \(meta\)$/m);
  });

  it("import writes a valid catalog with -o", async () => {
    const output = join(scratch, "imported.json");
    const result = await runInProcess(["rules", "import", "test/fixtures/openclaw-dist/list-era", "-o", output]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const shown = await runInProcess(["rules", "show", output, "--path", "hooks.gmail.account"]);
    expect(shown.stdout).toContain("hooks.gmail.account: hot");
    expect(JSON.parse(readFileSync(output, "utf8")).id).toBe("openclaw@2026.4.99");
  });

  it("an unrecognised package shape exits 2 naming the dist file", async () => {
    const result = await runInProcess(["rules", "import", "test/fixtures/openclaw-dist/broken"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^clawdiff: dist\/config-reload-plan-Br0k\.js: rules import: .*loadMoreRules/);
  });

  it("a malformed catalog exits 2 with the file and JSON path from ajv", async () => {
    const bad = join(scratch, "bad-catalog.json");
    const catalog = JSON.parse(readFileSync("schemas/catalogs/openclaw@2026.5.3.json", "utf8")) as { rules: { kind: string }[] };
    catalog.rules[1]!.kind = "sometimes";
    writeFileSync(bad, JSON.stringify(catalog, null, 2));
    for (const args of [["rules", "show", bad], [...metaStamp, "--rules", bad]]) {
      const result = await runInProcess(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(bad);
      expect(result.stderr).toContain("/rules/1/kind");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});

describe("history: meta.lastTouchedAt restarts before the meta rule and not after", () => {
  it("2026.2.6 rules restart the gateway for a bare meta stamp", async () => {
    const result = await runInProcess([...metaStamp, "--rules", "openclaw@2026.2.6"]);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain("meta.lastTouchedAt");
    expect(result.stdout).toMatch(/nearest-older for openclaw@2026\.2\.6/);
  });

  it("2026.9.6 rules treat it as a no-op, though 2026.9.6's schema rejects the stamp in the file (exit 1, no restart)", async () => {
    const result = await runInProcess([...metaStamp, "--rules", "openclaw@2026.9.6"]);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")[0]).toMatch(/^reload skipped \(invalid config\): meta: Unrecognized key: "lastTouchedAt"/);
    expect(result.stdout).toContain("rule meta (default)");
  });
});
