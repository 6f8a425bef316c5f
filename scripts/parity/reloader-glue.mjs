// Finds, in one published package, what its config reloader really calls
// when a config changes: the statements of the reloader's apply step that
// lead from (current, next) config to `buildGatewayReloadPlan(...)`. Pure:
// reads files, never runs them, so the pack cache can use it to decide which
// files to keep and the oracle to know what to import.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { parse } from "acorn";

const EVALUATING = "config change detected; evaluating reload";

/** Every .js/.mjs file under dist/, relative to the package, sorted. */
function distFiles(packageDir) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(packageDir, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "extensions") walk(path);
      } else if (/\.m?js$/.test(entry.name)) found.push(path);
    }
  };
  walk("dist");
  return found.sort();
}

const parseModule = (text) => parse(text, { ecmaVersion: "latest", sourceType: "module", locations: true });
const isFunction = (node) => /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(node.type);

/** Children of a node, for a walk that can stop at nested functions. */
function children(node) {
  const out = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "loc") continue;
    if (Array.isArray(value)) out.push(...value.filter((item) => item && typeof item.type === "string"));
    else if (value && typeof value.type === "string") out.push(value);
  }
  return out;
}

/** The innermost function whose body holds the "evaluating reload" log line. */
function findApplyFunction(program) {
  let found = null;
  const visit = (node, owner) => {
    const here = isFunction(node) ? node : owner;
    if (node.type === "TemplateLiteral" && node.quasis.some((quasi) => quasi.value.cooked.includes(EVALUATING))) found ??= here;
    for (const child of children(node)) visit(child, here);
  };
  visit(program, null);
  return found;
}

/** `const` declarators and the plan call inside one function, not inside functions nested in it. */
function scanApplyFunction(fn) {
  const declarators = new Map();
  const redeclared = new Set();
  let planCall = null;
  let returnsOnNoChange = false;
  const visit = (node) => {
    if (node !== fn && isFunction(node)) return;
    if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && node.init) {
      if (declarators.has(node.id.name)) redeclared.add(node.id.name);
      declarators.set(node.id.name, node.init);
    }
    if (node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "buildGatewayReloadPlan") planCall ??= node;
    if (node.type === "MemberExpression" && node.property.name === "length" && node.object.type === "Identifier" && node.object.name === "changedPaths") returnsOnNoChange = true;
    for (const child of children(node)) visit(child);
  };
  visit(fn);
  return { declarators, redeclared, planCall, returnsOnNoChange };
}

/** The reloader's state variables, fed from one config pair (see oracle.mjs). */
export const PAIR_INPUTS = {
  currentConfig: "before",
  currentCompareConfig: "before",
  currentSourceConfig: "before",
  nextConfig: "after",
  nextCompareConfig: "after",
  nextSourceConfig: "after",
  currentPluginInstallRecords: "beforeRecords",
  nextPluginInstallRecords: "afterRecords",
};

/** Identifiers an expression reads as values (not property names or object keys). */
function readNames(expression) {
  const names = new Set();
  const visit = (node, parent) => {
    if (node.type === "Identifier") {
      const isMemberName = parent?.type === "MemberExpression" && parent.property === node && !parent.computed;
      const isKey = parent?.type === "Property" && parent.key === node && !parent.computed && !parent.shorthand;
      if (!isMemberName && !isKey) names.add(node.name);
    }
    for (const child of children(node)) visit(child, node);
  };
  visit(expression, null);
  return [...names];
}

/** Top-level function declarations of a module, by name. */
function topLevelFunctions(program) {
  const functions = new Map();
  for (const statement of program.body) {
    const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declaration?.type === "FunctionDeclaration") functions.set(declaration.id.name, declaration);
  }
  return functions;
}

/** Local name → { source, imported } for a module's static imports. */
function importsOf(program) {
  const imports = new Map();
  for (const statement of program.body) {
    if (statement.type !== "ImportDeclaration") continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === "ImportSpecifier") imports.set(specifier.local.name, { source: statement.source.value, imported: specifier.imported.name ?? specifier.imported.value });
      else if (specifier.type === "ImportDefaultSpecifier") imports.set(specifier.local.name, { source: statement.source.value, imported: "default" });
    }
  }
  return imports;
}

/** Exported name of a local binding, from `export { local as name }` or `export function local`. */
function exportedName(program, local) {
  for (const statement of program.body) {
    if (statement.type !== "ExportNamedDeclaration") continue;
    if (statement.declaration?.type === "FunctionDeclaration" && statement.declaration.id.name === local) return local;
    for (const specifier of statement.specifiers ?? []) if (specifier.local.name === local) return specifier.exported.name ?? specifier.exported.value;
  }
  return null;
}

