/**
 * The central store on a real PostgreSQL 15: monthly partitions appear as rows of a month arrive, time has a BRIN
 * index, a replayed batch is not counted twice, values arrive bit for bit, and the confirmations advance only over
 * an unbroken run (readings) or chain (intervals).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../../main/core/fleet/central-schema.js';
import { CentralWriter, type ReceivedIntervals, type ReceivedReadings } from '../../../main/core/fleet/central-writer.js';
import { startPostgres, type Postgres } from './servers.js';

let server: Postgres;
let pool: pg.Pool;
let writer: CentralWriter;

const NOV_30_23H = Date.UTC(2026, 10, 30, 23, 0, 0);
const MINUTE = 60_000;

const readings = (first: number, ts: number[], v: number[]): ReceivedReadings => ({
  site: 'site-a',
  building: 'house\t1', // a tab must survive COPY's text format
  point: 'meter/import',
  message: { first, ts, v, q: ts.map(() => 0), history: false },
});

const intervals = (after: number, upto: number, slots: number[]): ReceivedIntervals => ({
  site: 'site-a',
  building: 'house\t1',
  point: 'meter/import',
  message: { after, upto, rows: slots.map((s) => [0, s, s / 1000, 0] as [number, number, number, number]), history: false },
});

beforeAll(async () => {
  server = await startPostgres();
  pool = new pg.Pool({ connectionString: server.url, max: 2 });
  const c = await pool.connect();
  await createSchema(c);
  await createSchema(c); // a second worker starting finds everything there
  c.release();
  writer = new CentralWriter(pool);
});

afterAll(async () => {
  await pool?.end();
  await server?.close();
});

const progress = async () =>
  (await pool.query<{ seq: string; slot: string }>("SELECT seq, slot FROM progress WHERE site = 'site-a' AND point = 'meter/import'")).rows[0];

describe('central writer', () => {
  it('stores readings once, in monthly partitions, and confirms the unbroken run', async () => {
    // seqs 1..3 straddle the month end (23:00, 23:30 on 30 Nov, 00:30 on 1 Dec UTC), seq 5 comes before seq 4
    const batch = [readings(1, [NOV_30_23H, NOV_30_23H + 30 * MINUTE, NOV_30_23H + 90 * MINUTE], [0.1 + 0.2, 1e-300, -2.5]), readings(5, [NOV_30_23H + 150 * MINUTE], [7])];
    const first = await writer.write(batch, []);
    expect(first).toMatchObject({ readings: 4, duplicates: 0 });
    // confirmed: 1, 2, 3 run unbroken after 0; 5 waits for 4
    expect(await progress()).toEqual({ seq: '3', slot: '0' });

    const again = await writer.write(batch, []);
    expect(again).toMatchObject({ readings: 0, duplicates: 4 });

    await writer.write([readings(4, [NOV_30_23H + 120 * MINUTE], [4])], []);
    expect(await progress()).toEqual({ seq: '5', slot: '0' });

    const rows = (await pool.query<{ seq: string; value: number; building: string }>('SELECT seq, value, building FROM readings ORDER BY seq')).rows;
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5]);
    // 0.1 + 0.2 = 0.30000000000000004 in binary64: it must come back as exactly that double
    expect(rows[0]!.value).toBe(0.1 + 0.2);
    expect(rows[1]!.value).toBe(1e-300);
    expect(rows[0]!.building).toBe('house\t1');

    const parts = (await pool.query<{ name: string }>("SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = 'readings'::regclass ORDER BY 1")).rows;
    expect(parts.map((p) => p.name)).toEqual(['readings_2026_11', 'readings_2026_12']);
    const brin = (await pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid JOIN pg_am a ON a.oid = c.relam WHERE i.indrelid = 'readings'::regclass AND a.amname = 'brin'",
    )).rows[0];
    expect(brin?.n).toBe('1');
  });

  it('confirms interval messages only in an unbroken chain and keeps the edge values', async () => {
    const base = Math.floor(NOV_30_23H / (15 * MINUTE));
    // progress.slot starts at 0; (0, base+3] continues it
    await writer.write([], [intervals(0, base + 3, [base + 1, base + 3])]);
    expect((await progress())?.slot).toBe(String(base + 3));
    // (base+6, base+9] does not continue base+3: stored, not confirmed
    await writer.write([], [intervals(base + 6, base + 9, [base + 9])]);
    expect((await progress())?.slot).toBe(String(base + 3));
    // the edge sends again from the confirmed slot: now the chain reaches base+9, and the same rows are not doubled
    await writer.write([], [intervals(base + 3, base + 9, [base + 5, base + 9])]);
    expect((await progress())?.slot).toBe(String(base + 9));
    const n = (await pool.query<{ n: string; kwh: number }>('SELECT count(*) AS n, sum(kwh) AS kwh FROM intervals')).rows[0];
    // slots base+1, base+3, base+5, base+9, each kwh = slot / 1000
    expect(Number(n?.n)).toBe(4);
    expect(n?.kwh).toBeCloseTo((4 * base + 18) / 1000, 9);
  });

  it('copies live readings straight in, and a live message that repeats stored readings falls back without doubling', async () => {
    const at = (point: string, first: number, n: number, history: boolean): ReceivedReadings => ({
      site: 'site-b',
      building: 'h',
      point,
      message: { first, ts: Array.from({ length: n }, (_, i) => NOV_30_23H + (first + i) * MINUTE), v: Array.from({ length: n }, (_, i) => first + i), q: Array(n).fill(0), history },
    });
    const stored = async (point: string) =>
      (await pool.query<{ n: string; s: number }>("SELECT count(*) AS n, sum(value) AS s FROM readings WHERE site = 'site-b' AND point = $1", [point])).rows[0];
    // live seqs 1..10 of p and a replay (history) of q's seqs 1..5, nothing stored yet: all 15 rows go in
    expect(await writer.write([at('p', 1, 10, false), at('q', 1, 5, true)], [])).toMatchObject({ readings: 15, duplicates: 0 });
    // a restarted collector sends p's seqs 6..15 again unmarked next to new live seqs 6..8 of q: the straight COPY
    // meets p's stored keys 6..10, is undone whole, and the idempotent way stores p's 11..15 and q's 6..8 once
    expect(await writer.write([at('p', 6, 10, false), at('q', 6, 3, false)], [])).toMatchObject({ readings: 8, duplicates: 5 });
    // p: seqs 1..15, values equal to the seqs, sum 15 * 16 / 2 = 120; q: seqs 1..8, sum 8 * 9 / 2 = 36
    expect(await stored('p')).toEqual({ n: '15', s: 120 });
    expect(await stored('q')).toEqual({ n: '8', s: 36 });
    // r: parts 4..6 and 1..3 in one batch, out of order, join into one run 1..6; then 9..9 waits for 7..8
    await writer.write([at('r', 4, 3, false), at('r', 1, 3, false), at('r', 9, 1, false)], []);
    const conf = (await pool.query<{ point: string; seq: string }>("SELECT point, seq FROM progress WHERE site = 'site-b' ORDER BY point")).rows;
    expect(conf).toEqual([
      { point: 'p', seq: '15' },
      { point: 'q', seq: '8' },
      { point: 'r', seq: '6' },
    ]);
    // the runs the confirmation has passed are gone; r's 9..9 stays until 7..8 arrive
    const runs = (await pool.query<{ point: string; first: string; last: string }>("SELECT point, first, last FROM received_runs WHERE site = 'site-b' ORDER BY point, first")).rows;
    expect(runs).toEqual([{ point: 'r', first: '9', last: '9' }]);
    await writer.write([at('r', 7, 2, true)], []);
    expect((await pool.query<{ seq: string }>("SELECT seq FROM progress WHERE site = 'site-b' AND point = 'r'")).rows[0]?.seq).toBe('9');
  });
});
