// Runs one child process and measures it from outside: wall time from the
// parent's clock (fine-grained, needed for ~40 ms cold starts) and peak RSS
// from GNU time, which reads the child's rusage without touching its code.
// Without /usr/bin/time, a preload reports node's own maxRSS instead.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { BENCH_DIR, OUTPUT_DIR } from "./paths.mjs";

const GNU_TIME = "/usr/bin/time";
const RSS_PRELOAD = join(BENCH_DIR, "lib", "report-max-rss.mjs");
export const RSS_SOURCE = existsSync(GNU_TIME) ? "GNU time -v (child rusage)" : "node process.resourceUsage().maxRSS via --import preload";

function wrapCommand(nodeArgs, rssFile, extraEnv) {
  const env = { ...process.env, ...extraEnv };
  if (existsSync(GNU_TIME)) return { command: GNU_TIME, args: ["-v", "-o", rssFile, process.execPath, ...nodeArgs], env };
  return { command: process.execPath, args: ["--import", RSS_PRELOAD, ...nodeArgs], env: { ...env, BENCH_RSS_FILE: rssFile } };
}

function readPeakRssKb(rssFile) {
  if (!existsSync(rssFile)) return null;
  const text = readFileSync(rssFile, "utf8");
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(text) ?? /^(\d+)$/m.exec(text);
  return match ? Number(match[1]) : null;
}

/** Names the failure the way the lead needs to read it: OOM, stack overflow, timeout, or the first error line. */
function describeFailure({ timedOut, timeoutMs, exitCode, signal, stderr }) {
  if (timedOut) return `timed out after ${(timeoutMs / 1000).toFixed(1)} s`;
  if (/heap out of memory|Reached heap limit/i.test(stderr)) return "out of memory (V8 heap limit)";
  if (/Maximum call stack size exceeded/.test(stderr)) return "stack overflow";
  const firstLine = stderr.split("\n").find((line) => line.trim() !== "" && !line.startsWith("Command exited")) ?? "";
  return `exit ${exitCode ?? signal}: ${firstLine.trim().slice(0, 160)}`;
}

/**
 * Spawns `node <nodeArgs>`; resolves { ok, wallMs, peakRssKb, exitCode, stdout, failure }.
 * stdout goes to `stdoutFile` when given (clawdiff's reports reach 100 MB), else is collected.
 */
export function measureNode(nodeArgs, { timeoutMs, okExitCodes = [0], stdoutFile, env: extraEnv = {} } = {}) {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const rssFile = join(OUTPUT_DIR, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const { command, args, env } = wrapCommand(nodeArgs, rssFile, extraEnv);
  const stdoutFd = stdoutFile ? openSync(stdoutFile, "w") : "pipe";
  return new Promise((resolvePromise) => {
    const started = process.hrtime.bigint();
    // Own process group, so a timeout kills node too, not just its GNU time parent.
    const child = spawn(command, args, { env, detached: true, stdio: ["ignore", stdoutFd, "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => {
      if (stderr.length < 65536) stderr += chunk;
    });
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          process.kill(-child.pid, "SIGKILL");
        }, timeoutMs)
      : null;
    child.on("close", (exitCode, signal) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (timer) clearTimeout(timer);
      if (typeof stdoutFd === "number") closeSync(stdoutFd);
      const ok = !timedOut && okExitCodes.includes(exitCode);
      const result = { ok, wallMs, peakRssKb: readPeakRssKb(rssFile), exitCode, stdout };
      resolvePromise(ok ? result : { ...result, failure: describeFailure({ timedOut, timeoutMs, exitCode, signal, stderr }) });
    });
  });
}
