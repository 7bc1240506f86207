/**
 * No import circle anywhere in the app's sources (models, drivers, main, renderer), type-only imports included.
 * Before the contract split there was one: 14 files of models/ (contract.ts, energy/*, factors/weigh.ts,
 * scenarios/*) tied together by models/energy/balance.ts and series.ts importing the contract.
 * A probe pair written into the real models/ folder shows the check finds and names a new circle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildImportGraph, findCycles } from './import-graph.js';

const root = path.resolve(import.meta.dirname, '../../..');
const FOLDERS = ['models', 'drivers', 'main', 'renderer'] as const;
const created: string[] = [];

afterEach(() => {
  for (const f of created.splice(0)) fs.rmSync(f, { force: true });
});

describe('import graph', () => {
  it('has no cycle', () => {
    const graph = buildImportGraph(root, FOLDERS);
    // the graph must really cover the sources (a wrong root would pass vacuously)
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get('models/energy/series.ts')).toContain('models/time-grid.ts');
    const cycles = findCycles(graph).map((c) => c.join(' -> '));
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
  });

  it('finds and names a circle of type-only imports', () => {
    const tag = `cycle-probe-${process.pid}`;
    const a = path.join(root, 'models', `${tag}-a.ts`);
    const b = path.join(root, 'models', `${tag}-b.ts`);
    const c = path.join(root, 'models', 'energy', `${tag}-c.ts`);
    fs.writeFileSync(a, `import type { B } from './${tag}-b.js';\nexport type A = { b?: B };\n`);
    fs.writeFileSync(b, `import type { C } from './energy/${tag}-c.js';\nexport type B = { c?: C };\n`);
    fs.writeFileSync(c, `export type C = { a?: import('../${tag}-a.js').A };\n`);
    created.push(a, b, c);

    const cycles = findCycles(buildImportGraph(root, FOLDERS));
    expect(cycles).toEqual([[`models/${tag}-a.ts`, `models/${tag}-b.ts`, `models/energy/${tag}-c.ts`, `models/${tag}-a.ts`]]);
  });
});
