import { createHash } from "node:crypto";
import type { BoundaryProjection, DiffSemantics, InstallRecordPlacement, ProjectedLeaf, ProjectionResolver, Refinement, RefinementExpansion } from "../../diff/semantics.js";
import type { DistIndex } from "./dist-index.js";
import { descendants, sourceOf, unrecognised, type JsModule, type Node } from "./js-module.js";

/**
 * Reads a version's diff era from its dist: which diff function the reloader
 * calls and how it walks (array equality, refinement), what it projects as
 * boundaries, and where install records live. Every shape is recognised
 * structurally; anything else fails loudly, naming the file.
 */

const normalized = (module: JsModule, node: Node) => sourceOf(module, node).replace(/\s+/g, " ").trim();

/** sha256 (16 hex) of the whitespace-normalized source of functions, joined by newlines. */
export function functionsFingerprint(module: JsModule, names: readonly string[]): string {
  const text = names.map((name) => {
    const fn = module.functions.get(name);
    if (!fn) throw unrecognised(module, `expected function ${name} next to ${names[0]}`);
    return normalized(module, fn);
  });
  return createHash("sha256").update(text.join("\n")).digest("hex").slice(0, 16);
}

/** resolveConfiguredTalk{Speech,Realtime}ProviderId with activeProviderFromTalk, 2026.8.1-beta.3 – 2026.9.6: what src/diff/talk-provider.ts implements. */
const KNOWN_TALK_RESOLVERS = new Set(["3c32ee7f8b2bf3d0"]);
const TALK_FUNCTIONS = ["activeProviderFromTalk", "resolveConfiguredTalkSpeechProviderId", "resolveConfiguredTalkRealtimeProviderId"];
const RESOLVERS: Record<string, ProjectionResolver> = {
  resolveConfiguredTalkSpeechProviderId: "talk-speech-provider",
  resolveConfiguredTalkRealtimeProviderId: "talk-realtime-provider",
};

/** The walk's own text: diffConfigPaths and the same-module functions it calls (collectConfigDiffPaths in 2026.9.5+). */
function walkerText(module: JsModule): string {
  const fn = module.functions.get("diffConfigPaths")!;
  const called = descendants(fn)
    .filter((node) => node.type === "CallExpression" && node.callee.type === "Identifier" && module.functions.has(node.callee.name))
    .map((node) => node.callee.name as string);
  return [...new Set(["diffConfigPaths", ...called])].map((name) => normalized(module, module.functions.get(name)!)).join("\n");
}

function arrayEquality(module: JsModule, text: string): DiffSemantics["arrays"] {
  if (/isDeepStrictEqual\(prev, next\)/.test(text)) return "deep-equal";
  if (/prev\.length === next\.length && prev\.every\(\((\w+), (\w+)\) => \1 === next\[\2\]\)/.test(text)) return "element-identity";
  throw unrecognised(module, "diffConfigPaths compares arrays in an unrecognised way", module.functions.get("diffConfigPaths"));
}

const walkerRefines = (text: string) => /refinementPrefixes\.some\(\(\w+\) => prefix \? \w+\.startsWith\(`\$\{prefix\}\.`\) : true\)/.test(text);

/** `{ mcp: { apps: prevConfig.mcp?.apps }, talk: { provider: resolve...(config) } }` → its leaves in source order. */
function projectionLeaves(dist: DistIndex, module: JsModule, object: Node, param: string, at: string[] = []): ProjectedLeaf[] {
  if (object.type !== "ObjectExpression") throw unrecognised(module, "a reload boundary projection is not an object literal", object);
  return (object.properties as Node[]).flatMap((property): ProjectedLeaf[] => {
    const key = property.key?.name ?? property.key?.value;
    if (property.type !== "Property" || property.computed || typeof key !== "string") throw unrecognised(module, "unrecognised property in a reload boundary projection", property);
    const path = [...at, key];
    const value = property.value.type === "ChainExpression" ? property.value.expression : property.value;
    if (value.type === "ObjectExpression") return projectionLeaves(dist, module, value, param, path);
    if (value.type === "MemberExpression") return [{ path, from: memberPath(module, value, param) }];
    if (value.type === "CallExpression" && value.callee.type === "Identifier" && value.arguments.length === 1 && value.arguments[0].name === param) {
      return [{ path, resolve: projectionResolver(dist, module, value.callee.name, value) }];
    }
    throw unrecognised(module, `unrecognised value for reload boundary '${path.join(".")}'`, value);
  });
}

function memberPath(module: JsModule, node: Node, param: string): string[] {
  const segments: string[] = [];
  let current = node;
  while (current.type === "MemberExpression" && !current.computed) {
    segments.unshift(current.property.name);
    current = current.object;
  }
  if (current.type !== "Identifier" || current.name !== param) throw unrecognised(module, "a reload boundary reads something other than the config", node);
  return segments;
}

function projectionResolver(dist: DistIndex, module: JsModule, local: string, node: Node): ProjectionResolver {
  const { module: source, name } = dist.imported(module, local);
  const resolver = RESOLVERS[name];
  if (!resolver) throw unrecognised(module, `reload boundary computed by '${local}', which the importer does not know`, node);
  const fingerprint = functionsFingerprint(source, TALK_FUNCTIONS);
  if (!KNOWN_TALK_RESOLVERS.has(fingerprint)) throw unrecognised(source, `talk provider resolution changed (fingerprint ${fingerprint}); check it against src/diff/talk-provider.ts`);
  return resolver;
}

