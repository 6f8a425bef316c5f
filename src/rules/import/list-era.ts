import type { MatchingSemantics } from "../catalog.js";
import { unrecognised, type JsModule, type Node } from "./js-module.js";
import { comparatorOrdering, localConst, sortCalls } from "./planner-module.js";
import type { PluginSet } from "./plugin-set.js";
import { runtimeStandIns, type RawRule, toRawRules } from "./raw-rules.js";
import { evaluate, type Scope, type Value } from "./static-eval.js";

/**
 * The ordered-list era (2026.1 – 2026.9.1): listReloadRules concatenates base
 * head rules, plugin rules, channel rules, channel plugin-state rules and the
 * base tail. Until 2026.6.x the first matching rule wins; from 2026.7.1 the
 * list is sorted by prefix length first, so the longest prefix wins.
 */
function originOf(module: JsModule, element: Node): string {
  if (element.type === "ObjectExpression") return "channel-shared";
  const target = element.argument;
  if (target?.type !== "Identifier") throw unrecognised(module, "unrecognised element of the reload rule list", element);
  const name: string = target.name;
  if (module.consts.has(name)) return /TAIL/i.test(name) ? "base-tail" : "base";
  if (/state/i.test(name)) return "channel-state";
  if (/channel/i.test(name)) return "channel";
  if (/plugin/i.test(name)) return "plugin";
  throw unrecognised(module, `unrecognised reload rule group '${name}'`, element);
}

export function composeListEra(module: JsModule, fn: Node, plugins: PluginSet): { rules: RawRule[]; matching: MatchingSemantics } {
  const rulesInit = localConst(fn, "rules");
  if (rulesInit?.type !== "ArrayExpression") throw unrecognised(module, "listReloadRules does not build `const rules = [...]`", fn);
  const scope: Scope = { module, locals: new Map(), resolveExternal: runtimeStandIns(plugins) };
  for (const statement of fn.body.body as Node[]) {
    if (statement.type !== "VariableDeclaration" || statement.declarations[0].id.name === "rules") continue;
    for (const declarator of statement.declarations as Node[]) scope.locals.set(declarator.id.name, evaluate(declarator.init, scope));
  }
  const rules: RawRule[] = [];
  for (const element of rulesInit.elements as Node[]) {
    const value: Value = element.type === "SpreadElement" ? evaluate(element.argument, scope) : [evaluate(element, scope)];
    rules.push(...toRawRules(value, originOf(module, element), module, element));
  }
  const sorts = sortCalls(fn).filter((call) => call.callee.object.type === "Identifier" && call.callee.object.name === "rules");
  if (sorts.length === 0) return { rules, matching: "first-match" };
  if (comparatorOrdering(module, sorts[0]!.arguments[0]) !== "prefix-length") throw unrecognised(module, "unexpected rule ordering", sorts[0]);
  // Array.prototype.sort is stable: equal lengths keep list order.
  return { rules: [...rules].sort((a, b) => b.prefix.length - a.prefix.length), matching: "longest-prefix" };
}
