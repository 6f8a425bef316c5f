// The real reload/restart lines a run saw, saved as a log-parsing corpus:
// <version>-<scenario>.log (console, verbatim with the gateway's colours) and
// .jsonl (its file log), written only for scenarios that showed a line shape
// not seen before. README.md says which version and edit produced each file.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isReloadEntry } from "./reactions.mjs";

const ANSI = /\x1b\[[0-9;]*m/g;
const RESTART_WORDS = /SIGUSR|restart/i;
const isCorpusEntry = (entry) => isReloadEntry(entry) || RESTART_WORDS.test(entry.message);
const isCorpusConsoleLine = (line) => /\[reload\]/.test(line.replace(ANSI, "")) || RESTART_WORDS.test(line.replace(ANSI, ""));

/** A line's shape: path lists, numbers and quoted details blanked, so "the same line" means the same template. */
const shapeOf = (message) =>
  message
    .split("\n")[0]
    .replace(/\(([^()]*)\)/g, "(…)")
    .replace(/\d+/g, "N")
    .replace(/: .*$/, ": …");

export function writeCorpus(runs, dir) {
  mkdirSync(dir, { recursive: true });
  // `*.kept.*` files are hand-picked excerpts documented in the README, not regenerated.
  for (const name of readdirSync(dir)) if (/\.(log|jsonl)$/.test(name) && !/\.kept\./.test(name)) rmSync(join(dir, name));
  const rows = [];
  for (const run of runs) {
    // Per version: the same line shape in another era is a sample of that era's log.
    const seen = new Set();
    for (const record of [{ id: "startup", does: "gateway start with the base config", entries: run.startup.entries, console: run.startup.console }, ...run.records]) {
      const entries = record.entries.filter(isCorpusEntry);
      const fresh = [...new Set(entries.map((entry) => shapeOf(entry.message)))].filter((shape) => !seen.has(shape));
      if (fresh.length === 0) continue;
      for (const shape of fresh) seen.add(shape);
      const base = `${run.version}-${record.id}`;
      writeFileSync(join(dir, `${base}.log`), `${record.console.filter(isCorpusConsoleLine).join("\n")}\n`);
      writeFileSync(join(dir, `${base}.jsonl`), `${entries.map((entry) => entry.raw).join("\n")}\n`);
      rows.push(`| ${base} | ${run.version} | ${record.does.replaceAll("|", "\\|")} | ${fresh.map((shape) => `\`${shape.replaceAll("|", "\\|")}\``).join("<br>")} |`);
    }
  }
  writeFileSync(join(dir, "README.md"), readme(runs, rows));
  return `${rows.length} files pairs in ${dir}`;
}

function readme(runs, rows) {
  return [
    "# Real gateway reload and restart log lines",
    "",
    "Captured by `npm run test:gateway -- --corpus` (scripts/gateway-harness.mjs) from unmodified",
    `OpenClaw gateways (${runs.map((run) => run.version).join(", ")}) run offline with \`openclaw gateway run --bind loopback\``,
    "in a temp HOME, while the harness edited their config. Each scenario that showed a line shape",
    "not seen earlier in that version's run has two files:",
    "",
    "- `<version>-<scenario>.log`: the console lines (`[reload]` and restart lines) exactly as the gateway",
    "  printed them to a pipe, ANSI colours and timestamps included;",
    "- `<version>-<scenario>.jsonl`: the same events from the gateway's JSON-lines file log (`logging.file`).",
    "",
    "Secrets in them are the harness's throwaway values; paths name the run's temp HOME.",
    "",
    "`2026.5.3-in-process-stale-baseline.kept.jsonl` is kept by hand from a 2026.5.3 run with",
    "`--restart-mode in-process`: after each in-process restart the gateway kept diffing against an older",
    "config (its last-known-good copy, which restart-requiring changes never become): gateway.port reverted,",
    "nothing logged; an identical re-save of a trusted-proxy config, a restart for every difference from the",
    "first start. See docs/faithfulness-gateway.md.",
    "",
    "| file | version | scenario edit | new line shapes |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
