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
    ['renderer', "import { dispatch } from '../main/core/api/dispatch.js';\nexport const x = dispatch;\n", /renderer\/ may not import from main\//],
    ['models', "import path from 'node:path';\nexport const x = path;\n", /models\/ may not import 'node:path'/],
    ['models', "import { DeviceError } from '../drivers/device-driver.js';\nexport const x = DeviceError;\n", /models\/ may not import from drivers\//],
    ['drivers', "import { Collector } from '../main/core/ingest/collector/collector.js';\nexport const x = Collector;\n", /drivers\/ may not import from main\//],
    ['main/core/ingest', "import { app } from 'electron';\nexport const x = app;\n", /only main\/shells\/electron\/ may import electron/],
    // inside the core, data flows ingest -> store -> analysis -> reports and api: never back up the flow
    ['main/core/store', "import { loadProfiles } from '../analysis/load-profiles.js';\nexport const x = loadProfiles;\n", /main\/core\/store\/ may not import main\/core\/analysis\//],
    ['main/core/ingest', "import { dispatch } from '../api/dispatch.js';\nexport const x = dispatch;\n", /main\/core\/ingest\/ may not import main\/core\/api\//],
    ['main/core/analysis', "import { exportReport } from '../reports/export-report.js';\nexport const x = exportReport;\n", /main\/core\/analysis\/ may not import main\/core\/reports\//],
    ['main/core/reports', "import { startCore } from '../app/app-core.js';\nexport const x = startCore;\n", /main\/core\/reports\/ may not import main\/core\/app\//],
    // the core never imports a shell, and the shells never import each other
    ['main/core/api', "import { isLoopback } from '../../shells/serve/access.js';\nexport const x = isLoopback;\n", /main\/core\/ may not import a shell/],
    ['main/shells/cli', "import { isLoopback } from '../serve/access.js';\nexport const x = isLoopback;\n", /main\/shells\/cli\/ may not import another shell/],
    ['main/shells/electron', "import { runCli } from '../cli/run-cli.js';\nexport const x = runCli;\n", /main\/shells\/electron\/ may not import another shell/],
    // a new folder must be placed in the table first
    ['main/core', "export const stray = 1;\n", /files in main\/core\/ belong in one of its folders/],
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
    const files = [
      probe(
        'renderer',
        "import * as THREE from 'three';\nimport type { Building } from '../models/types.js';\nexport const x: Building[] = [];\nexport const y = THREE.REVISION;\n",
      ),
      probe('main/core/reports', "import type { Store } from '../store/store.js';\nexport type X = Store;\n"),
      probe('main/core/api', "import { loadProfiles } from '../analysis/load-profiles.js';\nexport const x = loadProfiles;\n"),
      probe('main/shells/cli', "import { parseArgs } from '../common/args.js';\nimport type { Store } from '../../core/store/store.js';\nexport type X = Store;\nexport const y = parseArgs;\n"),
    ];
    const result = await exitOf(bin('eslint'), ['--max-warnings', '0', ...files]);
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
