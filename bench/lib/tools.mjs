// The programs measured on every case. `core` tools feed the targets and
// always run; peers run afterwards, as far as the time budget allows.
import { join } from "node:path";
import { BENCH_DIR, CLAWDIFF_BIN } from "./paths.mjs";

const CONFIG_NAME = "openclaw.json";
export const CATALOG = "openclaw@2026.5.3";
const worker = (name) => join(BENCH_DIR, "workers", `${name}.mjs`);
const configFiles = (dirs) => [join(dirs.before, CONFIG_NAME), join(dirs.after, CONFIG_NAME)];

export const TOOLS = [
  {
    id: "gateway",
    label: "gateway baseline (json5 + walk)",
    core: true,
    args: (dirs) => [worker("gateway-baseline"), ...configFiles(dirs)],
  },
  {
    id: "floor",
    label: "strict-JSON floor (JSON.parse + walk)",
    core: true,
    // On JSON5 text the floor falls back to json5 and equals the gateway: not worth the minutes.
    appliesTo: (testCase) => testCase.format === "json",
    args: (dirs) => [worker("strict-json-floor"), ...configFiles(dirs)],
  },
  {
    id: "clawdiff",
    label: "clawdiff end to end",
    core: true,
    args: (dirs) => [CLAWDIFF_BIN, "diff", dirs.before, dirs.after, "--format", "json", "--rules", CATALOG],
    // 0 no change, 1 changes without restart, 3 restart: all successful answers.
    okExitCodes: [0, 1, 3],
    writesReport: true,
  },
  { id: "jsondiffpatch", label: "jsondiffpatch (objectHash by id)", args: (dirs) => [worker("jsondiffpatch-peer"), ...configFiles(dirs)] },
  { id: "json-diff", label: "json-diff", args: (dirs) => [worker("json-diff-peer"), ...configFiles(dirs)] },
];

export const PEERS = TOOLS.filter((tool) => !tool.core);
