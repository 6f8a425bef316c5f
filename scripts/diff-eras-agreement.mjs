// Ad-hoc agreement check of clawdiff's diff eras against OpenClaw's own code (run with Node 24):
//   $NODE24 scripts/diff-eras-agreement.mjs [versions...]      (default: 2026.2.9 2026.5.3 2026.8.2 2026.9.1 2026.9.6)
// Reads unpacked packages from $CLAWDIFF_OC_CACHE (default /work/oc/packs)/<version>/package and
// imports the version's own diff chunk (bare third-party imports are stubbed by a module hook; the
// chunks this uses never call them). For each version it compares, on hand-made and generated
// config pairs, the changed paths of the function the reloader calls with clawdiff's
// diffEvaluatorPaths under the bundled catalog, and (where the planner chunk loads) the restart
// verdict of buildGatewayReloadPlan with clawdiff's planner, including credential rotations.
// Nothing of OpenClaw is copied: the package is read at run time.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { registerHooks } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { build } from "esbuild";

const repo = fileURLToPath(new URL("..", import.meta.url));
const cache = process.env.CLAWDIFF_OC_CACHE ?? "/work/oc/packs";
const versions = process.argv.slice(2).length ? process.argv.slice(2) : ["2026.2.9", "2026.5.3", "2026.8.2", "2026.9.1", "2026.9.6"];
// Versions share process-wide registries (globalThis symbols): each one runs in its own process.
if (versions.length > 1) {
  for (const version of versions) process.stdout.write(execFileSync(process.execPath, [fileURLToPath(import.meta.url), version], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
  process.exit(0);
}

// A bare specifier that does not resolve (the packages are unpacked without dependencies) becomes a stub.
const STUB = "const make = (n) => new Proxy(function () {}, { get: (t, k) => (k === Symbol.toPrimitive ? () => n : k === 'then' || k === '__esModule' ? undefined : make(`${n}.${String(k)}`)), apply: () => (/(dir|root|path|home)\\b|(Dir|Root|Path|Home)\\(?$/.test(n) ? '/tmp/clawdiff-stub' : make(`${n}()`)), construct: () => make(`new ${n}`) });";
registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (/^(\.|\/|node:|file:)/.test(specifier)) throw error;
      const kind = context.conditions?.includes("require") ? "cjs" : "esm";
      return { url: `stub:${kind}:${specifier}?parent=${encodeURIComponent(context.parentURL ?? "")}`, shortCircuit: true };
    }
  },
  load(url, context, next) {
    if (!url.startsWith("stub:")) return next(url, context);
    const [head, query] = url.slice(5).split("?parent=");
    const [kind, ...rest] = head.split(":");
    const spec = rest.join(":");
    if (kind === "cjs") return { format: "commonjs", shortCircuit: true, source: `${STUB}\nmodule.exports = make(${JSON.stringify(spec)});` };
    const parent = decodeURIComponent(query);
    const names = new Set();
    if (parent.startsWith("file:")) {
      const text = readFileSync(fileURLToPath(parent), "utf8");
      const escaped = spec.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      for (const match of text.matchAll(new RegExp(`(?:import|export)\\s*(?:[\\w$]+\\s*,\\s*)?\\{([^}]*)\\}\\s*from\\s*["']${escaped}["']`, "g"))) {
        for (const part of match[1].split(",")) {
          const name = part.trim().split(/\s+as\s+/)[0].trim();
          if (name && name !== "default") names.add(name);
        }
      }
    }
    const body = [...names].map((name) => `export const ${name} = make(${JSON.stringify(`${spec}:${name}`)});`).join("\n");
    return { format: "module", shortCircuit: true, source: `${STUB}\nexport default make(${JSON.stringify(spec)});\n${body}` };
  },
});

