import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, release, totalmem } from "node:os";

function cpuModel() {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (match) return match[1].trim();
  } catch {
    // Not Linux: fall back to what node reports.
  }
  return cpus()[0]?.model ?? "unknown";
}

export function describeMachine() {
  return {
    cpu: cpuModel(),
    cores: availableParallelism(),
    ramGiB: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    os: `${process.platform} ${release()}`,
  };
}

/** 1-minute load average: other work on the machine skews wall times (ratios within a run less so). */
export const loadAverage = () => loadavg()[0];
