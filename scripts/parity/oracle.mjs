// The parity oracle: runs under Node 24 (OpenClaw's engines) and answers, for
// config pairs read as JSON lines on stdin, what one published version's
// reloader computes: the changed paths and the reload plan. It imports the
// package's own, unmodified dist modules; only packages `npm pack` leaves out
// are recording stubs (stub-hooks.mjs), and a pair whose evaluation touched
// one is marked so the sweep excludes it.
//
//   node24 scripts/parity/oracle.mjs <package dir> [<reloader file>]
//
// Output: one `{ ready, ... }` line describing what was loaded, then one line
// per pair: { id, changedPaths, plan | null, touched, error? }.
import { Session } from "node:inspector";
import { createInterface } from "node:readline";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { installStubHooks } from "./stub-hooks.mjs";
import { locateReloaderGlue } from "./reloader-glue.mjs";

// Stub labels to hand out as strings, learnt by the sweep from earlier load errors (see stub-hooks.mjs).
const stringStubs = JSON.parse(process.env.CLAWDIFF_PARITY_STRING_STUBS || "[]");
const stubs = installStubHooks({ strings: stringStubs });

/**
 * Reads a module-scope binding that the module does not export, through the
 * inspector: nothing is rewritten. Any exported function defined in the
 * module sees its scope (a re-exported one does not, so each is tried).
 */
function readModuleScope(namespace, name, file) {
  const holders = Object.values(namespace).filter((value) => typeof value === "function");
  const session = new Session();
  session.connect();
  const post = (method, params) => {
    let outcome;
    session.post(method, params, (error, result) => (outcome = { error, result }));
    if (!outcome) throw new Error(`inspector ${method} did not answer synchronously`);
    if (outcome.error) throw outcome.error;
    return outcome.result;
  };
  try {
    for (const holder of holders) {
      globalThis.__parityScopeHolder = holder;
      const { result: fn } = post("Runtime.evaluate", { expression: "globalThis.__parityScopeHolder" });
      const scopes = post("Runtime.getProperties", { objectId: fn.objectId, ownProperties: true }).internalProperties?.find((p) => p.name === "[[Scopes]]");
      if (!scopes) continue;
      for (const scope of post("Runtime.getProperties", { objectId: scopes.value.objectId, ownProperties: true }).result) {
        if (scope.value.description !== "Module") continue;
        const variable = post("Runtime.getProperties", { objectId: scope.value.objectId, ownProperties: true }).result.find((v) => v.name === name);
        if (!variable?.value?.objectId) continue;
        post("Runtime.callFunctionOn", { objectId: variable.value.objectId, functionDeclaration: "function () { globalThis.__parityScopeValue = this; }" });
        const value = globalThis.__parityScopeValue;
        delete globalThis.__parityScopeValue;
        return value;
      }
    }
    throw new Error(`${file}: '${name}' is in the module scope of none of its ${holders.length} exported functions`);
  } finally {
    delete globalThis.__parityScopeHolder;
    session.disconnect();
  }
}

async function resolveBindings(packageDir, glue) {
  const namespaces = new Map();
  const load = async (file) => {
    if (!namespaces.has(file)) namespaces.set(file, await import(pathToFileURL(join(packageDir, file)).href));
    return namespaces.get(file);
  };
  const values = {};
  for (const [name, binding] of Object.entries(glue.bindings)) {
    if (binding.input) continue;
    if (binding.verbatim) values[name] = new Function(`"use strict"; return (${binding.verbatim});`)();
    else if (binding.export) {
      const namespace = await load(binding.module);
      if (!(binding.export in namespace)) throw new Error(`${binding.module} does not export '${binding.export}' (${name})`);
      values[name] = namespace[binding.export];
    } else values[name] = readModuleScope(await load(binding.module), binding.scope, binding.module);
    if (typeof values[name] !== "function") throw new Error(`${binding.module}: '${name}' is not a function`);
  }
  return values;
}

/** The reloader's own statements, in its order, as one function of the pair and the real functions. */
function compileGlue(glue) {
  const statements = Object.entries(glue.glue).map(([name, init]) => `const ${name} = ${init};`);
  const inputs = Object.keys(glue.bindings).filter((name) => glue.bindings[name].input);
  const functions = Object.keys(glue.bindings).filter((name) => !glue.bindings[name].input);
  const body = [
    '"use strict";',
    ...statements,
    `const __changed = ${glue.planArguments[0]};`,
    "if (__changed.length === 0) return { changedPaths: __changed, plan: null };",
    `return { changedPaths: __changed, plan: buildGatewayReloadPlan(${glue.planArguments.join(", ")}) };`,
  ].join("\n");
  const run = new Function("__fns", "__inputs", `const { ${functions.join(", ")} } = __fns; const { ${inputs.join(", ")} } = __inputs;\n${body}`);
  return { run, inputs };
}

/** Plain JSON for a plan: Sets become arrays, Maps become entry lists. */
function serialize(value) {
  if (value instanceof Set) return [...value].map(serialize);
  if (value instanceof Map) return [...value].map(([key, entry]) => [serialize(key), serialize(entry)]);
  if (Array.isArray(value)) return value.map(serialize);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, serialize(entry)]));
  return value;
}

async function main() {
  const packageDir = process.argv[2];
  if (!packageDir) throw new Error("usage: oracle.mjs <package dir>");
  const started = performance.now();
  const glue = locateReloaderGlue(packageDir, process.argv[3] ? { reloaderFile: process.argv[3] } : {});
  const functions = await resolveBindings(packageDir, glue);
  const { run, inputs } = compileGlue(glue);
  const out = (record) => process.stdout.write(`${JSON.stringify(record)}\n`);
  out({ ready: true, reloaderFile: glue.reloaderFile, applyLine: glue.applyLine, planLine: glue.planLine, glue: glue.glue, planArguments: glue.planArguments, bindings: Object.fromEntries(Object.entries(glue.bindings).map(([name, b]) => [name, b.input ? `input:${b.input}` : b.verbatim ? `verbatim:${b.module}:${b.line}` : b.export ? `export:${b.module}#${b.export}` : `scope:${b.module}`])), loadMs: Math.round(performance.now() - started), loadTouches: stubs.loadTouches(), stringStubs });

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    const pair = JSON.parse(line);
    const sides = { before: pair.before, after: pair.after, beforeRecords: pair.beforeRecords ?? {}, afterRecords: pair.afterRecords ?? {} };
    const values = Object.fromEntries(inputs.map((name) => [name, sides[glue.bindings[name].input]]));
    stubs.begin();
    let result;
    try {
      result = serialize(run(functions, values));
    } catch (error) {
      result = { error: `${error?.name ?? "Error"}: ${error?.message ?? String(error)}` };
    }
    out({ id: pair.id, ...result, touched: stubs.end() });
  }
}

main().catch((error) => {
  process.stderr.write(`parity oracle: ${error?.stack ?? error}\n`);
  process.exit(2);
});
