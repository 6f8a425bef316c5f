import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parse } from "acorn";
import { full } from "acorn-walk";

/**
 * Loads OpenClaw's own buildGatewayReloadPlan from a published package
 * without its dependency graph: the planner chunk is parsed, the top-level
 * declarations buildGatewayReloadPlan reaches are cut out verbatim, and every
 * name the chunk imports is replaced by a stand-in: an empty plugin registry,
 * no channel plugins, version counters at 0, a real isPlainObject. A stand-in
 * the planner calls without one being defined throws, so a silently wrong
 * stub cannot make parity look better than it is.
 */
type AnyNode = { type: string; start: number; end: number; [key: string]: any };

export interface RealPlan {
  restartGateway: boolean;
  restartReasons: string[];
  hotReasons: string[];
  noopPaths: string[];
  [flag: string]: unknown;
}
export type RealPlanner = (changedPaths: string[], options?: object) => RealPlan;

const isPlainObject = (value: unknown) => Boolean(value && typeof value === "object" && !Array.isArray(value) && Object.prototype.toString.call(value) === "[object Object]");

const STAND_INS: Record<string, unknown> = {
  isPlainObject,
  isDeepStrictEqual,
  listChannelPlugins: () => [],
  canHotReloadGatewayAuthCredentials: () => false,
};
function standIn(name: string, overrides: Record<string, unknown>): unknown {
  if (name in overrides) return overrides[name];
  if (name in STAND_INS) return STAND_INS[name];
  if (/^getActivePlugin\w*Registry$/.test(name)) return () => overrides["registry"] ?? null;
  if (/^getActivePlugin\w*Version$/.test(name)) return () => 0;
  return () => {
    throw new Error(`parity loader: the planner called '${name}', which has no stand-in`);
  };
}

function declaredNames(statement: AnyNode): string[] {
  const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
  if (!declaration) return [];
  if (declaration.type === "FunctionDeclaration") return [declaration.id.name];
  if (declaration.type === "VariableDeclaration") return declaration.declarations.filter((d: AnyNode) => d.id.type === "Identifier").map((d: AnyNode) => d.id.name);
  return [];
}

/** `overrides` replace stand-ins by imported name, e.g. `listChannelPlugins` returning loaded channels. */
export function loadRealPlanner(packageDir: string, plannerFile: string, overrides: Record<string, unknown> = {}): RealPlanner {
  const text = readFileSync(join(packageDir, plannerFile), "utf8");
  const program = parse(text, { ecmaVersion: "latest", sourceType: "module" }) as unknown as AnyNode;
  const declarations = new Map<string, AnyNode>();
  const imported = new Set<string>();
  for (const statement of program["body"] as AnyNode[]) {
    if (statement.type === "ImportDeclaration") for (const specifier of statement["specifiers"]) imported.add(specifier.local.name);
    for (const name of declaredNames(statement)) declarations.set(name, statement);
  }
  // Transitive closure of the top-level names buildGatewayReloadPlan reaches.
  const needed = new Set<AnyNode>();
  const importsUsed = new Set<string>();
  const queue = ["buildGatewayReloadPlan"];
  while (queue.length > 0) {
    const statement = declarations.get(queue.pop()!);
    if (!statement || needed.has(statement)) continue;
    needed.add(statement);
    full(statement as never, (node) => {
      const identifier = node as unknown as AnyNode;
      if (identifier.type !== "Identifier") return;
      if (declarations.has(identifier["name"])) queue.push(identifier["name"]);
      else if (imported.has(identifier["name"])) importsUsed.add(identifier["name"]);
    });
  }
  const body = [...needed]
    .sort((a, b) => a.start - b.start)
    .map((statement) => text.slice(statement.type === "ExportNamedDeclaration" ? statement["declaration"].start : statement.start, statement.end))
    .join("\n");
  const names = [...importsUsed];
  const factory = new Function(...names, `"use strict";\n${body}\nreturn buildGatewayReloadPlan;`) as (...args: unknown[]) => RealPlanner;
  return factory(...names.map((name) => standIn(name, overrides)));
}
