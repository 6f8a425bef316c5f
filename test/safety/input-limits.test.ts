import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_PACKAGE_LIMITS, openPackage } from "../../src/sources/package-reader.js";
import { repoRoot, runInProcess } from "../helpers/run-cli.js";

/**
 * Every input has a byte limit and a clean exit 2: standard input is read
 * up to the limit and no further (an endless stream ends the run), a log
 * line too long to be one is skipped with a warning, and a package archive
 * is bounded packed, unpacked and in entries.
 */
const dir = mkdtempSync(join(tmpdir(), "clawdiff-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const after = join(repoRoot, "examples/agents-create/after");

/** The bundled binary with standard input connected to `source` (a file or device path). */
function runWithStdin(args: string[], source: string) {
  const fd = openSync(source, "r");
  try {
    // The timeout only bounds a regression (an endless read); a passing run ends at once.
    const result = spawnSync(process.execPath, [join(repoRoot, "bin/clawdiff.js"), ...args], { cwd: dir, stdio: [fd, "pipe", "pipe"], encoding: "utf8", timeout: 15_000, maxBuffer: 1024 * 1024 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
  } finally {
    closeSync(fd);
  }
}

describe("standard input is read up to the limit", () => {
  it.each([
    ["diff", ["diff", "-", after, "--max-bytes", "1000"]],
    ["log", ["log", "-", "--max-bytes", "1000"]],
    ["snapshot", ["snapshot", "-", "-o", "-", "--max-bytes", "1000"]],
  ])("%s - < /dev/zero stops at --max-bytes", (_name, args) => {
    const result = runWithStdin(args as string[], "/dev/zero");
    expect(result.signal).toBeNull();
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("clawdiff: <stdin>: standard input is over the --max-bytes limit of 1000 bytes\n");
    expect(result.code).toBe(2);
  });

  it("a piped config within the limit is read whole", () => {
    const config = join(dir, "piped.json");
    writeFileSync(config, JSON.stringify({ gateway: { port: 1 }, padding: "x".repeat(5000) }));
    expect(runWithStdin(["diff", "-", config, "--max-bytes", "6000", "--format", "brief"], config).code).toBe(0);
    const over = runWithStdin(["diff", "-", config, "--max-bytes", "4000"], config);
    expect(over.stderr).toBe("clawdiff: <stdin>: standard input is over the --max-bytes limit of 4000 bytes\n");
  });
});

describe("log lines", () => {
  it("a line too long to be a log line is skipped with one warning; the rest is read", async () => {
    const log = join(dir, "long-line.log");
    const reload = "2026-03-01T10:00:00.000Z [reload] config change detected; evaluating reload (gateway.port)";
    writeFileSync(log, `${reload}\n${"x".repeat(300 * 1024)}\n${reload}\n`);
    const result = await runInProcess(["log", log, "--format", "json", "--no-process-env"], {}, dir);
    expect(result.stderr).toBe(`clawdiff: warning: ${log}:2: line is ${300 * 1024} characters, over the 262144-character log line limit; skipped\n`);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { lines: { total: number }; events: { event: { line: number } }[] };
    expect(report.lines.total).toBe(3);
    expect(report.events.map((entry) => entry.event.line)).toEqual([1, 3]);
  });
});

describe("package archives", () => {
  // 100 gzip members of 1 MiB of zeros each: 100 MiB unpacked from about 100 KB.
  const bomb = join(dir, "bomb.tgz");
  writeFileSync(bomb, Buffer.concat(Array.from({ length: 100 }, () => gzipSync(Buffer.alloc(1024 * 1024), { level: 9 }))));

  it.each([
    ["rules import", ["rules", "import", bomb]],
    ["diff --openclaw", ["diff", after, after, "--openclaw", bomb]],
  ])("%s refuses a gzip bomb before it unpacks", async (_name, args) => {
    const result = await runInProcess(args as string[], {}, dir);
    expect(result.stderr).toMatch(/^clawdiff: \S+bomb\.tgz: archive of \d+ bytes unpacks to more than 67108864 bytes; refusing it \(a gzip bomb\?\)\n$/);
    expect(result.code).toBe(2);
  });

  const many = join(dir, "many");
  mkdirSync(join(many, "package"), { recursive: true });
  writeFileSync(join(many, "package", "package.json"), '{ "name": "openclaw", "version": "2026.9.6" }');
  for (let i = 0; i < 30; i += 1) writeFileSync(join(many, "package", `f${i}.js`), "");
  execFileSync("tar", ["czf", join(dir, "many.tgz"), "-C", many, "package"]);
  const limits = { ...DEFAULT_PACKAGE_LIMITS, entries: 20 };

  it.each([
    ["an unpacked directory", many],
    ["a .tgz", join(dir, "many.tgz")],
  ])("%s with more entries than the limit is refused", (_name, location) => {
    expect(() => openPackage(location, limits)).toThrow("package has more than 20 entries; refusing it");
    expect(openPackage(location, { ...limits, entries: 40 }).paths).toContain("f29.js");
  });

  it("a packed archive over the limit is refused before it is read", () => {
    expect(() => openPackage(join(dir, "many.tgz"), { ...limits, archiveBytes: 10 })).toThrow(/over the --max-bytes limit of 10/);
  });
});
