// Module customization hooks for the parity oracle (Node 24). `npm pack`
// brings a package without its dependencies, so a bare specifier that does
// not resolve (zod, ws, chokidar, ...) becomes a recording stub: every value
// it hands out is a proxy that notes when it is called, constructed or read.
// Stubs exist only for packages that are missing; sibling chunks of the
// package always load for real.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
// A namespace import: the sweep (Node 20, no registerHooks) also reads stubNamedIn from here.
import * as nodeModule from "node:module";
import { fileURLToPath } from "node:url";
import { parse } from "acorn";

const STUB_SCHEME = "parity-stub:";

/** Touches since the last `takeTouches()`, keyed by package; `loading` ones happen while modules evaluate. */
const state = { collecting: false, touches: new Map(), loadTouches: new Map() };

function note(packageName, what) {
  const bucket = state.collecting ? state.touches : state.loadTouches;
  if (!bucket.has(packageName)) bucket.set(packageName, new Set());
  const seen = bucket.get(packageName);
  if (seen.size < 20) seen.add(what);
}

/** The package a bare specifier belongs to: `@scope/name` or `name`. */
export function packageOf(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/**
 * Labels of stub values that module code needs as strings while it loads
 * (e.g. a temp dir passed to path.join at the top of a logger module): the
 * sweep learns them from the load error and restarts the oracle with them.
 */
const stringLabels = new Set();
const stringStandIn = (label) => `/nonexistent/clawdiff-parity-stub/${label.replace(/[^\w.-]+/g, "_")}`;

/** The value a stub hands out for `label`: a string where loading needs one, else another recording stub. */
const stubValue = (packageName, label) => (stringLabels.has(label) ? stringStandIn(label) : recordingStub(packageName, label));

/**
 * A stand-in that answers everything with another stand-in and records the
 * access. `then` is absent so awaiting a stub does not hang, iterating one
 * yields nothing, primitives coerce to a marker string so template literals
 * do not throw, and `name` is its label so error messages say which stub.
 */
function recordingStub(packageName, label) {
  const target = function stub() {};
  return new Proxy(target, {
    get(_target, key) {
      if (key === "then") return undefined;
      if (key === "name") return `stub:${label}`;
      if (key === Symbol.toPrimitive) return () => `[stub ${label}]`;
      if (key === Symbol.iterator || key === Symbol.asyncIterator) {
        note(packageName, `iterate ${label}`);
        return function* empty() {};
      }
      if (typeof key === "symbol") return undefined;
      note(packageName, `read ${label}.${key}`);
      return stubValue(packageName, `${label}.${key}`);
    },
    apply() {
      note(packageName, `call ${label}()`);
      return stubValue(packageName, `${label}()`);
    },
    construct() {
      note(packageName, `new ${label}`);
      return recordingStub(packageName, `new ${label}`);
    },
    set(_target, key) {
      note(packageName, `write ${label}.${String(key)}`);
      return true;
    },
    has(_target, key) {
      note(packageName, `has ${label}.${String(key)}`);
      return false;
    },
  });
}
globalThis.__parityStub = (specifier, name) => {
  note(packageOf(specifier), `load ${specifier}`);
  return recordingStub(packageOf(specifier), `${specifier}#${name}`);
};

/**
 * Names read off rolldown's re-export objects (`zod_exports.z`) anywhere in
 * the dist: a namespace import may be re-exported whole (`__reExport`) and
 * used in another file, so its stub exports these names too.
 */
const reExportNames = new Map();
function namesReadOffReExports(parentPath) {
  const distRoot = parentPath.slice(0, parentPath.lastIndexOf("/dist/") + "/dist".length);
  if (!reExportNames.has(distRoot)) {
    const names = new Set();
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.m?js$/.test(entry.name)) for (const match of readFileSync(path, "utf8").matchAll(/\b[\w$]+_exports\.([A-Za-z_$][\w$]*)/g)) names.add(match[1]);
      }
    };
    walk(distRoot);
    reExportNames.set(distRoot, names);
  }
  return reExportNames.get(distRoot);
}

