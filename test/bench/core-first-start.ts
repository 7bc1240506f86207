/**
 * How long a newcomer waits: `plustwin serve` on an empty data folder (demo district, a year of history through
 * the real ingestion path) until it listens, against the second start on the same folder (history already there)
 * as the baseline measured in the same run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './bench-result.js';

const root = path.resolve(import.meta.dirname, '../..');

function startUntilListening(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin', 'plustwin.js'), 'serve', '--data', dataDir, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('listening on')) {
        const seconds = (performance.now() - started) / 1000;
        child.once('exit', () => resolve(seconds));
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) => {
      if (!out.includes('listening on')) reject(new Error(`serve exited with ${code} before listening`));
    });
  });
}

export async function run(): Promise<BenchResult[]> {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) throw new Error('build first: npm run build');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-bench-start-'));
  try {
    const first = await startUntilListening(dataDir);
    const second = await startUntilListening(dataDir);
    return [
      {
        name: 'first start of the demo district until serve listens (a year of history ingested)',
        value: first,
        unit: 's',
        baseline: { name: 'second start, history present', value: second },
      },
    ];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
