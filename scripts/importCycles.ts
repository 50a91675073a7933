/**
 * Import cycles inside one source folder. Every relative import counts, type-only ones and
 * re-exports included: a cycle of types still ties the modules' design together, and with
 * `verbatimModuleSyntax` one edit can turn it into a cycle at run time. Imports of other packages
 * are left out (workspace dependencies cannot loop: pnpm refuses them).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const SOURCE = /\.(ts|tsx|mts|cts)$/;
const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".d.ts"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" ? [] : sourceFiles(full);
    return SOURCE.test(name) ? [full] : [];
  });
}

/** The file a relative specifier names, the way the bundler resolution finds it. */
function resolve(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  // `./x.js` in source means `./x.ts`.
  const stem = base.replace(/\.(m|c)?jsx?$/, "");
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => stem + ext),
    ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
  ];
  return candidates.find(
    (file) => SOURCE.test(file) && existsSync(file) && statSync(file).isFile(),
  );
}

/** Each file's relative imports (static, dynamic, `export … from`, `import type`). */
export function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(dir)) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = info.importedFiles
      .map((ref) => ref.fileName)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => resolve(file, specifier))
      .filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function stronglyConnected(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;

  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.includes(node)) components.push(component.sort());
  };

  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return components;
}

/** The import cycles under `dir`, each a sorted list of paths relative to `dir`. */
export function importCycles(dir: string): string[][] {
  return stronglyConnected(importGraph(dir)).map((component) =>
    component.map((file) => path.relative(dir, file)),
  );
}