const parseCache = new Map();
function importedNames(parentPath, specifier) {
  if (!parseCache.has(parentPath)) {
    const text = readFileSync(parentPath, "utf8");
    parseCache.set(parentPath, { text, program: parse(text, { ecmaVersion: "latest", sourceType: "module" }) });
  }
  const { text, program } = parseCache.get(parentPath);
  const names = new Set();
  let namespace = false;
  for (const node of program.body) {
    const fromSpecifier = node.source?.value === specifier;
    if (!fromSpecifier) continue;
    if (node.type === "ExportAllDeclaration") throw new Error(`parity stubs: ${parentPath} re-exports all of missing package '${specifier}'; its names are unknown`);
    for (const item of node.specifiers ?? []) {
      if (item.type === "ImportDefaultSpecifier") names.add("default");
      else if (item.type === "ImportNamespaceSpecifier") {
        namespace = true;
        for (const match of text.matchAll(new RegExp(`\\b${item.local.name}\\.([A-Za-z_$][\\w$]*)`, "g"))) names.add(match[1]);
        for (const name of namesReadOffReExports(parentPath)) names.add(name);
      } else names.add(item.type === "ExportSpecifier" ? (item.local.name ?? item.local.value) : (item.imported.name ?? item.imported.value));
    }
  }
  // A dynamic import() or a namespace gets a default too: code often reads `.default`.
  if (namespace || names.size === 0) names.add("default");
  return [...names];
}

function stubSource(specifier, parentPath, commonjs) {
  const call = (name) => `globalThis.__parityStub(${JSON.stringify(specifier)}, ${JSON.stringify(name)})`;
  if (commonjs) return `module.exports = ${call("module.exports")};`;
  const names = parentPath ? importedNames(parentPath, specifier) : ["default"];
  const lines = names.map((name, index) => (name === "default" ? `export default ${call(name)};` : `const n${index} = ${call(name)};\nexport { n${index} as ${JSON.stringify(name)} };`));
  return lines.join("\n");
}

const isBare = (specifier) => !/^(\.|\/|file:|node:|data:)/.test(specifier) && !specifier.startsWith(STUB_SCHEME);

/** The label of the stub a load error names ("Received function stub:<label>"), if any. */
export function stubNamedIn(message) {
  return /\bstub:(\S+)/.exec(message)?.[1].replace(/[.,;]+$/, "") ?? /\[stub ([^\]]+)\]/.exec(message)?.[1] ?? null;
}

/** Installs the hooks; `strings` are stub labels to hand out as strings. Returns the controls the oracle uses around each evaluation. */
export function installStubHooks({ strings = [] } = {}) {
  for (const label of strings) stringLabels.add(label);
  nodeModule.registerHooks({
    resolve(specifier, context, nextResolve) {
      try {
        return nextResolve(specifier, context);
      } catch (error) {
        if (!isBare(specifier) || (error.code !== "ERR_MODULE_NOT_FOUND" && error.code !== "MODULE_NOT_FOUND")) throw error;
        const commonjs = context.conditions?.includes("require") ?? false;
        const parent = context.parentURL?.startsWith("file:") ? fileURLToPath(context.parentURL) : "";
        const query = new URLSearchParams({ from: parent, cjs: commonjs ? "1" : "" });
        return { url: `${STUB_SCHEME}${encodeURIComponent(specifier)}?${query}`, format: commonjs ? "commonjs" : "module", shortCircuit: true };
      }
    },
    load(url, context, nextLoad) {
      if (!url.startsWith(STUB_SCHEME)) return nextLoad(url, context);
      const [encoded, queryText] = url.slice(STUB_SCHEME.length).split("?");
      const query = new URLSearchParams(queryText);
      const commonjs = query.get("cjs") === "1";
      return { format: commonjs ? "commonjs" : "module", source: stubSource(decodeURIComponent(encoded), query.get("from"), commonjs), shortCircuit: true };
    },
  });
  return {
    /** Starts recording touches for one evaluation. */
    begin() {
      state.collecting = true;
      state.touches = new Map();
    },
    /** Ends recording; returns `{ package: [what, ...] }` for the stubs the evaluation touched. */
    end() {
      state.collecting = false;
      return Object.fromEntries([...state.touches].map(([name, seen]) => [name, [...seen]]));
    },
    /** Packages stubbed and touched while the modules loaded (informational: load-time values are stubs too). */
    loadTouches: () => Object.fromEntries([...state.loadTouches].map(([name, seen]) => [name, seen.size])),
  };
}
