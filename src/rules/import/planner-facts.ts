import type { ActionVocabulary, AuthModeStable, InstallRecordNoop, PathFlag, RuleCondition } from "../catalog.js";
import type { DistIndex } from "./dist-index.js";
import { descendants, sourceOf, unrecognised, type JsModule, type Node } from "./js-module.js";
import { CHANNEL_ACTION_PREFIX } from "./policy-era.js";
import { asStringArray, evaluate } from "./static-eval.js";

/**
 * Facts read from buildGatewayReloadPlan itself: the action vocabulary
 * (kebab-case switch in the list era, `plan[action] = true` later), flag
 * implications, the install-record stamp rule and credential conditions.
 */
function planFunction(module: JsModule): Node {
  return module.functions.get("buildGatewayReloadPlan")!;
}

/** Boolean flags the plan object starts with (`restartCron: false`, ...), minus restartGateway. */
function initialFlags(module: JsModule, plan: Node): string[] {
  const init = descendants(plan).find(
    (node) => node.type === "ObjectExpression" && node.properties.some((p: Node) => p.key?.name === "restartGateway"),
  );
  if (!init) throw unrecognised(module, "buildGatewayReloadPlan does not build a plan object with restartGateway", plan);
  return (init.properties as Node[])
    .filter((p) => p.value?.type === "Literal" && p.value.value === false && p.key.name !== "restartGateway")
    .map((p) => p.key.name as string);
}

function implications(plan: Node): Record<string, string[]> {
  const implies: Record<string, string[]> = {};
  for (const statement of plan.body.body as Node[]) {
    if (statement.type !== "IfStatement" || statement.test.type !== "MemberExpression") continue;
    // `if (plan.a) plan.b = true;` or, unminified (2026.1.x), the same inside a block.
    const body = statement.consequent.type === "BlockStatement" && statement.consequent.body.length === 1 ? statement.consequent.body[0] : statement.consequent;
    const consequent = body.type === "ExpressionStatement" ? body.expression : null;
    if (consequent?.type !== "AssignmentExpression" || consequent.left.type !== "MemberExpression") continue;
    const flag = statement.test.property.name as string;
    (implies[flag] ??= []).push(consequent.left.property.name as string);
  }
  return implies;
}

/**
 * The action prefix that restarts a whole channel: the `action.startsWith("...")`
 * branch that only adds to plan.restartChannels (2026.8 added an
 * account-scoped branch before it, which is not that one).
 */
function wholeChannelRestartPrefix(module: JsModule, nodes: Node[]): string | undefined {
  const branches = nodes.filter(
    (node) => node.type === "IfStatement" && node.test.type === "CallExpression" && node.test.callee.property?.name === "startsWith" && node.test.arguments[0]?.type === "Literal",
  );
  const whole = branches.filter((branch) => {
    const text = module.text.slice(branch.consequent.start, branch.consequent.end);
    return text.includes("restartChannels.add") && !text.includes("restartChannelAccounts");
  });
  if (branches.length > 0 && whole.length !== 1) throw unrecognised(module, "cannot tell which action prefix restarts a channel", branches[0]);
  return whole[0] ? String(whole[0].test.arguments[0].value) : undefined;
}

