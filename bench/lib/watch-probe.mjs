// `clawdiff watch`: from a settled write to the printed verdict, and the CPU
// an idle watch uses. One watch process; each write waits for its record
// before the next, so every latency is one debounce window plus clawdiff's
// own work. The gateway itself logs 600–800 ms after a write on 2026.9.6.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLAWDIFF_BIN } from "./paths.mjs";
import { median } from "./stats.mjs";

const CLOCK_TICKS = 100;
const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureWatch(writes, { idleMs = 5000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "clawdiff-bench-watch-"));
  const config = join(dir, "openclaw.json");
  writeFileSync(config, JSON.stringify({ gateway: { port: 1 } }));
  const child = spawn(process.execPath, [CLAWDIFF_BIN, "watch", dir, "--format", "ndjson", "--rules", "openclaw@2026.9.6", "--no-process-env"], { stdio: ["ignore", "pipe", "pipe"] });
  const waiting = [];
  let buffered = "";
  child.stdout.on("data", (chunk) => {
    buffered += chunk;
    for (let newline = buffered.indexOf("\n"); newline >= 0; newline = buffered.indexOf("\n")) {
      const record = JSON.parse(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      waiting.shift()?.({ record, at: performance.now() });
    }
  });
  const next = (timeoutMs) =>
    Promise.race([new Promise((resolve) => waiting.push(resolve)), sleep(timeoutMs).then(() => null)]);
  try {
    const started = await next(10_000);
    if (started?.record.type !== "watching") return { failure: "watch did not start" };
    const debounceMs = started.record.debounceMs;
    const latencies = [];
    for (let write = 0; write < writes; write += 1) {
      await sleep(debounceMs + 100);
      const pending = next(10_000);
      const wroteAt = performance.now();
      writeFileSync(config, JSON.stringify({ gateway: { port: write + 2 } }));
      const seen = await pending;
      if (!seen || seen.record.type !== "change") return { failure: `write ${write}: ${seen ? `record ${seen.record.type}` : "no record within 10 s"}` };
      latencies.push(seen.at - wroteAt);
    }
    await sleep(1000);
    const cpuBefore = cpuSeconds(child.pid);
    await sleep(idleMs);
    const idleCpuMs = (cpuSeconds(child.pid) - cpuBefore) * 1000;
    return { writes, debounceMs, medianMs: median(latencies), worstMs: Math.max(...latencies), idleMs, idleCpuMs };
  } finally {
    child.kill("SIGINT");
    rmSync(dir, { recursive: true, force: true });
  }
}
