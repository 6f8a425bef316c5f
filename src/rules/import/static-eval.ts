import { unrecognised, type JsModule, type Node } from "./js-module.js";

/**
 * Evaluates the small, side-effect-free subset of JavaScript that rule data
 * is written in (literals, arrays, objects, spreads, template strings,
 * `.map`/`.flatMap`/`.concat` with arrow functions, `??`, `?.`). Anything
 * else is an unrecognised shape and fails loudly: the importer never guesses.
 */
export type Value = undefined | null | boolean | number | string | Value[] | { [key: string]: Value } | ArrowValue | NativeValue;

/** A stand-in the importer supplies for a runtime call (e.g. the list of loaded channel plugins). */
export interface NativeValue {
  native: (...args: Value[]) => Value;
}

interface ArrowValue {
  arrow: Node;
  scope: Scope;
}

export interface Scope {
  module: JsModule;
  locals: Map<string, Value>;
  /** Resolves a top-level name of `module` that is not a const (e.g. an import). */
  resolveExternal?: (module: JsModule, name: string) => Value;
  parent?: Scope;
}

const isArrow = (value: Value): value is ArrowValue => typeof value === "object" && value !== null && "arrow" in value && !Array.isArray(value);
const isNative = (value: Value): value is NativeValue => typeof value === "object" && value !== null && "native" in value && !Array.isArray(value);
const isRecord = (value: Value): value is { [key: string]: Value } =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !isArrow(value) && !isNative(value);

function lookup(scope: Scope, name: string, node: Node): Value {
  for (let current: Scope | undefined = scope; current; current = current.parent) {
    if (current.locals.has(name)) return current.locals.get(name);
  }
  const init = scope.module.consts.get(name);
  if (init) return evaluate(init, { module: scope.module, locals: new Map(), ...(scope.resolveExternal ? { resolveExternal: scope.resolveExternal } : {}) });
  if (scope.resolveExternal) return scope.resolveExternal(scope.module, name);
  throw unrecognised(scope.module, `cannot resolve '${name}' to a constant`, node);
}

function bindParameters(params: Node[], args: Value[], scope: Scope): Scope {
  const locals = new Map<string, Value>();
  params.forEach((param, index) => {
    const arg = args[index];
    if (param.type === "Identifier") locals.set(param.name, arg);
    else if (param.type === "ObjectPattern" && isRecord(arg ?? null)) {
      for (const property of param.properties as Node[]) {
        if (property.type !== "Property" || property.value.type !== "Identifier") throw unrecognised(scope.module, "unsupported parameter pattern", property);
        locals.set(property.value.name, (arg as Record<string, Value>)[property.key.name ?? property.key.value]);
      }
    } else throw unrecognised(scope.module, "unsupported parameter pattern", param);
  });
  return { ...scope, locals, parent: scope };
}

/** Runs the statements of a rule-building function body: `const`s, `if`, property assignments, `return`. */
function runStatements(statements: Node[], inner: Scope, module: JsModule): { returned: boolean; value: Value } {
  for (const statement of statements) {
    if (statement.type === "ReturnStatement") return { returned: true, value: statement.argument ? evaluate(statement.argument, inner) : undefined };
    if (statement.type === "VariableDeclaration" && statement.declarations.every((d: Node) => d.id.type === "Identifier" && d.init)) {
      for (const declarator of statement.declarations as Node[]) inner.locals.set(declarator.id.name, evaluate(declarator.init, inner));
      continue;
    }
    if (statement.type === "IfStatement") {
      const branch = evaluate(statement.test, inner) ? statement.consequent : statement.alternate;
      if (!branch) continue;
      const result = runStatements(branch.type === "BlockStatement" ? branch.body : [branch], inner, module);
      if (result.returned) return result;
      continue;
    }
    if (statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression" && statement.expression.operator === "=") {
      const target = statement.expression.left;
      if (target.type === "MemberExpression" && !target.computed) {
        const object = evaluate(target.object, inner);
        if (isRecord(object)) {
          object[target.property.name] = evaluate(statement.expression.right, inner);
          continue;
        }
      }
    }
    throw unrecognised(module, `unsupported statement '${statement.type}' in a rule-building function`, statement);
  }
  return { returned: false, value: undefined };
}

/** Calls an arrow function value: an expression body, or a block of simple statements ending in `return`. */
function callArrow(fn: Value, args: Value[], node: Node, scope: Scope): Value {
  if (!isArrow(fn)) throw unrecognised(scope.module, "expected an arrow function", node);
  const inner = bindParameters(fn.arrow.params, args, fn.scope);
  if (fn.arrow.body.type !== "BlockStatement") return evaluate(fn.arrow.body, inner);
  return runStatements(fn.arrow.body.body, inner, scope.module).value;
}

function propertyKey(property: Node, scope: Scope): string {
  if (property.computed) return String(evaluate(property.key, scope));
  return property.key.type === "Identifier" ? property.key.name : String(property.key.value);
}

