// Cold start: what a pre-deploy hook pays on every run. The three commands
// are interleaved run by run so machine noise hits them alike.
import { join } from "node:path";
import { measureNode } from "./measure.mjs";
import { CLAWDIFF_BIN, OUTPUT_DIR, REPO_DIR } from "./paths.mjs";
import { median } from "./stats.mjs";
import { CATALOG } from "./tools.mjs";

const SMALL_PAIR = join(REPO_DIR, "examples", "agents-create");

export const COLD_START_COMMANDS = [
  { id: "node", label: "node -e 0", args: ["-e", "0"], okExitCodes: [0] },
  { id: "version", label: "clawdiff --version", args: [CLAWDIFF_BIN, "--version"], okExitCodes: [0] },
  {
    id: "small-diff",
    label: "clawdiff diff examples/agents-create (table)",
    args: [CLAWDIFF_BIN, "diff", join(SMALL_PAIR, "before"), join(SMALL_PAIR, "after"), "--rules", CATALOG],
    okExitCodes: [0, 1, 3],
  },
];

export async function measureColdStart(runs) {
  const samples = Object.fromEntries(COLD_START_COMMANDS.map((command) => [command.id, []]));
  const failures = {};
  for (let round = 0; round < runs; round += 1) {
    for (const command of COLD_START_COMMANDS) {
      if (failures[command.id]) continue;
      const run = await measureNode(command.args, { okExitCodes: command.okExitCodes, timeoutMs: 30_000, stdoutFile: join(OUTPUT_DIR, `cold-${command.id}.txt`) });
      if (run.ok) samples[command.id].push(run);
      else failures[command.id] = run.failure;
    }
  }
  return COLD_START_COMMANDS.map((command) => {
    const runsOk = samples[command.id];
    if (failures[command.id]) return { ...command, failure: failures[command.id] };
    return { ...command, runs: runsOk.length, wallMs: median(runsOk.map((run) => run.wallMs)), peakRssKb: median(runsOk.map((run) => run.peakRssKb)) };
  });
}
