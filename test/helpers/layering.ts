// The layering check (ARCHITECTURE.md "One engine, three faces"): walks every import of the product
// tree with the TypeScript parser and reports what breaks the layers or closes a circle. A test
// (test/unit/layering.test.ts) runs it over the repository and over planted violations.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** Repository-relative path of the importing file, with forward slashes. */
  from: string;
  /** Repository-relative path of the imported file; undefined for packages and node: modules. */
  to: string | undefined;
  specifier: string;
  /** `import type`, `export type`, an import whose every name is `type`, or an `import('x').T` type. */
  typeOnly: boolean;
  line: number;
}

const SOURCE_EXTENSIONS = ['.ts', '.tsx'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.tmp', 'fixtures']);

function listSources(root: string, folder: string): string[] {
  const dir = path.join(root, folder);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort()) {
    if (SKIPPED_DIRS.has(entry)) continue;
    const relative = `${folder}/${entry}`;
    if (statSync(path.join(root, relative)).isDirectory()) files.push(...listSources(root, relative));
    else if (SOURCE_EXTENSIONS.some((ext) => entry.endsWith(ext))) files.push(relative);
  }
  return files;
}

/** `./x.js` → `./x.ts` or `./x.tsx`; `./x` → x.ts, x.tsx, x/index.ts. Relative specifiers only. */
export function resolveSpecifier(root: string, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.join(path.posix.dirname(from), specifier);
  const stem = base.replace(/\.(js|jsx|mjs|ts|tsx)$/, '');
  const candidates = [
    base,
    ...SOURCE_EXTENSIONS.map((ext) => `${stem}${ext}`),
    ...SOURCE_EXTENSIONS.map((ext) => `${base}/index${ext}`),
  ];
  for (const candidate of candidates) {
    try {
      if (statSync(path.join(root, candidate)).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  // Unresolvable relative imports still count as edges, so a typo cannot hide a layer break.
  return base;
}

function everyNameIsType(clause: ts.ImportClause): boolean {
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

/** Every static import, re-export, dynamic `import()` and `import('x')` type of one file. */
export function importsOf(root: string, file: string): ImportEdge[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const edges: ImportEdge[] = [];
  const add = (node: ts.Node, specifier: string, typeOnly: boolean): void => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    edges.push({ from: file, to: resolveSpecifier(root, file, specifier), specifier, typeOnly, line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = node.importClause ? everyNameIsType(node.importClause) : false;
      add(node, node.moduleSpecifier.text, typeOnly);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const clause = node.exportClause;
      const typeOnly =
        node.isTypeOnly ||
        (clause !== undefined &&
          ts.isNamedExports(clause) &&
          clause.elements.length > 0 &&
          clause.elements.every((element) => element.isTypeOnly));
      add(node, node.moduleSpecifier.text, typeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      add(node, node.arguments[0].text, false);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node, node.argument.literal.text, true);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) add(node, expression.text, node.isTypeOnly);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** A layer: the files under `folder`, and what their imports may reach. */
export interface LayerRule {
  folder: string;
  /** Top folders this layer must never import from. */
  forbidden: readonly string[];
  /**
   * Imports into core/: 'any'; 'type-only-api' (only `import type` of core/api.ts); or an allow-list of
   * core files (value imports and type imports alike).
   */
  core: 'any' | 'type-only-api' | readonly string[];
  /** Files of this layer exempt from `forbidden`, each with the one folder it may reach and why. */
  exceptions?: readonly { file: string; may: string; why: string }[];
}

export interface LayeringReport {
  files: number;
  edges: number;
  violations: string[];
  /** Circles between files, each as a → b → … → a. */
  cycles: string[][];
  /** Circles between the concerns of a folder given in `concernsOf` (core/policy ↔ core/export). */
  concernCycles: string[][];
}

function topFolder(file: string): string {
  return file.split('/')[0] ?? '';
}

function where(edge: ImportEdge): string {
  return `${edge.from}:${edge.line} imports '${edge.specifier}'`;
}

function layerViolations(rule: LayerRule, edge: ImportEdge): string[] {
  const target = edge.to;
  if (target === undefined || topFolder(target) === rule.folder) return [];
  const top = topFolder(target);
  const problems: string[] = [];
  const excepted = rule.exceptions?.some(
    (exception) => exception.file === edge.from && exception.may === top,
  );
  if (rule.forbidden.includes(top) && !excepted) {
    problems.push(`${where(edge)}: ${rule.folder}/ must not import ${top}/`);
  }
  if (top === 'core' && rule.core !== 'any') {
    if (rule.core === 'type-only-api') {
      if (target !== 'core/api.ts') {
        problems.push(`${where(edge)}: ${rule.folder}/ may reach core only through core/api.ts`);
      } else if (!edge.typeOnly) {
        problems.push(`${where(edge)}: ${rule.folder}/ may import core/api.ts only with \`import type\``);
      }
    } else if (!rule.core.includes(target)) {
      problems.push(`${where(edge)}: ${target} is not on ${rule.folder}/'s allow-list of core modules`);
    }
  }
  return problems;
}

/** Strongly connected components with more than one file (or a file importing itself), as cycles. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const strongConnect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        strongConnect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) strongConnect(node);
  return components.map((component) => cyclePath(graph, component));
}

/** One readable circle through a component: a → b → … → a (shortest way back, by breadth-first search). */
function cyclePath(graph: ReadonlyMap<string, readonly string[]>, component: string[]): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) {
          path.splice(1, 0, at);
        }
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [...component, start];
}

/** core/policy/load.ts → core/policy; core/api.ts → core/api: the concern a file of `folder` belongs to. */
function concernOf(folder: string, file: string): string | undefined {
  if (!file.startsWith(`${folder}/`)) return undefined;
  const [first = ''] = file.slice(folder.length + 1).split('/');
  return `${folder}/${first.replace(/\.tsx?$/, '')}`;
}

function concernGraph(graph: ReadonlyMap<string, readonly string[]>, folder: string): Map<string, string[]> {
  const concerns = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = concernOf(folder, file);
    if (!from) continue;
    const reached = concerns.get(from) ?? new Set<string>();
    concerns.set(from, reached);
    for (const target of targets) {
      const to = concernOf(folder, target);
      if (to && to !== from) reached.add(to);
    }
  }
  return new Map([...concerns].map(([concern, reached]) => [concern, [...reached]]));
}

/**
 * Runs the rules over `root`: layer breaks, circles among all files of all layers, and circles among
 * the concerns (first-level folders and files) of each folder in `concernsOf`.
 */
export function checkLayering(
  root: string,
  rules: readonly LayerRule[],
  concernsOf: readonly string[] = [],
): LayeringReport {
  const violations: string[] = [];
  const graph = new Map<string, string[]>();
  let edges = 0;
  for (const rule of rules) {
    for (const file of listSources(root, rule.folder)) {
      const imports = importsOf(root, file);
      edges += imports.length;
      graph.set(file, [...new Set(imports.flatMap((edge) => (edge.to ? [edge.to] : [])))]);
      for (const edge of imports) violations.push(...layerViolations(rule, edge));
    }
  }
  const concernCycles = concernsOf.flatMap((folder) => findCycles(concernGraph(graph, folder)));
  return { files: graph.size, edges, violations, cycles: findCycles(graph), concernCycles };
}

/** A report as the lines a failing test prints. */
export function describeReport(report: LayeringReport): string[] {
  return [
    ...report.violations,
    ...report.cycles.map((cycle) => `import circle: ${cycle.join(' → ')}`),
    ...report.concernCycles.map((cycle) => `import circle between concerns: ${cycle.join(' → ')}`),
  ];
}