function member(object: Value, key: string, node: Node, scope: Scope): Value {
  if (object === undefined || object === null) {
    if (node.optional || chainDepth > 0) return undefined;
    throw unrecognised(scope.module, `reading '${key}' of ${String(object)}`, node);
  }
  if (Array.isArray(object) && key === "length") return object.length;
  if (isRecord(object)) return object[key];
  if (typeof object === "string" && key === "length") return object.length;
  throw unrecognised(scope.module, `unsupported property access '.${key}'`, node);
}

/** Optional chains short-circuit as a whole; inside a ChainExpression (`a?.b.c`) any null read yields undefined. */
let chainDepth = 0;

function callMethod(node: Node, scope: Scope): Value {
  const callee = node.callee;
  const method = callee.property.name as string;
  const target = evaluate(callee.object, scope);
  const args = (node.arguments as Node[]).map((arg) => (arg.type === "SpreadElement" ? evaluate(arg.argument, scope) : evaluate(arg, scope)));
  if ((target === undefined || target === null) && callee.optional) return undefined;
  if (!Array.isArray(target)) throw unrecognised(scope.module, `unsupported call '.${method}()' on a non-array`, node);
  switch (method) {
    case "map":
      return target.map((item, index) => callArrow(args[0], [item, index], node, scope));
    case "flatMap":
      return target.flatMap((item, index) => {
        const result = callArrow(args[0], [item, index], node, scope);
        return Array.isArray(result) ? result : [result];
      });
    case "concat":
      return target.concat(...args.flatMap((arg) => (Array.isArray(arg) ? [arg] : [[arg]])));
    case "filter":
      return target.filter((item, index) => Boolean(callArrow(args[0], [item, index], node, scope)));
    default:
      throw unrecognised(scope.module, `unsupported array method '.${method}()'`, node);
  }
}

function templateString(node: Node, scope: Scope): string {
  let text = "";
  (node.quasis as Node[]).forEach((quasi, index) => {
    text += quasi.value.cooked;
    if (index < node.expressions.length) text += String(evaluate(node.expressions[index], scope));
  });
  return text;
}

export function evaluate(node: Node, scope: Scope): Value {
  switch (node.type) {
    case "Literal":
      if (node.regex) throw unrecognised(scope.module, "a regular expression is not rule data", node);
      return node.value as Value;
    case "TemplateLiteral":
      return templateString(node, scope);
    case "Identifier":
      return node.name === "undefined" ? undefined : lookup(scope, node.name, node);
    case "ArrayExpression":
      return (node.elements as (Node | null)[]).flatMap((element) => {
        if (!element) return [undefined];
        if (element.type !== "SpreadElement") return [evaluate(element, scope)];
        const spread = evaluate(element.argument, scope);
        if (!Array.isArray(spread)) throw unrecognised(scope.module, "spread of a non-array", element);
        return spread;
      });
    case "ObjectExpression": {
      const result: Record<string, Value> = {};
      for (const property of node.properties as Node[]) {
        if (property.type === "SpreadElement") {
          const spread = evaluate(property.argument, scope);
          if (spread === undefined || spread === null) continue;
          if (!isRecord(spread)) throw unrecognised(scope.module, "spread of a non-object", property);
          Object.assign(result, spread);
        } else if (property.kind === "init" && !property.method) {
          result[propertyKey(property, scope)] = evaluate(property.value, scope);
        } else throw unrecognised(scope.module, "unsupported object property", property);
      }
      return result;
    }
    case "ArrowFunctionExpression":
      return { arrow: node, scope };
    case "UnaryExpression":
      if (node.operator === "void") return undefined;
      if (node.operator === "!") return !evaluate(node.argument, scope);
      if (node.operator === "-") return -(evaluate(node.argument, scope) as number);
      break;
    case "LogicalExpression": {
      const left = evaluate(node.left, scope);
      if (node.operator === "??") return left ?? evaluate(node.right, scope);
      if (node.operator === "||") return left || evaluate(node.right, scope);
      return left && evaluate(node.right, scope);
    }
    case "ConditionalExpression":
      return evaluate(node.test, scope) ? evaluate(node.consequent, scope) : evaluate(node.alternate, scope);
    case "ChainExpression":
      chainDepth += 1;
      try {
        return evaluate(node.expression, scope);
      } finally {
        chainDepth -= 1;
      }
    case "MemberExpression": {
      const object = evaluate(node.object, scope);
      const key = node.computed ? String(evaluate(node.property, scope)) : (node.property.name as string);
      return member(object, key, node, scope);
    }
    case "CallExpression": {
      if (node.callee.type === "MemberExpression" && !node.callee.computed) return callMethod(node, scope);
      const callee = evaluate(node.callee, scope);
      if (isNative(callee)) return callee.native(...(node.arguments as Node[]).map((arg) => evaluate(arg, scope)));
      break;
    }
  }
  throw unrecognised(scope.module, `unsupported expression '${node.type}' in rule data`, node);
}

export function asStringArray(value: Value, module: JsModule, node: Node, what: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) throw unrecognised(module, `${what} is not a list of strings`, node);
  return value as string[];
}

export { isRecord };
