import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * CI's sample of the parity sweep (test/parity/README.md): the strict
 * versions of versions.json through each version's real reloader, under
 * Node 24, against this worktree's `clawdiff diff`. Downloads Node 24 and
 * the packages into the parity cache on first use; with CI set, a missing
 * network fails the test instead of skipping it.
 */
const sample = JSON.parse(readFileSync(new URL("./versions.json", import.meta.url), "utf8")) as { pairs: number; strict: string[]; pending: string[] };

interface SweepRow {
  version: string;
  error?: string;
  pairs: number;
  compared: number;
  agreeing: number;
  excluded: Record<string, number>;
  examples: { label: string; differs: string[] }[];
}

async function sweep(versions: string[]): Promise<{ code: number; stderr: string; rows: SweepRow[] }> {
  const dir = mkdtempSync(join(tmpdir(), "clawdiff-parity-sample-"));
  const json = join(dir, "sweep.json");
  try {
    const args = ["scripts/parity-sweep.mjs", "--versions", versions.join(","), "--pairs", String(sample.pairs), "--json", json, "--examples", "3"];
    const outcome = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 24 }).then(
      ({ stderr }) => ({ code: 0, stderr }),
      (error: { code?: number; stderr?: string }) => ({ code: error.code ?? 2, stderr: error.stderr ?? String(error) }),
    );
    const rows = outcome.code === 2 && !outcome.stderr.includes("swept") ? [] : (JSON.parse(readFileSync(json, "utf8")) as { rows: SweepRow[] }).rows;
    return { ...outcome, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("parity with OpenClaw's real reloader (CI sample)", () => {
  it(`every compared pair agrees for ${sample.strict.join(", ")}`, { timeout: 600_000 }, async (context) => {
    const { code, stderr, rows } = await sweep(sample.strict);
    const offline = /cannot download/.test(stderr);
    if (offline && !process.env["CI"]) {
      console.warn(`parity sample skipped: ${stderr.trim().split("\n").pop()}`);
      context.skip();
    }
    expect(rows.map((row) => row.error ?? "loaded"), stderr).toEqual(sample.strict.map(() => "loaded"));
    for (const row of rows) {
      // Exclusions are counted, never a way to pass: most pairs must reach the real code.
      expect(row.compared, `${row.version}: excluded ${JSON.stringify(row.excluded)}`).toBeGreaterThan(row.pairs * 0.9);
      expect({ version: row.version, disagreeing: row.compared - row.agreeing, examples: row.examples }).toEqual({ version: row.version, disagreeing: 0, examples: [] });
    }
    expect(code, stderr).toBe(0);
  });
});