export function actionVocabulary(module: JsModule, ruleActions: readonly string[]): ActionVocabulary {
  const plan = planFunction(module);
  const nodes = descendants(plan);
  const implies = implications(plan);
  const switchStatement = nodes.find((node) => node.type === "SwitchStatement");
  if (switchStatement) {
    const flags: Record<string, string> = {};
    for (const switchCase of switchStatement.cases as Node[]) {
      if (!switchCase.test) continue;
      const assignment = (switchCase.consequent as Node[]).find((s) => s.type === "ExpressionStatement" && s.expression.type === "AssignmentExpression");
      if (!assignment) throw unrecognised(module, `action case '${switchCase.test.value}' sets no plan flag`, switchCase);
      flags[String(switchCase.test.value)] = assignment.expression.left.property.name;
    }
    const channelPrefix = wholeChannelRestartPrefix(module, nodes);
    return { flags, ...(channelPrefix ? { channelPrefix } : {}), ...(Object.keys(implies).length ? { implies } : {}) };
  }
  const dynamic = nodes.some((node) => node.type === "AssignmentExpression" && node.left.type === "MemberExpression" && node.left.computed && node.left.object.name === "plan");
  if (!dynamic) throw unrecognised(module, "buildGatewayReloadPlan applies actions in an unrecognised way", plan);
  // Actions are plan flag names; restart channels are clawdiff's encoding of a rule's `channels`.
  const declared = module.consts.has("RELOAD_ACTIONS") ? asStringArray(evaluate(module.consts.get("RELOAD_ACTIONS")!, { module, locals: new Map() }), module, plan, "RELOAD_ACTIONS") : [];
  const names = [...new Set([...declared, ...initialFlags(module, plan), ...ruleActions.filter((action) => !action.startsWith(CHANNEL_ACTION_PREFIX))])];
  const flags = Object.fromEntries(names.filter((name) => !/^restart(Channels|Services|ChannelAccounts)$/.test(name)).map((name) => [name, name]));
  return { flags, channelPrefix: CHANNEL_ACTION_PREFIX, ...(Object.keys(implies).length ? { implies } : {}) };
}

/** `/^plugins\.installs\..+\.(installedAt|resolvedAt)$/` → where install records live and which keys are stamps. */
export function installRecordNoop(module: JsModule): InstallRecordNoop | undefined {
  const fn = module.functions.get("isPluginInstallTimestampPath");
  if (!fn) return undefined;
  const regex = descendants(fn).find((node) => node.type === "Literal" && node.regex);
  const match = regex ? /^\^((?:\w+\\\.)+)\.\+\\\.\(([\w|]+)\)\$$/.exec(regex.regex.pattern) : null;
  if (!match) throw unrecognised(module, "unrecognised install-record timestamp pattern", fn);
  return { recordsPath: match[1]!.replace(/\\\./g, ".").replace(/\.$/, ""), timestampKeys: match[2]!.split("|") };
}

