import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/run-cli.js";

/**
 * Fingerprints must not let anyone without the user's key confirm a guess,
 * and comparisons must not collide: a 6-digit PIN behind a plain-hash
 * prefix is recovered in seconds, and a 32-bit print has birthday
 * collisions that made a snapshot diff say "no change".
 */
const PIN = { before: "482913", after: "771204" };
const KEY_A = "a".repeat(16) + "-shared-ci-key-one-0123456789";
const KEY_B = "b".repeat(16) + "-shared-ci-key-two-0123456789";

let root: string;
let configHome: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "clawdiff-prints-"));
  configHome = join(root, "config-home");
  for (const side of ["before", "after"] as const) {
    mkdirSync(join(root, side));
    writeFileSync(join(root, side, "openclaw.json"), JSON.stringify({ gateway: { port: 18789, auth: { mode: "password", password: PIN[side] } }, channels: { bank: { pin: PIN[side] } } }, null, 2));
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (args: string[], env: NodeJS.ProcessEnv) => runInProcess(args, { XDG_CONFIG_HOME: configHome, ...env }, root);
const hexRuns = (text: string) => [...text.matchAll(/[0-9a-f]{8,}/g)].map((match) => match[0]);
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const printsOf = (text: string) => [...new Set([...text.matchAll(/hmac:([0-9a-f]+)/g)].map((match) => match[1]!))];

describe("fingerprint strength", () => {
  it("no output carries a prefix of the secret's plain SHA-256, in any format", async () => {
    for (const format of ["json", "ndjson", "table", "markdown"]) {
      const result = await run(["diff", "before", "after", "--format", format], { CLAWDIFF_FINGERPRINT_KEY: KEY_A });
      expect(result.code, result.stderr).not.toBe(2);
      expect(printsOf(result.stdout).length, format).toBeGreaterThan(0);
      for (const secret of Object.values(PIN)) {
        const plain = sha256(secret);
        expect(hexRuns(result.stdout).filter((run) => plain.startsWith(run.slice(0, 8))), format).toEqual([]);
      }
    }
  });

  it("comparisons use 128 bits: every fingerprint in JSON and in a snapshot has 32 hex digits", async () => {
    const report = await run(["diff", "before", "after", "--format", "json"], { CLAWDIFF_FINGERPRINT_KEY: KEY_A });
    const output = join(root, "snap-128.json");
    const snapshot = await run(["snapshot", "before", "-o", output], { CLAWDIFF_FINGERPRINT_KEY: KEY_A });
    expect(snapshot.code, snapshot.stderr).toBe(0);
    for (const text of [report.stdout, readFileSync(output, "utf8")]) {
      const prints = [...text.matchAll(/hmac:([0-9a-f]*)/g)].map((match) => match[1]!);
      expect(prints.length).toBeGreaterThan(0);
      expect(prints.filter((print) => print.length !== 32)).toEqual([]);
    }
  });

  it("different keys give different prints, the same key the same prints", async () => {
    const once = printsOf((await run(["diff", "before", "after", "--format", "json"], { CLAWDIFF_FINGERPRINT_KEY: KEY_A })).stdout);
    const again = printsOf((await run(["diff", "before", "after", "--format", "json"], { CLAWDIFF_FINGERPRINT_KEY: KEY_A })).stdout);
    const other = printsOf((await run(["diff", "before", "after", "--format", "json"], { CLAWDIFF_FINGERPRINT_KEY: KEY_B })).stdout);
    expect(once.length).toBeGreaterThan(0);
    expect(again).toEqual(once);
    expect(other.filter((print) => once.includes(print))).toEqual([]);
  });

  it("without the variable, a private key file is created once (mode 0600) and reused", async () => {
    const home = join(root, "fresh-home");
    const first = await runInProcess(["diff", "before", "after", "--format", "json"], { XDG_CONFIG_HOME: home }, root);
    const keyFile = join(home, "clawdiff", "fingerprint-key");
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, "clawdiff")).mode & 0o077).toBe(0);
    const second = await runInProcess(["diff", "before", "after", "--format", "json"], { XDG_CONFIG_HOME: home }, root);
    expect(printsOf(second.stdout)).toEqual(printsOf(first.stdout));
    expect(readFileSync(keyFile, "utf8")).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it("a shared key too short to resist guessing is refused without being shown", async () => {
    const result = await run(["diff", "before", "after"], { CLAWDIFF_FINGERPRINT_KEY: "hunter2" });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("CLAWDIFF_FINGERPRINT_KEY must hold at least 32 characters");
    expect(result.stderr).not.toContain("hunter2");
  });
});

describe("snapshots and the fingerprint key", () => {
  it("a snapshot records the key id, not the key, and compares under the same key", async () => {
    const output = join(root, "snap-a.json");
    expect((await run(["snapshot", "before", "-o", output], { CLAWDIFF_FINGERPRINT_KEY: KEY_A })).code).toBe(0);
    const text = readFileSync(output, "utf8");
    expect((JSON.parse(text) as { fingerprintKeyId: string }).fingerprintKeyId).toMatch(/^[0-9a-f]{16}$/);
    expect(text).not.toContain(KEY_A);
    const same = await run(["diff", output, "after", "--format", "json"], { CLAWDIFF_FINGERPRINT_KEY: KEY_A });
    expect(same.code, same.stderr).not.toBe(2);
    expect((JSON.parse(same.stdout) as { changedPaths: string[] }).changedPaths).toEqual(expect.arrayContaining(["gateway.auth.password", "channels.bank.pin"]));
  });

  it("a snapshot taken under another key is refused with one clear line", async () => {
    const output = join(root, "snap-b.json");
    expect((await run(["snapshot", "before", "-o", output], { CLAWDIFF_FINGERPRINT_KEY: KEY_A })).code).toBe(0);
    const result = await run(["diff", output, "after"], { CLAWDIFF_FINGERPRINT_KEY: KEY_B });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/snap-b\.json: snapshot was taken with fingerprint key [0-9a-f]{16}, this run uses [0-9a-f]{16}/);
  });

  it("a snapshot from before keyed fingerprints is refused, not compared", async () => {
    const output = join(root, "snap-old.json");
    expect((await run(["snapshot", "before", "-o", output], { CLAWDIFF_FINGERPRINT_KEY: KEY_A })).code).toBe(0);
    const { fingerprintKeyId: _id, ...old } = JSON.parse(readFileSync(output, "utf8")) as Record<string, unknown>;
    writeFileSync(output, JSON.stringify({ ...old, snapshotSchemaVersion: 1 }));
    const result = await run(["diff", output, "after"], { CLAWDIFF_FINGERPRINT_KEY: KEY_A });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unkeyed sha256 fingerprints");
  });
});
