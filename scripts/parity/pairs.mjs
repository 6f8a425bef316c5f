// Config pairs for the parity sweep, the same for every version and every
// run (a fixed seed): hand-picked edge cases, single-path probes around every
// rule prefix clawdiff's catalogs know, and random edits of random configs.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** A small deterministic generator (LCG), so a pair id always means the same pair. */
export function seeded(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

const clone = (value) => structuredClone(value);

function setPath(target, segments, value) {
  let node = target;
  segments.slice(0, -1).forEach((segment) => {
    if (node[segment] === null || typeof node[segment] !== "object" || Array.isArray(node[segment])) node[segment] = {};
    node = node[segment];
  });
  node[segments[segments.length - 1]] = value;
  return target;
}
const withPath = (path, value, base = {}) => setPath(clone(base), path.split("."), value);

/** Every rule prefix in the bundled catalogs, `*` instantiated. */
export function catalogPrefixes(repoDir) {
  const dir = join(repoDir, "schemas", "catalogs");
  const prefixes = new Set();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
    for (const rule of JSON.parse(readFileSync(join(dir, file), "utf8")).rules) prefixes.add(rule.prefix.replaceAll("*", "main"));
  }
  return [...prefixes].sort();
}

const SECRET_REF = { source: "env", provider: "default", id: "GATEWAY_TOKEN" };
const ARRAY_OF_OBJECTS_PATHS = ["agents.list", "hooks.mappings", "plugins.entries.demo.config.items", "models.providers.demo.models", "gateway.trustedProxies", "bindings", "channels.telegram.groups.list"];

