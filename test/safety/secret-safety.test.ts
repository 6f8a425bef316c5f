import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vi, afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/run-cli.js";
import { discoverCommands } from "./cli-surface.js";
import { invocationsFor, type Invocation } from "./invocations.js";
import { runInvocation } from "./run-invocation.js";
import { CANARY_MARKER, secretEnv, writeSecretStates } from "./secret-states.js";
import { createWorkspace } from "./workspace.js";

// One test runs every command and format of the CLI in turn: minutes on a loaded machine, not the default 20 s.
vi.setConfig({ testTimeout: 180_000 });

/**
 * No secret value reaches any output. Canaries sit in every secret-bearing
 * place (inline tokens and passwords, channel tokens, provider apiKeys,
 * SecretRefs, ${VAR} fed from the process env, .env, --dotenv, --env and
 * the config's env block); every command runs in every format, with and
 * without --debug, plus error paths; stdout, stderr and files written with
 * --output must not contain a canary.
 */
let states: ReturnType<typeof writeSecretStates>;
let workspace: string;
let outDir: string;
const env = secretEnv("after");

beforeAll(() => {
  states = writeSecretStates();
  workspace = createWorkspace("clawdiff-secrets-", { before: states.before, after: states.after });
  outDir = mkdtempSync(join(tmpdir(), "clawdiff-secrets-out-"));
});
afterAll(() => {
  for (const dir of [states.root, workspace, outDir]) rmSync(dir, { recursive: true, force: true });
});

const leaks = (text: string) => text.split("\n").filter((line) => line.includes(CANARY_MARKER));

describe("secret safety", () => {
  it("the canaries are reachable: --show-secrets (outside CI) prints them, so their absence elsewhere means something", async () => {
    const result = await runInProcess(["diff", "before", "after", "--show-secrets", "--format", "json"], env.processEnv, workspace);
    expect(result.stdout).toContain(CANARY_MARKER);
  });

  it("no command, format, source kind or --debug run prints a canary", async () => {
    const surfaces = await discoverCommands();
    const invocations: Invocation[] = surfaces.flatMap((surface) =>
      invocationsFor(surface, (label) => join(outDir, label.replace(/\W+/g, "_")), {
        hermetic: false,
        extraOptions: [
          ["--dotenv", states.envFile],
          ["--env", env.envOption],
        ],
      }),
    );
    const found: string[] = [];
    for (const invocation of invocations) {
      for (const debug of [false, true]) {
        const run = debug ? { ...invocation, args: [...invocation.args, "--debug"] } : invocation;
        const result = await runInvocation(run, workspace, env.processEnv);
        for (const line of leaks(result.stdout + result.stderr)) found.push(`${run.args.join(" ")}: ${line.trim().slice(0, 160)}`);
      }
    }
    for (const file of readdirSync(outDir)) {
      for (const line of leaks(readFileSync(join(outDir, file), "utf8"))) found.push(`--output ${file}: ${line.trim().slice(0, 160)}`);
    }
    expect(found).toEqual([]);
  });

  it("error paths print no canary either, with or without --debug", async () => {
    const broken = join(workspace, "broken");
    mkdirSync(broken, { recursive: true });
    const token = `${CANARY_MARKER}-in-broken-config-q8Zt4w`;
    writeFileSync(join(broken, "syntax.json5"), `{ gateway: { auth: { token: "${token}" } }, oops }`);
    writeFileSync(join(broken, "bare.json5"), `{ gateway: { auth: { token: ${token} } } }`);
    writeFileSync(join(broken, "include.json5"), `{ gateway: { auth: { token: "${token}" } }, $include: "missing.json5" }`);
    writeFileSync(join(broken, "catalog.json"), `{ "rules": ["${token}"] }`);
    const errorRuns: [string[], NodeJS.ProcessEnv][] = [
      [["diff", "broken/syntax.json5", "after"], env.processEnv],
      [["diff", "broken/bare.json5", "after"], env.processEnv],
      [["diff", "broken/include.json5", "after"], env.processEnv],
      [["diff", "before", "after", "--rules", "broken/catalog.json"], env.processEnv],
      [["diff", "before", "after", "--env", `=${token}`], env.processEnv],
      [["diff", "before", "after", "--env", token], env.processEnv],
      [["diff", "before", "after", "--show-secrets"], { ...env.processEnv, CI: "true" }],
      [["explain", "before", "after", "gateway.auth.token", "--show-secrets"], { ...env.processEnv, CI: "true" }],
    ];
    const found: string[] = [];
    for (const [args, runEnv] of errorRuns) {
      for (const debug of [false, true]) {
        const result = await runInProcess(debug ? [...args, "--debug"] : args, runEnv, workspace);
        expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(2);
        for (const line of leaks(result.stdout + result.stderr)) found.push(`${args.join(" ")}${debug ? " --debug" : ""}: ${line.trim().slice(0, 160)}`);
      }
    }
    expect(found).toEqual([]);
  });
});
