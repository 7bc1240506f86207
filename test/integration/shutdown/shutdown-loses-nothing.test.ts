/**
 * Graceful shutdown with readings still in the buffers: `plustwin serve` polls the demo district, gets SIGTERM
 * right after a poll round (the collector flushes once a second, so that round is still pending), and every reading
 * the collector accepted must be a row in the SQLite file afterwards.
 *
 * The first run creates the district and its history and is stopped; the second run has no backfill, so every
 * sample row it adds comes from the collector, and the row count can be compared with the collector's counter.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { startServeChild, waitForLog, type ServeChild } from './serve-child.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-shutdown-'));
const db = path.join(dir, 'district.sqlite');
let running: ServeChild | undefined;

function countSamples(): Promise<number> {
  return new Promise((resolve, reject) => {
    const conn = new sqlite3.Database(db, sqlite3.OPEN_READONLY, (e) => {
      if (e) return reject(e);
      conn.get('SELECT count(*) AS n FROM samples', (e2: Error | null, row: { n: number }) => {
        conn.close();
        if (e2) reject(e2);
        else resolve(row.n);
      });
    });
  });
}

const args = ['--data', dir, '--port', '0', '--speed', '60', '--demo-history-days', '1'];

afterAll(async () => {
  await running?.stop(5_000);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('serve: SIGTERM with pending readings', () => {
  it('writes every reading the collector accepted before it exits', async () => {
    // first run: district, electricity and heat history, then a clean stop
    running = await startServeChild(args);
    await waitForLog(running, /historical heat readings stored|heat meters could not start/);
    expect(await running.stop()).toBe(0);
    const before = await countSamples();
    expect(before).toBeGreaterThan(0);

    // whether a poll round is still in the buffers at SIGTERM is a matter of timing (they flush every second):
    // every run must lose nothing, and the runs go on until one had something in flight to lose
    let pendingSeen = 0;
    let samples = before;
    for (let attempt = 0; attempt < 5 && pendingSeen === 0; attempt++) {
      running = await startServeChild(args);
      const ws = new WebSocket(new URL('/api/events', running.url.replace('http', 'ws')));
      let rounds = 0;
      const enoughRounds = new Promise<void>((resolve) =>
        ws.on('message', (data: Buffer) => {
          if ((JSON.parse(data.toString()) as { event: string }).event === 'live' && ++rounds >= 3) resolve();
        }),
      );
      await enoughRounds;
      // a live event follows a poll round whose readings were just added to the buffer
      const code = await running.stop();
      ws.close();
      expect(code).toBe(0);

      const log = running.log();
      expect(log, 'a restart must not backfill').not.toMatch(/historical .* readings stored/);
      const m = /stopped: (\d+) readings accepted this session, (\d+) stored, (\d+) were pending at SIGTERM/.exec(log);
      expect(m, log).not.toBeNull();
      const [accepted, stored, pending] = [Number(m![1]), Number(m![2]), Number(m![3])];
      expect(accepted).toBeGreaterThan(0);
      expect(stored).toBe(accepted);
      const now = await countSamples();
      expect(now).toBe(samples + accepted);
      samples = now;
      pendingSeen = pending;
    }
    // the point of the test: at least one shutdown had readings in flight, and none were lost
    expect(pendingSeen).toBeGreaterThan(0);
  }, 240_000);
});
