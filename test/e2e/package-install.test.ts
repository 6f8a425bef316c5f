import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/run-cli.js";

/**
 * What a user gets from the registry: pack the repo, install the tarball
 * into a fresh project (offline first: the dependencies are in the npm
 * cache), and run the installed binary, never the checkout's.
 */
const workDir = mkdtempSync(join(tmpdir(), "clawdiff-pack-"));
const projectDir = join(workDir, "project");
const installedDir = join(projectDir, "node_modules", "clawdiff");
const example = (side: string) => join(repoRoot, "examples", "agents-create", side);
let tarball = "";
let tarballFiles: string[] = [];

const npm = (args: string[], cwd: string) => execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8" });

function install(): void {
  try {
    npm(["install", "--offline", tarball], projectDir);
  } catch {
    // A dependency missing from the cache: the registry is reachable here.
    npm(["install", tarball], projectDir);
  }
}

beforeAll(() => {
  const packed = JSON.parse(npm(["pack", "--json", "--pack-destination", workDir], repoRoot)) as { filename: string; files: { path: string }[] }[];
  tarball = join(workDir, packed[0]!.filename);
  tarballFiles = packed[0]!.files.map((file) => file.path);
  execFileSync("mkdir", ["-p", projectDir]);
  writeFileSync(join(projectDir, "package.json"), JSON.stringify({ name: "clawdiff-consumer", private: true, type: "module" }));
  install();
}, 120_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe("the packed tarball", () => {
  it("holds only what users need", () => {
    const expected = ["package.json", "README.md", "LICENSE", "bin/clawdiff.js", "dist/cli.js", "dist/index.js", "schemas/report.schema.json", "schemas/catalogs/openclaw@2026.5.3.json", "schemas/defaults/openclaw@2026.5.3.json"];
    for (const file of expected) expect(tarballFiles).toContain(file);
    // Schemas ship whole (vendored ones keep their README); no sources, tests, bench data or source maps.
    const allowed = /^(package\.json|README\.md|LICENSE|bin\/[^/]+|dist\/[^/]+\.js|dist\/.+\.d\.ts|schemas\/.+)$/;
    expect(tarballFiles.filter((file) => !allowed.test(file))).toEqual([]);
  });

  it("installs a working `npx clawdiff diff`", () => {
    const result = spawnSync("npx", ["--no-install", "clawdiff", "diff", example("before"), example("after"), "--rules", "openclaw@2026.5.3"], { cwd: projectDir, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(3);
    expect(result.stdout.split("\n")[0]).toBe("restart would fire for 1 path, spurious: gateway.tailscale");
  });

  it("declares bin, exports and types that exist in the installed package", () => {
    const manifest = JSON.parse(readFileSync(join(installedDir, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest["bin"]).toEqual({ clawdiff: "bin/clawdiff.js" });
    const declared = JSON.stringify([manifest["exports"], manifest["types"], manifest["main"]]).match(/"\.\/?[^"]+"/g) ?? [];
    expect(declared.length).toBeGreaterThan(0);
    for (const path of declared) expect(existsSync(join(installedDir, JSON.parse(path) as string)), path).toBe(true);
  });

  it("exposes the library API to `import \"clawdiff\"`", () => {
    const probe = 'const api = await import("clawdiff"); console.log(typeof api.compareInputs, typeof api.diffConfigPaths);';
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", probe], { cwd: projectDir, encoding: "utf8" });
    expect(output.trim()).toBe("function function");
  });
});
