/**
 * A clone with nothing beside it must pass `npm test`: no test, benchmark, script or source file may name a path
 * outside the repository (the sibling ../shared folder of our own machines, or an absolute /work or /tmp path of
 * one of them). Their data lives in test/fixtures/data and assets/ instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const FOLDERS = ['test', 'scripts', 'main', 'bin', 'drivers', 'models', 'renderer', 'eslint-rules', '.ci'];
const TOP_FILES = ['package.json', 'vitest.config.ts', 'vite.config.ts', 'electron-builder.yml'];
const CODE = /\.(ts|mts|js|mjs|cjs|json|sh|py|c|yml)$|^run$/;

// written in pieces so that this file does not match itself
const OUTSIDE = [new RegExp(['\\.\\./', 'shared', '/'].join('')), new RegExp(['shared', '/data/'].join('')), /['"`]\/work\//];

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === '.cache' ? [] : files(p);
    return CODE.test(e.name) ? [p] : [];
  });

describe('nothing read outside the repository', () => {
  it('no file of the code, tests, benchmarks or scripts names ../shared or an absolute /work path', () => {
    const all = [...FOLDERS.flatMap((f) => files(join(ROOT, f))), ...TOP_FILES.map((f) => join(ROOT, f))];
    expect(all.length).toBeGreaterThan(100);
    const hits = all
      .filter((f) => f !== SELF)
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(ROOT, f)}:${i + 1}` }))
          .filter(({ line }) => OUTSIDE.some((re) => re.test(line)))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(hits).toEqual([]);
  });
});
