import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, runInProcess } from "../helpers/run-cli.js";

/**
 * A lint fixture is data from whoever wrote it. The paths it names (sides,
 * catalog files, the config inside a side) stay inside its own directory,
 * links resolved, unless --fixture-root names a wider one; otherwise the
 * fixture is an ERROR naming the fixture file, and lint exits 2 without
 * printing anything read from outside.
 */
const root = mkdtempSync(join(tmpdir(), "clawdiff-fixture-paths-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const states = join(root, "states");
cpSync(join(repoRoot, "examples/agents-create"), states, { recursive: true });
// A "secret" file beside the fixtures, with a key lint would print if it read it.
writeFileSync(join(root, "private.json"), '{ "leakedKeyName": 1 }');

function fixture(name: string, spec: Record<string, unknown>, setup?: (dir: string) => void): string {
  const dir = join(root, "lint", name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(states, "before"), join(dir, "before"), { recursive: true });
  cpSync(join(states, "after"), join(dir, "after"), { recursive: true });
  writeFileSync(join(dir, "fixture.json5"), JSON.stringify({ before: "before", after: "after", rules: "openclaw@2026.5.3", ...spec }));
  setup?.(dir);
  return join("lint", name);
}

describe("paths a lint fixture names stay inside its directory", () => {
  it.each([
    ["an absolute path", { after: "/etc/hostname" }, "after '/etc/hostname'"],
    ["a .. path", { after: "../../private.json" }, "after '../../private.json'"],
    ["a catalog file outside", { rules: "../../private.json" }, "rules '../../private.json'"],
    ["a proposed file outside", { proposed: "/etc/passwd" }, "proposed '/etc/passwd'"],
    ["a config path leaving the side", { config: "../../../private.json" }, "config '../../private.json'"],
  ])("%s is refused, naming the fixture file", async (name, spec, field) => {
    const path = fixture(name.replace(/\W+/g, "-"), spec);
    const result = await runInProcess(["lint", path, "--format", "json"], {}, root);
    expect(result.code).toBe(2);
    const parsed = JSON.parse(result.stdout) as { fixtures: { status: string; error: string }[] };
    expect(parsed.fixtures[0]).toMatchObject({
      status: "error",
      error: `${path}/fixture.json5: ${field} is outside the fixture's directory (widen with --fixture-root <dir>)`,
    });
    expect(result.stdout).not.toContain("leakedKeyName");
  });

  it("an overlay inside the fixture may not extend a catalog file outside it", async () => {
    const path = fixture("overlay-out", { proposed: "overlay.json5" }, (dir) =>
      writeFileSync(join(dir, "overlay.json5"), '{ extends: "../../private.json", rules: [{ prefix: "browser.profiles", kind: "hot" }] }'),
    );
    const result = await runInProcess(["lint", path], {}, root);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`ERROR ${path}: ${path}/fixture.json5: the proposed overlay's extends '${join(root, "private.json")}' is outside the fixture's directory`);
    expect(result.stdout).not.toContain("leakedKeyName");
  });

  it("a link inside the fixture that points outside is refused too", async () => {
    const path = fixture("link-out", { after: "escape" }, (dir) => symlinkSync(join(root, "states", "after"), join(dir, "escape")));
    const result = await runInProcess(["lint", path], {}, root);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`ERROR ${path}: ${path}/fixture.json5: after 'escape' is outside the fixture's directory`);
  });

  it("--fixture-root widens the confinement, and only that far", async () => {
    const path = fixture("shared-states", { before: "../../states/before", after: "../../states/after" });
    const refused = await runInProcess(["lint", path], {}, root);
    expect(refused.code).toBe(2);
    const allowed = await runInProcess(["lint", path, "--fixture-root", "."], {}, root);
    expect(allowed.stdout).toMatch(/^PASS /m);
    expect(allowed.code).toBe(0);
    const outside = fixture("outside-root", { after: "/etc/hostname" });
    const stillRefused = await runInProcess(["lint", outside, "--fixture-root", "."], {}, root);
    expect(stillRefused.stdout).toContain("after '/etc/hostname' is outside the fixture's directory and --fixture-root .");
    expect(stillRefused.code).toBe(2);
  });

  it("paths inside the fixture work as before", async () => {
    const result = await runInProcess(["lint", fixture("inside", {})], {}, root);
    expect(result.stdout).toMatch(/^PASS /m);
    expect(result.code).toBe(0);
  });
});
