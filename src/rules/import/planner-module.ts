import { descendants, unrecognised, type JsModule, type Node } from "./js-module.js";

/** The dist module that defines buildGatewayReloadPlan: the planner and (in every era) its rule lists. */
export function findPlannerModule(modules: readonly JsModule[]): JsModule {
  const candidates = modules.filter((module) => module.functions.has("buildGatewayReloadPlan"));
  const first = candidates[0];
  if (!first) throw unrecognised("dist/", "no dist file defines buildGatewayReloadPlan; is this an OpenClaw package?");
  return first;
}

/** The function that composes the rule list: listReloadRules (ordered list era) or getReloadPolicyCatalog (policy era). */
export function composerOf(module: JsModule): { era: "list" | "policy"; fn: Node } {
  const list = module.functions.get("listReloadRules");
  if (list) return { era: "list", fn: list };
  const policy = module.functions.get("getReloadPolicyCatalog");
  if (policy) return { era: "policy", fn: policy };
  throw unrecognised(module, "neither listReloadRules nor getReloadPolicyCatalog is defined next to buildGatewayReloadPlan");
}

/** `const <name> = <init>` inside a function body (top level of that body only). */
export function localConst(fn: Node, name: string): Node | undefined {
  for (const statement of fn.body.body as Node[]) {
    if (statement.type !== "VariableDeclaration") continue;
    for (const declarator of statement.declarations as Node[]) if (declarator.id.type === "Identifier" && declarator.id.name === name) return declarator.init;
  }
  return undefined;
}

/** How a `.sort(...)`/`.toSorted(...)` comparator orders rules. */
export type RuleOrdering = "prefix-length" | "segments-then-wildcards";

export function comparatorOrdering(module: JsModule, comparator: Node): RuleOrdering {
  const fn = comparator.type === "Identifier" ? module.functions.get(comparator.name) : comparator;
  if (!fn) throw unrecognised(module, `unknown rule comparator '${comparator.name}'`, comparator);
  const text = module.text.slice(fn.start, fn.end);
  if (/\.prefix\.split\("\."\)/.test(text) && text.includes('"*"')) return "segments-then-wildcards";
  if (/b\.prefix\.length\s*-\s*a\.prefix\.length/.test(text.replace(/\s+/g, " "))) return "prefix-length";
  throw unrecognised(module, "unrecognised rule comparator", comparator);
}

/** Every `<x>.sort(cmp)` / `.toSorted(cmp)` call directly inside `root`, with its comparator. */
export function sortCalls(root: Node): Node[] {
  return descendants(root).filter(
    (node) => node.type === "CallExpression" && node.callee.type === "MemberExpression" && ["sort", "toSorted"].includes(node.callee.property?.name) && node.arguments.length === 1,
  );
}
