/**
 * The import rules between folders must fail `npm test`, not just a review: a probe file with a violation is
 * written into the real folder, and the same ESLint and tsc that `npm test` runs must reject it (exit code != 0)
 * while a clean probe passes.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const created: string[] = [];

function probe(folder: string, code: string): string {
  const file = path.join(root, folder, `layering-probe-${process.pid}-${created.length}.ts`);
  fs.writeFileSync(file, code);
  created.push(file);
  return file;
}

async function exitOf(cmd: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd: root });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, output: x.stdout + x.stderr };
  }
}

/** Typecheck one probe file with the folder's own compiler settings (the ones `tsc -b` uses). */
function typecheck(folder: string, file: string) {
  const config = path.join(root, folder, `tsconfig.probe-${process.pid}-${created.length}.json`);
  fs.writeFileSync(
    config,
    JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: { composite: false, noEmit: true, emitDeclarationOnly: false, declaration: false, incremental: false },
      include: [path.basename(file)],
    }),
  );
  created.push(config);
  return exitOf(bin('tsc'), ['-p', config]);
}

afterEach(() => {
  for (const f of created.splice(0)) fs.rmSync(f, { force: true });
});

describe('layer import rules (ESLint)', () => {
  const violations: Array<[folder: string, code: string, expected: RegExp]> = [
    ['renderer', "import fs from 'node:fs';\nexport const x = fs;\n", /renderer\/ may not import 'node:fs'/],
    ['renderer', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", /renderer\/ may not import 'electron'/],
    ['renderer', "import { dispatch } from '../main/api/dispatch.js';\nexport const x = dispatch;\n", /renderer\/ may not import from main\//],
    ['models', "import path from 'node:path';\nexport const x = path;\n", /models\/ may not import 'node:path'/],
    ['models', "import { DeviceError } from '../drivers/device-driver.js';\nexport const x = DeviceError;\n", /models\/ may not import from drivers\//],
    ['drivers', "import { collector } from '../main/collector/collector.js';\nexport const x = collector;\n", /drivers\/ may not import from main\//],
    ['main', "import { app } from 'electron';\nexport const x = app;\n", /only main\/electron\/ may import electron/],
  ];

  // one ESLint run over all probes (ESLint's start-up dominates); each probe must be named with its own message
  it('rejects every violation, and the run fails', async () => {
    const files = violations.map(([folder, code]) => probe(folder, code));
    const result = await exitOf(bin('eslint'), ['--max-warnings', '0', '--format', 'json', ...files]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.output) as Array<{ filePath: string; messages: Array<{ ruleId: string; message: string }> }>;
    violations.forEach(([, , expected], i) => {
      const messages = report.find((r) => r.filePath === files[i])?.messages ?? [];
      expect(messages.filter((m) => m.ruleId === 'plustwin/layer-imports').map((m) => m.message).join('\n')).toMatch(expected);
    });
  });

  it('accepts imports the rules allow', async () => {
    const file = probe(
      'renderer',
      "import * as THREE from 'three';\nimport type { Building } from '../models/types.js';\nexport const x: Building[] = [];\nexport const y = THREE.REVISION;\n",
    );
    const result = await exitOf(bin('eslint'), ['--max-warnings', '0', file]);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('per-folder compiler settings (tsc)', () => {
  it('renderer/ has no Node types', async () => {
    const result = await typecheck('renderer', probe('renderer', 'export const home = process.env.HOME;\n'));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/Cannot find name 'process'/);
  });

  it('models/ has neither DOM nor Node types', async () => {
    const dom = await typecheck('models', probe('models', 'export const title = document.title;\n'));
    expect(dom.code).not.toBe(0);
    expect(dom.output).toMatch(/Cannot find name 'document'/);
    const node = await typecheck('models', probe('models', "export const b = Buffer.from('x');\n"));
    expect(node.code).not.toBe(0);
    expect(node.output).toMatch(/Cannot find name 'Buffer'/);
  });

  it('a clean probe typechecks in renderer/', async () => {
    const result = await typecheck('renderer', probe('renderer', 'export const w = window.innerWidth;\n'));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });
});
