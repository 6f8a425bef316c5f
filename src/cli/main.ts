import { runCli } from "./program.js";
import { processIO } from "./io.js";

const exitCode = await runCli(process.argv.slice(2), processIO());
process.exitCode = exitCode;
