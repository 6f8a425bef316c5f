import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, runInProcess } from "../helpers/run-cli.js";

/** The environment around the inputs: the directory named with -C, the CI variable, a config that overflows Node's timers. */
const dir = mkdtempSync(join(tmpdir(), "clawdiff-environment-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const example = (side: string) => join(repoRoot, "examples/agents-create", side);

describe("-C names a directory", () => {
  it("a missing one is said to be missing, not git", async () => {
    const result = await runInProcess(["diff", "--staged", "-C", "/nonexistent/clawdiff"], {}, dir);
    expect(result.stderr).toBe("clawdiff: no such directory: /nonexistent/clawdiff (the repository named with -C, or the working directory)\n");
    expect(result.code).toBe(2);
  });

  it("a file is said not to be a directory", async () => {
    writeFileSync(join(dir, "plain-file"), "");
    const result = await runInProcess(["diff", "git:HEAD", "git:[index]", "-C", "plain-file"], {}, dir);
    expect(result.stderr).toBe(`clawdiff: not a directory: ${join(dir, "plain-file")} (the repository named with -C, or the working directory)\n`);
    expect(result.code).toBe(2);
  });
});

describe("--show-secrets under CI", () => {
  it.each([["CI=true", "true"], ["CI=1", "1"], ["CI= (empty)", ""]])("%s refuses it", async (_label, value) => {
    const result = await runInProcess(["diff", example("before"), example("after"), "--show-secrets", "--no-process-env"], { CI: value });
    expect(result.stderr).toBe("clawdiff: --show-secrets is refused when CI is set (even to an empty value)\n");
    expect(result.stdout).toBe("");
    expect(result.code).toBe(2);
  });

  it("without CI it is allowed", async () => {
    const result = await runInProcess(["diff", example("before"), example("after"), "--show-secrets", "--no-process-env"], {});
    expect(result.code).toBe(3);
  });
});

describe("gateway.reload.debounceMs past Node's timer range", () => {
  it("watch waits as the gateway's timer would (1 ms), without a TimeoutOverflowWarning", async () => {
    const state = join(dir, "state");
    cpSync(example("before"), state, { recursive: true, filter: (source) => !source.endsWith("openclaw.json") });
    const config = join(state, "openclaw.json");
    writeFileSync(config, `{ "gateway": { "reload": { "debounceMs": 1e300 } } }\n`);
    const child = spawn(process.execPath, [join(repoRoot, "bin/clawdiff.js"), "watch", state, "--rules", "openclaw@2026.5.3", "--format", "ndjson", "--no-process-env"], {
      env: { PATH: process.env["PATH"] },
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const records: Record<string, unknown>[] = [];
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const lines = stdout.split("\n");
        stdout = lines.pop()!;
        for (const line of lines) {
          const record = JSON.parse(line) as Record<string, unknown>;
          records.push(record);
          // Once watching, edit the config: the settle timer is armed with the configured debounce.
          if (record["type"] === "watching") writeFileSync(config, `{ "gateway": { "reload": { "debounceMs": 1e300 }, "port": 18790 } }\n`);
          if (record["type"] === "change") resolve();
        }
      });
      child.on("error", reject);
      child.on("exit", () => resolve());
    });
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(records[0]).toMatchObject({ type: "watching", debounceMs: 1 });
    expect(records.find((record) => record["type"] === "change")).toMatchObject({ changedPaths: ["gateway.port"] });
    expect(stderr).not.toContain("TimeoutOverflowWarning");
  });
});

describe("signals during synchronous work", () => {
  it("SIGINT ends a run blocked reading standard input that never ends", async () => {
    const child = spawn(process.execPath, [join(repoRoot, "bin/clawdiff.js"), "diff", "-", example("after")], { env: { PATH: process.env["PATH"] }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    // Half a config, and the writer stays open: the run sits in its synchronous read.
    child.stdin.write('{ "gateway": ');
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
    setTimeout(() => child.kill("SIGINT"), 500);
    const { code, signal } = await ended;
    child.stdin.destroy();
    expect(code === 130 || signal === "SIGINT", `exit ${code} signal ${signal}`).toBe(true);
    expect(stdout).toBe("");
  });
});
