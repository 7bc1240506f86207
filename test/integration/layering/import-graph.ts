/**
 * The relative-import graph of the project's TypeScript sources and the cycles in it. Type-only imports count:
 * a type circle ties the files together as tightly as a value circle (one cannot be read, moved or split without
 * the others). Imports are read with TypeScript's own pre-processor, so comments and strings never count.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const SKIP_DIRS = new Set(['node_modules', 'dist']);

function sourcesUnder(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) sourcesUnder(full, out);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      out.push(full);
    }
  }
}

/** './x.js' -> x.ts, './dir' -> dir/index.ts; null for anything that is not one of our .ts files (JSON, assets). */
function resolveSpecifier(fromFile: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, path.join(base, 'index.ts')];
  return candidates.find((c) => c.endsWith('.ts') && fs.existsSync(c) && fs.statSync(c).isFile()) ?? null;
}

/** Every .ts file under the given folders (relative to root) with the files its relative imports resolve to. */
export function buildImportGraph(root: string, folders: readonly string[]): ImportGraph {
  const files: string[] = [];
  for (const folder of folders) sourcesUnder(path.join(root, folder), files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    // readImportFiles + detectJavaScriptImports: import/export ... from, import('...') and require('...')
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const ref of info.importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const target = resolveSpecifier(file, ref.fileName);
      if (target) targets.add(path.relative(root, target));
    }
    graph.set(path.relative(root, file), [...targets].sort());
  }
  return graph;
}

/**
 * One cycle per strongly connected component (Tarjan), each written as a path a -> b -> ... -> a, so that a
 * report names a concrete circle to cut rather than a bag of files.
 */
export function findCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  // iterative, so that a deep import chain cannot overflow the call stack
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++] as string;
        if (!graph.has(to)) continue;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(to) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = (graph.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }
  return components.map((c) => cycleWithin(graph, new Set(c)));
}

/** The shortest path from the component's first file (by name) back to itself, staying inside the component. */
function cycleWithin(graph: ImportGraph, members: ReadonlySet<string>): string[] {
  const start = [...members].sort()[0] as string;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const cycle = [start];
        for (let n: string | undefined = node; n !== undefined && n !== start; n = cameFrom.get(n)) cycle.splice(1, 0, n);
        return [...cycle, start];
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}