function edgeCases() {
  const cases = [
    ["empty gateway object", {}, { gateway: {} }],
    ["added gateway.remote.url", {}, { gateway: { remote: { url: "ws://x" } } }],
    ["added mcp.apps.k", {}, { mcp: { apps: { k: 1 } } }],
    ["removed gateway.remote", { gateway: { remote: { url: "ws://x" } } }, {}],
    ["gateway object to scalar", { gateway: { port: 1 } }, { gateway: 1 }],
    ["gateway scalar to object", { gateway: 1 }, { gateway: { port: 1 } }],
    ["array to object", { tools: [] }, { tools: {} }],
    ["null to object", { gateway: null }, { gateway: {} }],
    ["meta.lastTouchedAt stamp", { meta: { lastTouchedAt: "2026-01-01T00:00:00Z" } }, { meta: { lastTouchedAt: "2026-01-02T00:00:00Z" } }],
    ["plugins.installs 1 to 2", { plugins: { installs: 1 } }, { plugins: { installs: 2 } }],
    ["plugins.installs appears as a number", {}, { plugins: { installs: 1 } }],
    ["plugins.installs array", { plugins: { installs: [] } }, { plugins: { installs: [{ id: "demo" }] } }],
    ["plugins.installs null", { plugins: { installs: null } }, { plugins: { installs: {} } }],
    ["install record installedAt", { plugins: { installs: { demo: { source: "npm", installedAt: "t1" } } } }, { plugins: { installs: { demo: { source: "npm", installedAt: "t2" } } } }],
    ["install record resolvedAt", { plugins: { installs: { demo: { source: "npm", resolvedAt: "t1" } } } }, { plugins: { installs: { demo: { source: "npm", resolvedAt: "t2" } } } }],
    ["install record added", { plugins: { installs: {} } }, { plugins: { installs: { demo: { source: "npm", installedAt: "t1" } } } }],
    ["install record removed", { plugins: { installs: { demo: { source: "npm", installedAt: "t1" } } } }, { plugins: { installs: {} } }],
    ["install record version and stamp", { plugins: { installs: { demo: { version: "1", installedAt: "t1" } } } }, { plugins: { installs: { demo: { version: "2", installedAt: "t2" } } } }],
    ["install record becomes a scalar", { plugins: { installs: { demo: { installedAt: "t1" } } } }, { plugins: { installs: { demo: 1 } } }],
  ];
  // Refinement and boundary paths: an empty or one-key object appearing below every top-level key.
  for (const top of ["gateway", "agents", "session", "talk", "mcp", "plugins", "channels", "hooks", "tools", "models", "browser", "cron", "meta", "secrets", "skills"]) {
    cases.push([`{} to ${top}:{}`, {}, { [top]: {} }], [`{} to ${top}.k`, {}, { [top]: { k: 1 } }], [`${top}:{} to {}`, { [top]: {} }, {}]);
  }
  for (const path of ARRAY_OF_OBJECTS_PATHS) {
    const config = withPath(path, [{ id: "a", nested: { on: true } }, ["x"], { id: "b" }]);
    cases.push([`identical re-save of ${path}`, config, clone(config)], [`element edit in ${path}`, config, withPath(path, [{ id: "a", nested: { on: false } }, ["x"], { id: "b" }])]);
  }
  const authModes = [undefined, "token", "password", "none", "trusted-proxy", "tailscale"];
  for (const beforeMode of authModes) {
    for (const afterMode of authModes) {
      const auth = (mode, token) => ({ gateway: { auth: { ...(mode ? { mode } : {}), token } } });
      cases.push([`token change, mode ${beforeMode}→${afterMode}`, auth(beforeMode, "t1"), auth(afterMode, "t2")]);
      if (beforeMode === afterMode) {
        cases.push([`SecretRef token, mode ${beforeMode}`, auth(beforeMode, SECRET_REF), auth(afterMode, { ...SECRET_REF, id: "OTHER" })]);
        cases.push([`token to SecretRef, mode ${beforeMode}`, auth(beforeMode, "t1"), auth(afterMode, SECRET_REF)]);
        cases.push([`password change, mode ${beforeMode}`, { gateway: { auth: { ...(beforeMode ? { mode: beforeMode } : {}), password: "p1" } } }, { gateway: { auth: { ...(afterMode ? { mode: afterMode } : {}), password: "p2" } } }]);
      }
    }
  }
  cases.push(["token change under tailscale serve", { gateway: { tailscale: { mode: "serve" }, auth: { token: "t1" } } }, { gateway: { tailscale: { mode: "serve" }, auth: { token: "t2" } } }]);
  const talk = (value) => ({ talk: value });
  cases.push(
    ["talk provider set", talk({ providers: { a: {}, b: {} } }), talk({ provider: "b", providers: { a: {}, b: {} } })],
    ["talk sole provider renamed", talk({ providers: { a: { voice: "x" } } }), talk({ providers: { b: { voice: "x" } } })],
    ["talk provider setting changed", talk({ provider: "a", providers: { a: { voice: "x" } } }), talk({ provider: "a", providers: { a: { voice: "y" } } })],
    ["talk provider case", talk({ provider: "A", providers: { a: {} } }), talk({ provider: "a", providers: { a: {} } })],
    ["talk realtime provider", talk({ realtime: { providers: { a: {} } } }), talk({ realtime: { providers: { a: {}, b: {} }, provider: "b" } })],
    ["talk appears", {}, talk({ provider: "a" })],
    ["talk second provider added", talk({ providers: { a: {} } }), talk({ providers: { a: {}, b: {} } })],
  );
  const edges = cases.map(([label, before, after]) => ({ kind: "edge", label, before, after }));
  // The same record edits through the install index (plugins/installs.json), which the reloader diffs beside the config.
  const record = (fields) => ({ demo: { source: "npm", spec: "demo@1", ...fields } });
  const viaIndex = [
    ["index: installedAt stamp", record({ installedAt: "t1" }), record({ installedAt: "t2" })],
    ["index: resolvedAt stamp", record({ resolvedAt: "t1" }), record({ resolvedAt: "t2" })],
    ["index: record added", {}, record({ installedAt: "t1" })],
    ["index: record removed", record({ installedAt: "t1" }), {}],
    ["index: spec and stamp", record({ installedAt: "t1" }), { demo: { source: "npm", spec: "demo@2", installedAt: "t2" } }],
    ["index: identical", record({ installedAt: "t1" }), record({ installedAt: "t1" })],
    ["index: second record", record({}), { ...record({}), other: { source: "path" } }],
  ].map(([label, beforeRecords, afterRecords]) => ({ kind: "edge", label, before: { meta: { lastTouchedAt: "a" } }, after: { meta: { lastTouchedAt: "a" } }, beforeRecords, afterRecords }));
  return [...edges, ...viaIndex];
}