async function loadClawdiff() {
  const entry = `export { diffEvaluatorPaths } from "./src/diff/evaluator-diff.ts"; export { createPlanner } from "./src/plan/build-plan.ts"; export { compareVersions } from "./src/rules/versions.ts";`;
  const { outputFiles } = await build({ stdin: { contents: entry, resolveDir: repo, loader: "ts" }, bundle: true, write: false, format: "esm", platform: "node", logLevel: "error" });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString("base64")}`);
}

function catalogFor(version) {
  const dir = join(repo, "schemas", "catalogs");
  for (const name of readdirSync(dir)) {
    const catalog = JSON.parse(readFileSync(join(dir, name), "utf8"));
    if (catalog.coversVersions.includes(version)) return catalog;
  }
  throw new Error(`no bundled catalog covers ${version}`);
}

/** The smallest dist chunk defining `fn`, imported, and its export of `fn` (minified export names read from its export list). */
function chunksDefining(dist, fn, recursive) {
  return readdirSync(dist, { recursive })
    .filter((name) => /\.m?js$/.test(name))
    .map((name) => ({ name, text: readFileSync(join(dist, name), "utf8") }))
    .filter(({ text }) => text.includes(`function ${fn}(`))
    .sort((a, b) => a.text.length - b.text.length);
}

async function realFunction(dist, fn) {
  // 2026.1.x ship tsc output in subdirectories (dist/gateway/config-reload.js); later versions are flat bundles.
  const flat = chunksDefining(dist, fn, false);
  const candidates = flat.length > 0 ? flat : chunksDefining(dist, fn, true);
  for (const { name, text } of candidates) {
    const exported = text.includes(`export function ${fn}(`) ? [fn, fn] : new RegExp(`\\b${fn} as (\\w+)\\b`).exec(text.slice(text.lastIndexOf("export {")));
    if (!exported) continue;
    try {
      const module = await import(pathToFileURL(join(dist, name)).href);
      return module[exported[1]];
    } catch (error) {
      return { failed: `${name}: ${String(error.message ?? error).split("\n")[0]}` };
    }
  }
  return null;
}

/** The definition of `name` as `text` has it: its own function, or the one it imports from a sibling chunk. */
function helperSource(dist, text, name) {
  const local = new RegExp(`function ${name.replace("$", "\\$")}\\(value\\) \\{[\\s\\S]*?\\n\\}`).exec(text)?.[0];
  if (local) return local.replace(`function ${name}(`, "function isPlainObject(");
  const imported = new RegExp(`import \\{[^}]*\\b(\\w+) as ${name.replace("$", "\\$")}\\b[^}]*\\} from "\\./([^"]+)"`).exec(text);
  if (!imported) return null;
  const source = readFileSync(join(dist, imported[2]), "utf8");
  const exported = new RegExp(`\\b(\\w+) as ${imported[1]}\\b`).exec(source.slice(source.lastIndexOf("export {")))?.[1] ?? imported[1];
  return helperSource(dist, source, exported);
}

