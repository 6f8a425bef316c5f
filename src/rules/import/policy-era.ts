import type { MatchingSemantics } from "../catalog.js";
import { descendants, sourceOf, unrecognised, type JsModule, type Node } from "./js-module.js";
import { comparatorOrdering, localConst, sortCalls, type RuleOrdering } from "./planner-module.js";
import type { PluginSet } from "./plugin-set.js";
import { channelObject, toRawRules, type RawRule } from "./raw-rules.js";
import { asStringArray, evaluate, isRecord, type Scope, type Value } from "./static-eval.js";

/**
 * The policy era (2026.9.2 on): getReloadPolicyCatalog expands prefix
 * policies (core, plugin registrations, shared channel prefixes, channel
 * policies, channel plugin state, default) into rules and sorts them so the
 * most specific prefix wins. Each element of the policy list is recognised
 * by shape; an element of any other shape fails the import.
 */
export const CHANNEL_ACTION_PREFIX = "restart-channel:";

function matchesPrefix(path: string, prefix: string): boolean {
  if (prefix.includes("*")) {
    const segments = path.split(".");
    return prefix.split(".").every((segment, index) => (segment === "*" ? Boolean(segments[index]) : segment === segments[index]));
  }
  return path === prefix || path.startsWith(`${prefix}.`);
}

function order(rules: RawRule[], ordering: RuleOrdering | null): RawRule[] {
  if (!ordering) return rules;
  const wildcards = (prefix: string) => prefix.split(".").filter((segment) => segment === "*").length;
  return [...rules].sort((left, right) =>
    ordering === "prefix-length"
      ? right.prefix.length - left.prefix.length
      : right.prefix.split(".").length - left.prefix.split(".").length || wildcards(left.prefix) - wildcards(right.prefix),
  );
}

function expandPolicy(policy: Value, origin: string, module: JsModule, node: Node): RawRule[] {
  if (!isRecord(policy)) throw unrecognised(module, "a reload policy is not an object", node);
  const prefixes = asStringArray(policy["prefixes"], module, node, "policy prefixes");
  const channels = Array.isArray(policy["channels"]) ? policy["channels"].map((channel) => String(isRecord(channel) ? channel["id"] : channel)) : [];
  const base = toRawRules(prefixes.map((prefix) => ({ ...policy, prefix })), origin, module, node);
  return base.map((rule) => ({ ...rule, channels, actions: [...rule.actions, ...channels.map((id) => `${CHANNEL_ACTION_PREFIX}${id}`)] }));
}

function expansionOrdering(module: JsModule): RuleOrdering | null {
  const expand = module.functions.get("expandReloadPolicies");
  if (!expand) throw unrecognised(module, "getReloadPolicyCatalog without expandReloadPolicies");
  const sorts = sortCalls(expand);
  return sorts.length === 0 ? null : comparatorOrdering(module, sorts[0]!.arguments[0]);
}

function ownedPolicyList(module: JsModule, fn: Node): Node {
  const call = descendants(fn).find(
    (node) =>
      node.type === "CallExpression" &&
      node.callee.type === "Identifier" &&
      node.callee.name === "expandReloadPolicies" &&
      node.arguments[0]?.type === "ArrayExpression" &&
      node.arguments[0].elements.length > 2,
  );
  if (!call) throw unrecognised(module, "getReloadPolicyCatalog does not expand a policy list", fn);
  return call.arguments[0];
}

export function composePolicyEra(module: JsModule, fn: Node, plugins: PluginSet): { rules: RawRule[]; matching: MatchingSemantics } {
  const scope: Scope = { module, locals: new Map() };
  const expansion = expansionOrdering(module);
  const channelRules = order(
    plugins.channels.flatMap((channel) => [
      ...channel.configPrefixes.map((prefix) => ({ prefix, kind: "hot" as const, actions: [], origin: "channel", channels: [channel.id] })),
      ...channel.noopPrefixes.map((prefix) => ({ prefix, kind: "none" as const, actions: [], origin: "channel", channels: [channel.id] })),
    ]),
    expansion,
  );
  const shared = evaluate(module.consts.get("SHARED_CHANNEL_PREFIXES") ?? fn, scope);
  const sharedRoots = asStringArray(shared, module, fn, "SHARED_CHANNEL_PREFIXES");

  const owned: RawRule[] = [];
  for (const element of ownedPolicyList(module, fn).elements as Node[]) {
    const target = element.type === "SpreadElement" ? element.argument : element;
    const text = sourceOf(module, target);
    if (element.type === "ObjectExpression") {
      owned.push(...expandPolicy(evaluate(element, scope), "core", module, element));
    } else if (target.type === "Identifier" && module.consts.has(target.name)) {
      const origin = /DEFAULT/.test(target.name) ? "default" : /CORE/.test(target.name) ? "core" : target.name.toLowerCase();
      const policies = evaluate(target, scope);
      if (!Array.isArray(policies)) throw unrecognised(module, `${target.name} is not a policy list`, target);
      for (const policy of policies) owned.push(...expandPolicy(policy, origin, module, target));
    } else if (/\.reloads\b/.test(text) && /restartPrefixes/.test(text)) {
      for (const plugin of plugins.plugins) {
        owned.push(...expandPolicy({ kind: "restart", prefixes: plugin.restartPrefixes }, "plugin", module, target));
        owned.push(...expandPolicy({ kind: "hot", prefixes: plugin.hotPrefixes }, "plugin", module, target));
        owned.push(...expandPolicy({ kind: "none", prefixes: plugin.noopPrefixes }, "plugin", module, target));
      }
    } else if (/^Array\.from\(sharedPrefixes\b/.test(text)) {
      const extra = channelRules.filter((rule) => sharedRoots.some((root) => matchesPrefix(rule.prefix, root))).map((rule) => rule.prefix);
      for (const prefix of new Set([...sharedRoots, ...extra])) {
        const channels = plugins.channels
          .filter((channel) => channelRules.find((rule) => rule.channels.includes(channel.id) && matchesPrefix(prefix, rule.prefix))?.kind !== "none")
          .map((channel) => channel.id);
        owned.push(...expandPolicy({ prefixes: [prefix], kind: channels.length > 0 ? "hot" : "none", channels }, "channel-shared", module, target));
      }
    } else if (target.type === "Identifier" && target.name === "channelPolicies") {
      owned.push(...channelRules.map((rule) => ({ ...rule, actions: rule.channels.map((id) => `${CHANNEL_ACTION_PREFIX}${id}`) })));
    } else if (target.type === "CallExpression" && /^channelPlugins\.map\(/.test(text) && text.includes("plugins.entries.")) {
      for (const channel of plugins.channels) {
        const policy = evaluate(target, { module, locals: new Map([["channelPlugins", [channelObject(channel)]]]), parent: scope });
        if (!Array.isArray(policy)) throw unrecognised(module, "unrecognised channel plugin-state policy", target);
        owned.push(...expandPolicy({ ...(policy[0] as object), channels: [channel.id] }, "channel-state", module, target));
      }
    } else {
      throw unrecognised(module, `unrecognised element of the reload policy list: ${text.slice(0, 60)}`, element);
    }
  }
  const finalSort = sortCalls(fn).find((call) => call.callee.object.type === "Identifier" && call.callee.object.name === "rules");
  if (!finalSort) throw unrecognised(module, "getReloadPolicyCatalog does not sort its rules", fn);
  if (!localConst(fn, "rules")) throw unrecognised(module, "getReloadPolicyCatalog has no `rules` list", fn);
  return { rules: order(order(owned, expansion), comparatorOrdering(module, finalSort.arguments[0])), matching: "longest-prefix" };
}
