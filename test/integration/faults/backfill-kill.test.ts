/**
 * Fault suite: `plustwin serve` killed with SIGKILL during the demo's first-start backfill (120 days of history, as --demo-history-days 120 asks).
 * The next start must resume the history where the committed readings end, not hand the rest of the year to the
 * interval engine as one long 'recovered' gap.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { qualityCode } from '../../../models/intervals/quality.js';
import { openStore } from '../../../main/core/store/open-store.js';
import { startServeChild, waitForLog, type ServeChild } from '../shutdown/serve-child.js';
import { recordFault } from './fault-report.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-backfill-kill-'));
let serve: ServeChild | undefined;
afterAll(async () => {
  await serve?.stop(5_000);
  fs.rmSync(dir, { recursive: true, force: true });
});

const args = ['--data', dir, '--port', '0', '--demo-history-days', '120'];

describe('SIGKILL during the first-start backfill', () => {
  it('resumes the history on the next start: no recovered intervals, no gap', async () => {
    // the first start: killed while the electricity history is being written (it says how far after each chunk
    // of 50,000 readings: 120 days x 96 quarter hours x 15 points = 172,800 readings, so at 20, 50 and 80 %)
    const { spawn } = await import('node:child_process');
    const first = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../../main/shells/serve/entry.ts'), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    first.stderr.on('data', (c: Buffer) => (log += c.toString()));
    const exited = new Promise<void>((r) => first.once('exit', () => r()));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (/electricity history [1-9]0 %/.test(log)) {
          clearInterval(timer);
          first.kill('SIGKILL');
          resolve();
        } else if (first.exitCode !== null || /historical electricity readings stored/.test(log)) {
          first.kill('SIGKILL');
          clearInterval(timer);
          reject(new Error(`the backfill ended before it could be killed:\n${log}`));
        }
      }, 20);
    });
    await exited;
    expect(log).not.toMatch(/historical electricity readings stored/);

    const restarted = Date.now();
    serve = await startServeChild(args);
    const recoverMs = Date.now() - restarted;
    await waitForLog(serve, /resuming the electricity history from/);
    await waitForLog(serve, /historical electricity readings stored/);
    expect(await serve.stop()).toBe(0);
    serve = undefined;

    const store = await openStore(path.join(dir, 'district.sqlite'));
    try {
      const recovered = await store.sqlite.get<{ n: number }>('SELECT COUNT(*) AS n FROM intervals WHERE q = ?', [qualityCode('recovered')]);
      expect(recovered!.n).toBe(0);
      // every series the backfill feeds has its quarter hours over the 120 days: 120 x 96 = 11,520, a few short at the ends
      const perSeries = await store.sqlite.all<{ n: number }>('SELECT COUNT(*) AS n FROM intervals GROUP BY series');
      const full = perSeries.filter((s) => s.n >= 11_520 - 8);
      expect(full.length).toBeGreaterThan(0);
      recordFault({ fault: 'SIGKILL during the demo backfill', survived: true, readingsLost: 0, recoverMs, note: 'history resumed; 0 recovered intervals; time = restart until listening' });
    } finally {
      await store.close();
    }
  }, 180_000);
});