/** 2026.2.x bundle the walk inside the gateway CLI chunk, which does not import on its own: evaluate the function's own text. */
function extractedDiffConfigPaths(dist) {
  for (const name of readdirSync(dist).filter((n) => /\.m?js$/.test(n))) {
    const text = readFileSync(join(dist, name), "utf8");
    const start = text.indexOf("function diffConfigPaths(prev, next, prefix");
    if (start === -1) continue;
    const fnText = text.slice(start, text.indexOf("\nfunction ", start + 10)).replace(/\b(isPlainObject\$?\d*)\(/g, "isPlainObject(");
    const used = /(isPlainObject\$?\d*)\(prev\)/.exec(text.slice(start))?.[1];
    const helper = used ? helperSource(dist, text, used) : null;
    if (helper) return new Function("isDeepStrictEqual", `${helper}\n${fnText}\nreturn diffConfigPaths;`)(isDeepStrictEqual);
  }
  return null;
}

// Seeded generator of configs over keys that matter to the eras.
function rng(seed) {
  let state = seed >>> 0;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const SHAPE = {
  gateway: { remote: { url: 0 }, port: 0, auth: { mode: 0, token: 0, password: 0 }, reload: { mode: 0 }, trustedProxies: "objects", tailscale: { mode: 0 } },
  mcp: { apps: { k: 0, j: 0 }, servers: { s: 0 } },
  agents: { ownership: 0, defaults: { mediaMaxMb: 0, sessionStore: 0, model: 0 }, entries: { a: { decisionModel: 0, name: 0 }, b: { decisionModel: 0 } }, list: "objects" },
  session: { scope: 0, store: 0, other: 0 },
  talk: { provider: 0, providers: { eleven: { voice: 0 }, OpenAI: { voice: 0 } }, realtime: { provider: 0, providers: { x: { m: 0 } } } },
  plugins: { entries: { p: { enabled: 0, config: { list: "objects" } } }, installs: { p: { version: 0, installedAt: 0 } } },
  hooks: { mappings: "objects" },
  meta: { lastTouchedAt: 0 },
  tools: { allow: "scalars" },
};
const SCALARS = ["x", "y", "eleven", "openai", " OpenAI ", "token", "password", "trusted-proxy", 1, 2, true, null];
function generate(random, shape, depth = 0) {
  if (shape === 0 || depth > 6) {
    const roll = random();
    if (roll < 0.7) return SCALARS[Math.floor(random() * SCALARS.length)];
    if (roll < 0.85) return {};
    return [{ v: Math.floor(random() * 2) }];
  }
  if (shape === "objects") return random() < 0.8 ? [{ id: "a", n: Math.floor(random() * 2) }, { id: "b" }] : "not-an-array";
  if (shape === "scalars") return random() < 0.8 ? ["a", "b"].slice(0, 1 + Math.floor(random() * 2)) : {};
  const roll = random();
  if (depth > 0 && roll < 0.08) return SCALARS[Math.floor(random() * SCALARS.length)];
  if (depth > 0 && roll < 0.16) return {};
  const out = {};
  for (const [key, child] of Object.entries(shape)) if (random() < 0.5) out[key] = generate(random, child, depth + 1);
  return out;
}
function mutate(random, config) {
  const copy = structuredClone(config);
  const keys = [];
  const visit = (node, path) => {
    if (node && typeof node === "object" && !Array.isArray(node)) for (const [key, value] of Object.entries(node)) { keys.push([...path, key]); visit(value, [...path, key]); }
  };
  visit(copy, []);
  if (keys.length === 0) return generate(random, SHAPE);
  const path = keys[Math.floor(random() * keys.length)];
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key];
  const last = path[path.length - 1];
  const roll = random();
  if (roll < 0.3) delete parent[last];
  else if (roll < 0.5) parent[last] = {};
  else if (roll < 0.7) parent[last] = SCALARS[Math.floor(random() * SCALARS.length)];
  else parent[last] = generate(random, SHAPE)[Object.keys(SHAPE)[Math.floor(random() * 9)]] ?? {};
  return copy;
}

const HAND_PAIRS = [
  [{}, { mcp: { apps: { k: 1 } } }],
  [{}, { gateway: { remote: { url: "x" } } }],
  [{}, { gateway: {} }],
  [{ gateway: { trustedProxies: [{ cidr: "10.0.0.0/8" }] } }, { gateway: { trustedProxies: [{ cidr: "10.0.0.0/8" }] } }],
  [{ hooks: { mappings: [{ match: "a" }] } }, { hooks: { mappings: [{ match: "a" }] } }],
  [{ tools: { allow: ["a", "b"] } }, { tools: { allow: ["a", "b"] } }],
  [{ talk: { providers: { eleven: {} } } }, { talk: { providers: { eleven: {}, openai: {} } } }],
  [{ talk: { provider: "Eleven", providers: { eleven: {} } } }, { talk: { provider: "eleven", providers: { eleven: {} } } }],
  [{}, { agents: { entries: { a: { decisionModel: "m" } } } }],
  [{ agents: { entries: { a: { name: "x" } } } }, { agents: { entries: { a: { name: "x", decisionModel: "m" } } } }],
  [{ mcp: { apps: { k: 1 } } }, { mcp: 5 }],
  [{ session: { scope: "a" } }, { session: "x" }],
  [{ plugins: { installs: 1 } }, { plugins: { installs: 2 } }],
];

const AUTH_SIDES = [];
for (const mode of [undefined, "token", "password", "trusted-proxy", "none"]) {
  for (const token of [undefined, "t1", { source: "env", provider: "default", id: "TOK" }]) {
    for (const password of [undefined, "p1"]) AUTH_SIDES.push({ mode, token, password });
  }
}
const withAuth = (auth, token) => ({ gateway: { auth: Object.fromEntries(Object.entries({ ...auth, token }).filter(([, v]) => v !== undefined)) } });

const clawdiff = await loadClawdiff();
delete process.env.OPENCLAW_GATEWAY_PASSWORD;
delete process.env.OPENCLAW_GATEWAY_TOKEN;
const rows = [];
for (const version of versions) {
  const dist = join(cache, version, "package", "dist");
  if (!existsSync(dist)) {
    rows.push({ version, note: `not in ${cache}` });
    continue;
  }
  const catalog = catalogFor(version);
  const semantics = catalog.diff ?? { arrays: "deep-equal", installRecords: "beside-config" };
  const gatewayDiff = await realFunction(dist, "diffGatewayReloadPaths");
  let realDiff;
  if (typeof gatewayDiff === "function") {
    // The reloader passes listConfigReloadRefinementPrefixes() where diffGatewayReloadPaths takes it (2026.9.1+).
    const refinement = gatewayDiff.length >= 3 ? await realFunction(dist, "listConfigReloadRefinementPrefixes") : null;
    if (gatewayDiff.length >= 3 && typeof refinement !== "function") {
      rows.push({ version, note: `listConfigReloadRefinementPrefixes did not load (${JSON.stringify(refinement)})` });
      continue;
    }
    realDiff = (a, b) => gatewayDiff(a, b, refinement ? refinement() : undefined);
  }
  else {
    const plain = await realFunction(dist, "diffConfigPaths");
    realDiff = typeof plain === "function" ? plain : extractedDiffConfigPaths(dist);
  }
  if (typeof realDiff !== "function") {
    rows.push({ version, note: "real diff function did not load" });
    continue;
  }
  const random = rng(0x5eed + version.length);
  const pairs = [...HAND_PAIRS.map(([a, b]) => ({ kind: "hand", a, b }))];
  for (let i = 0; i < 400; i += 1) {
    const a = generate(random, SHAPE);
    const kind = i % 4;
    pairs.push(kind === 0 ? { kind: "random", a, b: generate(random, SHAPE) } : kind === 3 ? { kind: "re-save", a, b: structuredClone(a) } : { kind: "edit", a, b: mutate(random, a) });
  }
  const counts = {};
  const disagreements = [];
  for (const { kind, a, b } of pairs) {
    const real = realDiff(structuredClone(a), structuredClone(b));
    const ours = clawdiff.diffEvaluatorPaths(structuredClone(a), structuredClone(b), semantics, catalog.rules).map((change) => change.path);
    const agree = JSON.stringify(real) === JSON.stringify(ours);
    const count = (counts[kind] ??= { agree: 0, total: 0 });
    count.total += 1;
    if (agree) count.agree += 1;
    else if (disagreements.length < 5) disagreements.push({ a, b, real, ours });
  }
  const plan = await realFunction(dist, "buildGatewayReloadPlan");
  let verdicts = null;
  if (typeof plan === "function") {
    verdicts = { agree: 0, total: 0 };
    const planner = clawdiff.createPlanner(catalog);
    const check = (paths, previousConfig, candidateConfig) => {
      const real = plan(paths, { previousConfig, candidateConfig }).restartGateway;
      const ours = planner.plan(paths, { previousConfig, candidateConfig }).restartGateway;
      verdicts.total += 1;
      if (real === ours) verdicts.agree += 1;
      else if (disagreements.length < 10) disagreements.push({ verdict: { paths, previousConfig, candidateConfig }, real, ours });
    };
    for (const { a, b } of pairs) {
      const paths = realDiff(structuredClone(a), structuredClone(b));
      if (paths.length) check(paths, a, b);
    }
    for (const before of AUTH_SIDES) for (const after of AUTH_SIDES) check(["gateway.auth.token"], withAuth(before, before.token), withAuth(after, "t-next"));
  }
  rows.push({ version, catalog: catalog.id, counts, verdicts, disagreements, planFailure: plan?.failed ?? "no buildGatewayReloadPlan export" });
}
for (const row of rows) {
  if (row.note) {
    console.log(`${row.version}: ${row.note}`);
    continue;
  }
  const parts = Object.entries(row.counts).map(([kind, { agree, total }]) => `${kind} ${agree}/${total}`);
  const verdict = row.verdicts ? `; restart verdicts ${row.verdicts.agree}/${row.verdicts.total}` : `; planner chunk did not load (${row.planFailure})`;
  console.log(`${row.version} (${row.catalog}): paths ${parts.join(", ")}${verdict}`);
  for (const disagreement of row.disagreements) console.log(`  disagree: ${JSON.stringify(disagreement)}`);
}