function projectionOf(dist: DistIndex, module: JsModule, fn: Node): BoundaryProjection {
  const text = normalized(module, fn);
  const [prev] = (fn.params as Node[]).map((param) => param.name as string);
  const guard = /if \(!changedPaths\.includes\("([^"]+)"\)\) return changedPaths;/.exec(text);
  if (guard && /return \[\.\.\.changedPaths, \.\.\.diffConfigPaths\(\{/.test(text)) {
    const call = descendants(fn).find((node) => node.type === "CallExpression" && node.callee.name === "diffConfigPaths" && node.arguments[0]?.type === "ObjectExpression");
    return { when: { changedPath: guard[1]! }, dedupe: false, leaves: projectionLeaves(dist, module, call!.arguments[0], prev!) };
  }
  if (/const boundaryPaths = diffConfigPaths\(projectGatewayReloadBoundaries\(\w+\), projectGatewayReloadBoundaries\(\w+\)\);/.test(text) && /\.\.\.boundaryPaths\.filter\(\((\w+)\) => !changedPaths\.includes\(\1\)\)/.test(text)) {
    const project = module.functions.get("projectGatewayReloadBoundaries");
    const body = project?.body.body as Node[] | undefined;
    const returned = body?.length === 1 && body[0]!.type === "ReturnStatement" ? body[0]!.argument : null;
    if (!project || !returned) throw unrecognised(module, "projectGatewayReloadBoundaries is not a single returned object", project ?? fn);
    return { when: "always", dedupe: true, leaves: projectionLeaves(dist, module, returned, project.params[0].name) };
  }
  throw unrecognised(module, "diffGatewayReloadPaths combines boundary paths in an unrecognised way", fn);
}

/** `refinementPrefixes.delete("agents.entries.*.decisionModel")` then one prefix per entry of agents.entries that sets decisionModel. */
function expansionsOf(module: JsModule, fn: Node): RefinementExpansion[] {
  const text = normalized(module, fn);
  const deleted = [...text.matchAll(/\.delete\("([^"]+)"\)/g)].map((match) => match[1]!);
  const loops = [...text.matchAll(/Object\.entries\(config\.(\w+)\?\.(\w+) \?\? \{\}\)\) if \((\w+)\.(\w+) !== void 0\) \w+\.add\(`\1\.\2\.\$\{\w+\}\.\4`\)/g)];
  if (deleted.length !== loops.length) throw unrecognised(module, "diffGatewayReloadPaths rewrites refinement prefixes in an unrecognised way", fn);
  return deleted.map((prefix, index) => {
    const [, parent, child, , key] = loops[index]!;
    if (prefix !== `${parent}.${child}.*.${key}`) throw unrecognised(module, `refinement prefix '${prefix}' is expanded from ${parent}.${child}.*.${key}`, fn);
    return { prefix, collection: [parent!, child!], key: key! };
  });
}

/** Which rules' prefixes listConfigReloadRefinementPrefixes returns. */
function refinementSource(planner: JsModule): Refinement["from"] {
  const fn = planner.functions.get("listConfigReloadRefinementPrefixes");
  if (!fn) throw unrecognised(planner, "the reloader refines its diff, but the planner has no listConfigReloadRefinementPrefixes");
  const text = planner.text.replace(/\s+/g, " ");
  if (/refinementPrefixes: rules\.map\(\((\w+)\) => \1\.prefix\)/.test(text)) return "all-rules";
  const groups = /cachedRefinementPrefixes = \[((?:\.\.\.\w+(?:, )?)+)\]\.map\(\((\w+)\) => \2\.prefix\)/.exec(text);
  if (!groups) throw unrecognised(planner, "refinement prefixes are derived from the rules in an unrecognised way", fn);
  return groups[1]!.split(", ").map((spread) => {
    const name = spread.slice(3);
    if (/^plugin\w*Rules$/i.test(name)) return "plugin";
    if (/^channel\w*ReloadRules$/i.test(name)) return "channel";
    throw unrecognised(planner, `refinement prefixes come from '${name}', which the importer does not know`, fn);
  });
}

/** 2026.5+ diffs the install index beside the config; 2026.4.26 – 4.x strips shipped records from the config read; before, they stay in the config. */
function installRecordPlacement(dist: DistIndex): InstallRecordPlacement {
  if (dist.containing("diffConfigPaths(previousPluginInstallConfig").length > 0) return "beside-config";
  return dist.containing("function stripShippedPluginInstallConfigRecords(").length > 0 ? "stripped" : "in-config";
}

/** The diff era of the package whose planner module is `planner`. */
export function readDiffSemantics(dist: DistIndex, planner: JsModule): DiffSemantics {
  const walker = dist.defining("diffConfigPaths");
  if (!walker) throw unrecognised(planner, "no dist file defines diffConfigPaths");
  const walk = walkerText(walker);
  const semantics: DiffSemantics = { arrays: arrayEquality(walker, walk), installRecords: installRecordPlacement(dist) };
  const gatewayDiff = dist.defining("diffGatewayReloadPaths");
  if (!gatewayDiff) return semantics;
  const callers = dist.containing("diffGatewayReloadPaths(currentCompareConfig");
  if (callers.length === 0) throw unrecognised(gatewayDiff, "diffGatewayReloadPaths is defined but the reloader's call is not recognised");
  const fn = gatewayDiff.functions.get("diffGatewayReloadPaths")!;
  semantics.boundaries = projectionOf(dist, gatewayDiff, fn);
  if (fn.params.length >= 3) {
    if (!walkerRefines(walk)) throw unrecognised(walker, "diffGatewayReloadPaths takes refinement prefixes but diffConfigPaths does not refine as expected");
    semantics.refinement = { from: refinementSource(planner), expand: expansionsOf(gatewayDiff, fn) };
  }
  return semantics;
}
