import type { Node as AcornNode } from "acorn";
import { ClawdiffError } from "../../shared/errors.js";
import { lazyRequire } from "../../shared/lazy-require.js";

const acorn = lazyRequire<typeof import("acorn")>("acorn");
const acornWalk = lazyRequire<typeof import("acorn-walk")>("acorn-walk");

/** acorn's ESTree nodes, loosely typed: the importer checks every shape it relies on. */
export type Node = AcornNode & Record<string, any>;

/** One dist file, parsed, with its top-level names indexed. */
export interface JsModule {
  file: string;
  text: string;
  program: Node;
  /** Top-level `const NAME = <init>` declarations. */
  consts: Map<string, Node>;
  /** Top-level function declarations (exported or not). */
  functions: Map<string, Node>;
  /** Local name → where it is imported from. */
  imports: Map<string, { source: string; imported: string }>;
  /** Exported name → local name. */
  exports: Map<string, string>;
}

/** Where `node` sits in its file, for error messages. */
export function lineColumnOf(module: JsModule, node: Node): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < node.start; index += 1) {
    if (module.text.charCodeAt(index) === 10) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: node.start - lineStart + 1 };
}

/** The importer's loud failure: an unrecognised shape, named by file (and line/column when known). */
export function unrecognised(module: JsModule | string, message: string, node?: Node): ClawdiffError {
  if (typeof module === "string") return new ClawdiffError("catalog", `rules import: ${message}`, { file: module });
  const at = node ? lineColumnOf(module, node) : {};
  return new ClawdiffError("catalog", `rules import: ${message}`, { file: module.file, ...at });
}

function indexDeclaration(module: JsModule, declaration: Node): void {
  if (declaration.type === "FunctionDeclaration" && declaration.id) module.functions.set(declaration.id.name, declaration);
  if (declaration.type === "VariableDeclaration" && declaration.kind === "const") {
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === "Identifier" && declarator.init) module.consts.set(declarator.id.name, declarator.init);
    }
  }
}

export function parseModule(file: string, text: string): JsModule {
  let program: Node;
  try {
    program = acorn().parse(text, { ecmaVersion: "latest", sourceType: "module", allowHashBang: true }) as Node;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw unrecognised(file, `cannot parse JavaScript: ${message}`);
  }
  const module: JsModule = { file, text, program, consts: new Map(), functions: new Map(), imports: new Map(), exports: new Map() };
  for (const statement of program.body as Node[]) {
    if (statement.type === "ImportDeclaration") {
      for (const specifier of statement.specifiers as Node[]) {
        const imported = specifier.type === "ImportSpecifier" ? (specifier.imported.name ?? specifier.imported.value) : "default";
        module.imports.set(specifier.local.name, { source: statement.source.value, imported });
      }
    } else if (statement.type === "ExportNamedDeclaration") {
      if (statement.declaration) {
        indexDeclaration(module, statement.declaration);
        const declared = statement.declaration.id?.name ?? statement.declaration.declarations?.[0]?.id?.name;
        if (declared) module.exports.set(declared, declared);
      }
      for (const specifier of (statement.specifiers ?? []) as Node[]) {
        module.exports.set(specifier.exported.name ?? specifier.exported.value, specifier.local.name ?? specifier.local.value);
      }
    } else {
      indexDeclaration(module, statement);
    }
  }
  return module;
}

/** Every node below `root`, in source order, for shape searches. */
export function descendants(root: Node): Node[] {
  const nodes: Node[] = [];
  acornWalk().full(root, (node) => nodes.push(node as Node));
  return nodes.sort((a, b) => a.start - b.start);
}

export const sourceOf = (module: JsModule, node: Node) => module.text.slice(node.start, node.end);
