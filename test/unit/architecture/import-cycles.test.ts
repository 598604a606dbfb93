/**
 * No import cycles in the product, type-only imports included. ESLint's import-x/no-cycle (see
 * eslint.config.js) reports cycles of values only, by design: a cycle of types costs nothing at
 * run time. It still means two modules that know each other, which is what issue 21 removes, so
 * this test walks every import TypeScript sees.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const PRODUCT_FOLDERS = ['utils', 'components', 'entrypoints'];

/**
 * Cycles known when this test was written, each as its files sorted and joined by " ↔ ".
 * utils/overlay/summary.tsx imports the type SeenRow from engine.ts, which imports the summary:
 * issue 21 part A moves SeenRow into its own module. Remove the entry when that lands.
 */

type Graph = Map<string, string[]>;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Our own file a relative specifier names (Vite's `?worker` suffix dropped), or null. */
function resolveRelative(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier.replace(/\?.*$/, ''));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

function importGraph(): Graph {
  const files = PRODUCT_FOLDERS.flatMap((folder) => sourceFiles(path.join(root, folder)));
  const graph: Graph = new Map();
  for (const file of files) {
    // preProcessFile lists `import type` and `export … from` as well as value imports.
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .filter((imported) => imported.fileName.startsWith('.'))
      .map((imported) => resolveRelative(file, imported.fileName))
      .filter((target): target is string => target !== null);
    graph.set(
      path.relative(root, file),
      targets.map((target) => path.relative(root, target)),
    );
  }
  return graph;
}

/** Strongly connected components of more than one file, or of a file importing itself (Tarjan). */
export function cyclesOf(graph: Graph): string[][] {
  let counter = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    order.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, order.get(next)!));
      }
    }
    if (low.get(file) !== order.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!order.has(file)) visit(file);
  return cycles;
}

describe('import cycles', () => {
  it('finds a cycle through three files and none in a chain', () => {
    const cyclic: Graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cyclesOf(cyclic)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(
      cyclesOf(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['c.ts']],
          ['c.ts', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('has none in utils/, components/ and entrypoints/, type-only imports included', () => {
    const graph = importGraph();
    // The walk really saw the product's imports (a broken resolver would find no cycle at all).
    expect(graph.get('utils/overlay/start.ts')).toContain('utils/overlay/engine.ts');
    const cycles = cyclesOf(graph).map((files) => files.join(' ↔ '));
    expect(cycles).toEqual([]);
  });
});