/** Whether a function reads no module binding: then its verbatim text runs alone exactly as in its module. */
function isSelfContained(fn, moduleNames) {
  return readNames(fn.body).every((name) => !moduleNames.has(name) || name === fn.id?.name);
}

/**
 * What the reloader of the package at `packageDir` calls, as data:
 * `planArguments` (source text of the plan call's arguments), `bindings`
 * (each name the glue reads: a pair input, a glue declarator, or a function
 * with the module and export it comes from) and `modules` (files to import).
 * `known.reloaderFile` skips the search (a cached subset holds only that file).
 */
export function locateReloaderGlue(packageDir, known = {}) {
  // Worker bundles repeat the gateway; the reloader the gateway runs is the shallowest file.
  const depth = (file) => file.split("/").length;
  const files = known.reloaderFile ? [known.reloaderFile] : distFiles(packageDir).sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1));
  const reloaders = files.filter((file) => readFileSync(join(packageDir, file), "utf8").includes(EVALUATING));
  if (reloaders.length === 0) throw new Error(`${packageDir}: no dist file logs "${EVALUATING}"; unknown reloader layout`);
  const reloaderFile = reloaders[0];
  const text = readFileSync(join(packageDir, reloaderFile), "utf8");
  const program = parseModule(text);
  const fn = findApplyFunction(program);
  if (!fn) throw new Error(`${reloaderFile}: the "${EVALUATING}" line is outside any function`);
  const { declarators, redeclared, planCall, returnsOnNoChange } = scanApplyFunction(fn);
  if (!planCall) throw new Error(`${reloaderFile}:${fn.loc.start.line}: the reloader's apply step never calls buildGatewayReloadPlan`);
  if (!returnsOnNoChange) throw new Error(`${reloaderFile}:${fn.loc.start.line}: the apply step does not test changedPaths.length; the no-change exit is unknown`);

  const functions = topLevelFunctions(program);
  const moduleNames = new Set([...functions.keys(), ...importsOf(program).keys()]);
  for (const statement of program.body) if (statement.type === "VariableDeclaration") for (const d of statement.declarations) if (d.id.type === "Identifier") moduleNames.add(d.id.name);
  const imports = importsOf(program);
  const bindings = {};
  const glue = {};
  const pending = ["buildGatewayReloadPlan", ...planCall.arguments.flatMap(readNames)];
  while (pending.length > 0) {
    const name = pending.pop();
    if (name in bindings || name in glue) continue;
    if (name in PAIR_INPUTS) bindings[name] = { input: PAIR_INPUTS[name] };
    else if (redeclared.has(name)) throw new Error(`${reloaderFile}:${fn.loc.start.line}: the plan reads '${name}', which the apply step declares more than once`);
    else if (declarators.has(name)) {
      const init = declarators.get(name);
      glue[name] = init;
      pending.push(...readNames(init));
    } else if (imports.has(name)) {
      const { source, imported } = imports.get(name);
      if (!source.startsWith(".")) throw new Error(`${reloaderFile}: the reloader's '${name}' comes from package '${source}', not from the dist`);
      bindings[name] = { module: relative(packageDir, join(packageDir, dirname(reloaderFile), source)), export: imported };
    } else if (functions.has(name)) {
      const declaration = functions.get(name);
      const exported = exportedName(program, name);
      if (exported) bindings[name] = { module: reloaderFile, export: exported };
      else if (isSelfContained(declaration, moduleNames)) bindings[name] = { module: reloaderFile, verbatim: text.slice(declaration.start, declaration.end), line: declaration.loc.start.line };
      else bindings[name] = { module: reloaderFile, scope: name };
    } else if (!(name in globalThis)) throw new Error(`${reloaderFile}: the reloader's glue reads '${name}', which is neither a pair input, a local nor an import`);
  }
  const modules = [...new Set(Object.values(bindings).filter((b) => b.module && !b.verbatim).map((b) => b.module))].sort();
  return {
    reloaderFile,
    otherReloaders: reloaders.slice(1),
    applyLine: fn.loc.start.line,
    planLine: planCall.loc.start.line,
    planArguments: planCall.arguments.map((argument) => text.slice(argument.start, argument.end)),
    // In the reloader's own order: a declarator may read an earlier one.
    glue: Object.fromEntries(Object.entries(glue).sort(([, a], [, b]) => a.start - b.start).map(([name, init]) => [name, text.slice(init.start, init.end)])),
    bindings,
    modules,
  };
}