/** The fallback for a path no rule matches: restart, in every era seen so far. */
export function fallbackKind(module: JsModule): "restart" {
  const text = module.text.slice(planFunction(module).start, planFunction(module).end);
  if (/if \(!rule\) \{\s*plan\.restartGateway = true/.test(text) || /rule\?\.kind \?\? "restart"/.test(text)) return "restart";
  throw unrecognised(module, "cannot tell what buildGatewayReloadPlan does with an unmatched path", planFunction(module));
}

const MODE_RESOLUTION = /const mode = authOverride\?\.mode \?\? authConfig\.mode \?\? \(password \? "password" : token \? "token" : "token"\);/;
/** The steps of canHotReloadGatewayAuthCredentials (2026.9.2 – 9.6) that src/plan/auth-mode.ts implements, in order. */
const CREDENTIAL_CHECK_STEPS = [
  /if \(!(\w+) \|\| !(\w+)\) return false;/,
  /if \(!(\w+)\?\.mode && \(resolveSecretInputRef\(\{ value: \1\?\.token \}\)\.ref \|\| resolveSecretInputRef\(\{ value: \1\?\.password \}\)\.ref\)\) return;/,
  /return resolveGatewayAuth\(\{ authConfig(?:: \w+)?, tailscaleMode: \w+\.gateway\?\.tailscale\?\.mode \}\)\.mode;/,
];
const HOT_MODES = /return \(modes\[0\] === "(\w+)" \|\| modes\[0\] === "(\w+)"\) && modes\[0\] === modes\[1\];/;

function authModeTest(dist: DistIndex, planner: JsModule, call: Node): AuthModeStable {
  const { module, name } = dist.imported(planner, call.callee.name);
  const check = module.functions.get(name);
  if (!check) throw unrecognised(module, `${name} is not defined where the planner imports it from`);
  const text = sourceOf(module, check).replace(/\s+/g, " ");
  const hotModes = HOT_MODES.exec(text);
  if (!CREDENTIAL_CHECK_STEPS.every((step) => step.test(text)) || !hotModes) throw unrecognised(module, `${name} checks credentials in an unrecognised way; compare it with src/plan/auth-mode.ts`, check);
  if (!MODE_RESOLUTION.test(module.text.replace(/\s+/g, " "))) throw unrecognised(module, "the gateway auth mode is resolved in an unrecognised way");
  const credentials = dist.defining("resolveGatewayCredentialsFromValues");
  const passwordEnv = credentials ? /const envPassword = trimToUndefined\(env\.(\w+)\)/.exec(credentials.text)?.[1] : undefined;
  if (!passwordEnv) throw unrecognised(module, "cannot find the env variable that supplies the gateway password (resolveGatewayCredentialsFromValues)", check);
  return { hotModes: [hotModes[1]!, hotModes[2]!], passwordEnv };
}

/**
 * 2026.9.2+: `gateway.auth.token|password` restart unless
 * canHotReloadGatewayAuthCredentials(previous, candidate): both sides resolve
 * to the same auth mode, token or password.
 */
export function credentialCondition(dist: DistIndex, module: JsModule): { prefixes: string[]; condition: RuleCondition } | null {
  const plan = planFunction(module);
  const call = descendants(plan).find((node) => node.type === "CallExpression" && node.callee.name === "canHotReloadGatewayAuthCredentials");
  if (!call) return null;
  const includes = descendants(plan).find(
    (node) => node.type === "CallExpression" && node.callee.property?.name === "includes" && node.callee.object.type === "Identifier" && module.consts.has(node.callee.object.name),
  );
  if (!includes) throw unrecognised(module, "credential hot-reload condition without a list of credential paths", call);
  const prefixes = asStringArray(evaluate(includes.callee.object, { module, locals: new Map() }), module, includes, "credential paths");
  return {
    prefixes,
    condition: {
      authModeStable: authModeTest(dist, module, call),
      otherwiseKind: "restart",
      note: "hot only while the resolved gateway auth mode is the same on both sides and token or password (canHotReloadGatewayAuthCredentials)",
    },
  };
}

/**
 * `if (shouldPlan...ForPath(path)) plan.<flag> = true;` in the planner loop,
 * where the test is `<LIST>.some((prefix) => path === prefix || path.startsWith(`${prefix}.`))`:
 * a flag set by path, whatever the rule (planPluginRuntimeDeps in 2026.4.30-beta.1; 4.29 does not set it).
 */
export function pathFlags(module: JsModule): PathFlag[] {
  const plan = planFunction(module);
  const flags: PathFlag[] = [];
  for (const node of descendants(plan)) {
    if (node.type !== "IfStatement" || node.test.type !== "CallExpression" || node.test.callee.type !== "Identifier") continue;
    const test = module.functions.get(node.test.callee.name);
    const assignment = node.consequent.type === "ExpressionStatement" ? node.consequent.expression : null;
    if (!test || assignment?.type !== "AssignmentExpression" || assignment.left.type !== "MemberExpression" || assignment.left.object.name !== "plan") continue;
    const text = sourceOf(module, test).replace(/\s+/g, " ");
    const list = /return (\w+)\.some\(\((\w+)\) => path === \2 \|\| path\.startsWith\(`\$\{\2\}\.`\)\);/.exec(text);
    if (!list || !module.consts.has(list[1]!)) throw unrecognised(module, `plan flag '${assignment.left.property.name}' is set by an unrecognised path test`, test);
    flags.push({ flag: assignment.left.property.name, prefixes: asStringArray(evaluate(module.consts.get(list[1]!)!, { module, locals: new Map() }), module, test, "flag prefixes") });
  }
  return flags;
}
