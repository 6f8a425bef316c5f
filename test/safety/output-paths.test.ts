import { spawnSync } from "node:child_process";
import { closeSync, cpSync, linkSync, mkdirSync, openSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { repoRoot, runInProcess } from "../helpers/run-cli.js";

/**
 * `snapshot -o` never writes to a file the run read, however the path is
 * spelled (a linked directory, `..`, a hard link) and whichever input it is
 * (the config, an include, the state's .env, a --dotenv file); it never
 * writes through a link, and replaces an existing file only with --force.
 */
const root = mkdtempSync(join(tmpdir(), "clawdiff-output-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CONFIG = '{ $include: "agents.json5", gateway: { port: 18789, auth: { token: "${TOKEN}" } } }\n';
const FILES: Record<string, string> = {
  "s/openclaw.json": CONFIG,
  "s/agents.json5": "{ agents: { list: [{ id: 'main' }] } }\n",
  "s/.env": "TOKEN=from-state-env\n",
  "extra.env": "OTHER=1\n",
  "unrelated.json": "keep me\n",
};

beforeEach(() => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, "s"), { recursive: true });
  for (const [path, text] of Object.entries(FILES)) writeFileSync(join(root, path), text);
  symlinkSync("s", join(root, "link"));
  linkSync(join(root, "s/openclaw.json"), join(root, "hard.json"));
  symlinkSync("unrelated.json", join(root, "pointer.json"));
});

const snapshot = (output: string, ...extra: string[]) => runInProcess(["snapshot", "s", "-o", output, "--no-process-env", ...extra], {}, root);

function unchanged(): void {
  for (const [path, text] of Object.entries(FILES)) expect(readFileSync(join(root, path), "utf8"), path).toBe(text);
  expect(readdirSync(root).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  expect(readdirSync(join(root, "s")).sort()).toEqual([".env", "agents.json5", "openclaw.json"]);
}

describe("snapshot -o never overwrites an input", () => {
  const spellings: [string, string, string[]][] = [
    ["through a linked directory", "link/openclaw.json", []],
    ["spelled with ..", "s/../s/openclaw.json", []],
    ["a hard link to the config", "hard.json", []],
    ["an included file", "s/agents.json5", []],
    ["the state's .env", "link/.env", []],
    ["a --dotenv file", "extra.env", ["--dotenv", "extra.env"]],
  ];
  it.each(spellings.flatMap(([label, output, extra]) => [[label, output, extra], [`${label}, with --force`, output, [...extra, "--force"]]]))("%s", async (_label, output, extra) => {
    const result = await snapshot(output, ...extra);
    expect(result.stderr).toBe(`clawdiff: ${output}: is a file this run reads; refusing to overwrite an input\n`);
    expect(result.code).toBe(2);
    unchanged();
  });

  it("standard input redirected from the output file is an input too", () => {
    const fd = openSync(join(root, "s/openclaw.json"), "r");
    try {
      const result = spawnSync(process.execPath, [join(repoRoot, "bin/clawdiff.js"), "snapshot", "-", "-o", "openclaw.json", "--force", "--no-process-env"], { cwd: join(root, "s"), stdio: [fd, "pipe", "pipe"], encoding: "utf8" });
      expect(result.stderr).toBe("clawdiff: openclaw.json: is a file this run reads; refusing to overwrite an input\n");
      expect(result.status).toBe(2);
    } finally {
      closeSync(fd);
    }
    unchanged();
  });

  it("never writes through a link at the final path, even with --force", async () => {
    const result = await snapshot("pointer.json", "--force");
    expect(result.stderr).toBe("clawdiff: pointer.json: is a symbolic link; refusing to write through it (name the real path)\n");
    expect(result.code).toBe(2);
    unchanged();
  });

  it("replaces an existing file only with --force", async () => {
    const refused = await snapshot("unrelated.json");
    expect(refused.stderr).toBe("clawdiff: unrelated.json: already exists (pass --force to replace it)\n");
    expect(refused.code).toBe(2);
    unchanged();
    const forced = await snapshot("unrelated.json", "--force");
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(join(root, "unrelated.json"), "utf8"))).toMatchObject({ kind: "clawdiff-snapshot" });
    expect(readFileSync(join(root, "pointer.json"), "utf8")).toBe(readFileSync(join(root, "unrelated.json"), "utf8"));
  });

  it("writes a new file whole, leaving no temporary file", async () => {
    const result = await snapshot("link/../fresh.json");
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(root, "fresh.json"), "utf8"))).toMatchObject({ kind: "clawdiff-snapshot" });
    unchanged();
  });

  it("a missing output directory is one line", async () => {
    const result = await snapshot("nowhere/snap.json");
    expect(result.stderr).toBe("clawdiff: nowhere: no such file or directory\n");
    expect(result.code).toBe(2);
  });
});

describe("rules import -o never overwrites a file of the package it reads", () => {
  it("a dist file of an unpacked package is refused, even with --force", async () => {
    const pkg = join(root, "pkg");
    cpSync(join(repoRoot, "test/fixtures/openclaw-dist/list-era"), pkg, { recursive: true });
    const target = join("pkg", "package.json");
    const before = readFileSync(join(root, target), "utf8");
    const result = await runInProcess(["rules", "import", "pkg", "-o", target, "--force"], {}, root);
    expect(result.stderr).toBe(`clawdiff: ${target}: is a file this run reads; refusing to overwrite an input\n`);
    expect(result.code).toBe(2);
    expect(readFileSync(join(root, target), "utf8")).toBe(before);
  });
});