function probeCases(prefixes, random) {
  const cases = [];
  const values = [1, "x", true, ["a"], [{ id: 1 }], { k: 1 }, {}];
  for (const prefix of prefixes) {
    const segments = prefix.split(".");
    const last = segments[segments.length - 1];
    const stem = segments.slice(0, -1);
    const near = [[...stem, `${last}x`], [...stem, `${last}2`], ...(last.length > 1 ? [[...stem, last.slice(0, -1)]] : [])].map((s) => s.join("."));
    const value = () => random.pick(values);
    cases.push(
      { kind: "probe", label: `add ${prefix}`, before: {}, after: withPath(prefix, value()) },
      { kind: "probe", label: `change ${prefix}`, before: withPath(prefix, 1), after: withPath(prefix, 2) },
      { kind: "probe", label: `remove ${prefix}`, before: withPath(prefix, value()), after: {} },
      { kind: "probe", label: `change ${prefix}.child`, before: withPath(`${prefix}.child`, "a"), after: withPath(`${prefix}.child`, "b") },
      { kind: "probe", label: `empty ${prefix}`, before: {}, after: withPath(prefix, {}) },
      ...near.map((path) => ({ kind: "probe", label: `near miss ${path}`, before: {}, after: withPath(path, value()) })),
    );
    if (segments.length > 1) cases.push({ kind: "probe", label: `parent of ${prefix}`, before: withPath(stem.join("."), 1), after: withPath(stem.join("."), 2) });
  }
  return cases;
}

function randomValue(random, depth) {
  switch (random.int(depth > 2 ? 4 : 8)) {
    case 0:
      return random.int(5);
    case 1:
      return random.pick(["a", "b", "", "x.y"]);
    case 2:
      return random.pick([true, false, null]);
    case 3:
      return Array.from({ length: random.int(3) }, () => random.int(3));
    case 4:
      return Array.from({ length: 1 + random.int(2) }, () => ({ id: random.int(2) }));
    case 5:
      return {};
    default: {
      const object = {};
      for (let i = random.int(3); i >= 0; i -= 1) object[random.pick(["a", "b", "enabled", "token", "mode"])] = randomValue(random, depth + 1);
      return object;
    }
  }
}

function randomCase(random, paths, index) {
  const before = {};
  for (let i = 1 + random.int(4); i > 0; i -= 1) setPath(before, random.pick(paths).split("."), randomValue(random, 0));
  const after = clone(before);
  const existing = paths.filter((path) => path.split(".").reduce((node, segment) => (node && typeof node === "object" ? node[segment] : undefined), after) !== undefined);
  for (let i = random.int(4); i > 0; i -= 1) {
    const operation = random.int(4);
    if (operation === 0 || existing.length === 0) setPath(after, random.pick(paths).split("."), randomValue(random, 0));
    else if (operation === 1) setPath(after, random.pick(existing).split("."), randomValue(random, 0));
    else if (operation === 2) {
      const segments = random.pick(existing).split(".");
      const parent = segments.slice(0, -1).reduce((node, segment) => node?.[segment], after);
      if (parent && typeof parent === "object") delete parent[segments[segments.length - 1]];
    } else setPath(after, ["meta", "lastTouchedAt"], `2026-01-0${1 + random.int(9)}T00:00:00Z`);
  }
  return { kind: "random", label: `random #${index}`, before, after };
}

/**
 * `count` pairs: all edge cases, then probes and random pairs in equal
 * shares (probes in a seeded order, so a smaller count samples them).
 */
export function generatePairs({ count, seed = 76208, prefixes }) {
  const random = seeded(seed);
  const edges = edgeCases();
  const probes = probeCases(prefixes, random);
  for (let i = probes.length - 1; i > 0; i -= 1) {
    const j = random.int(i + 1);
    [probes[i], probes[j]] = [probes[j], probes[i]];
  }
  const room = Math.max(0, count - edges.length);
  const chosenProbes = probes.slice(0, Math.min(probes.length, Math.ceil(room / 2)));
  const paths = [...new Set([...prefixes, ...prefixes.map((p) => `${p}.child`), "meta.lastTouchedAt", "agents.list", "gateway.auth.token"])];
  const randoms = Array.from({ length: Math.max(0, room - chosenProbes.length) }, (_, index) => randomCase(random, paths, index));
  return [...edges, ...chosenProbes, ...randoms].slice(0, Math.max(count, 0)).map((pair, id) => ({ id, ...pair }));
}
