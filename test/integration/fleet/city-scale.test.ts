/**
 * The whole fleet on one machine with real servers: three collectors (the demo district, one day of history, the
 * demo clock at 120x) -> Mosquitto -> two ingest workers -> PostgreSQL 15, through four faults: the broker
 * restarted, an ingest worker killed with SIGKILL, one collector's uplink cut for 30 simulated minutes (15 s at
 * 120x), PostgreSQL restarted. Afterwards every reading of every outbox is in PostgreSQL exactly once, bit for bit,
 * the 15-minute intervals there equal the edge's, and so do the intervals computed again from the readings in
 * PostgreSQL with the same interval engine (models/intervals).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR_MS, INTERVAL_MS } from '../../../models/time-grid.js';
import { openCentralStore } from '../../../main/core/store/central/pg-store.js';
import { openStore } from '../../../main/core/store/open-store.js';
import { runIntervalEngine, type EnginePoint, type EngineReading } from '../../../models/intervals/interval-engine.js';
import { DEFAULT_LIMITS } from '../../../models/intervals/limits.js';
import { FLEET_ACL } from './acl.js';
import { startChild, startRelay, type Child } from './fleet-children.js';
import { startMosquitto, startPostgres, type Mosquitto, type Postgres } from './servers.js';

const SPEED = 120;
const SITES = ['site-a', 'site-b', 'site-c'] as const;
const CUT_SITE = 'site-c';
const CUT_SIMULATED_MS = 30 * 60_000;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-fleet-'));
const passwords: Record<string, string> = { 'plustwin-ingest': 'ingest-pw', 'site-a': 'a-pw', 'site-b': 'b-pw', 'site-c': 'c-pw' };
let broker: Mosquitto;
let postgres: Postgres;
let relay: Awaited<ReturnType<typeof startRelay>>;
let pool: pg.Pool;
const collectors = new Map<string, Child>();
const workers: Child[] = [];

const passwordFile = (user: string): string => {
  const f = path.join(tmp, `${user}.pw`);
  fs.writeFileSync(f, passwords[user]!, { mode: 0o600 });
  return f;
};

const startWorker = (i: number) =>
  startChild(`ingest ${i}`, 'main/shells/cli/entry.ts', ['ingest', '--mqtt', broker.url, '--pg', postgres.url, '--user', 'plustwin-ingest', '--password-file', passwordFile('plustwin-ingest')], /PlusTwin ingest:/);

const startCollector = (site: string) =>
  startChild(
    `collect ${site}`,
    'main/shells/collect/entry.ts',
    [
      '--mqtt', site === CUT_SITE ? `mqtt://127.0.0.1:${relay.port}` : broker.url,
      '--site', site,
      '--password-file', passwordFile(site),
      '--data', path.join(tmp, site),
      '--speed', String(SPEED),
      '--demo-history-days', '1',
      '--drain-seconds', '90',
    ],
    /PlusTwin collecting/,
  );

async function rowsBySite(): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ site: string; n: string }>('SELECT site, count(*) AS n FROM readings GROUP BY site');
  return new Map(rows.map((r) => [r.site, Number(r.n)]));
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // the database restarting: try again
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function sqliteAll<T>(file: string, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (e) => {
      if (e) return reject(e);
      db.all(sql, (e2: Error | null, rows: T[]) => {
        db.close();
        if (e2) reject(e2);
        else resolve(rows);
      });
    });
  });
}

/**
 * Runs the interval engine over the site's readings in PostgreSQL in one pass (the points' kinds and active series
 * taken from the edge's file, the default limits the collector used) and compares its finished intervals with the
 * edge's. The edge added each slot's energy batch by batch, so the sums may differ in the last bits: 1e-9 kWh.
 */
async function expectRecomputedEqual(file: string, site: string, edge: ReadonlyArray<{ id: string; d: number; slot: number; kwh: number }>): Promise<void> {
  const points = await sqliteAll<{ pk: number; id: string; kind: string; s0: number | null; s1: number | null }>(
    file,
    `SELECT p.pk, p.id, p.kind,
       (SELECT pk FROM series s WHERE s.point = p.pk AND s.direction = 0 AND s.active = 1) AS s0,
       (SELECT pk FROM series s WHERE s.point = p.pk AND s.direction = 1 AND s.active = 1) AS s1
     FROM points p`,
  );
  const engine = new Map<number, EnginePoint>();
  const seriesOf = new Map<number, { id: string; d: number }>();
  for (const p of points) {
    if (p.s0 === null && p.s1 === null) continue;
    engine.set(p.pk, { source: p.kind === 'energy-counter' ? 'counter' : 'power', series: [p.s0, p.s1], limits: DEFAULT_LIMITS });
    if (p.s0 !== null) seriesOf.set(p.s0, { id: p.id, d: 0 });
    if (p.s1 !== null) seriesOf.set(p.s1, { id: p.id, d: 1 });
  }
  const pk = new Map(points.map((p) => [p.id, p.pk]));
  // bad samples never reach the engine (main/core/store/ingest-batch.ts): quality code 2
  const { rows } = await pool.query<{ point: string; ts: Date; value: number }>(
    'SELECT point, ts, value FROM readings WHERE site = $1 AND q <> 2 ORDER BY ts, point COLLATE "C"',
    [site],
  );
  const readings: EngineReading[] = rows.map((r) => ({ point: pk.get(r.point)!, ts: r.ts.getTime(), value: r.value }));
  const result = runIntervalEngine(readings, engine, new Map());
  const byKey = new Map<string, number>();
  for (const c of result.contributions.entries()) {
    const s = seriesOf.get(c.series)!;
    const cp = result.checkpoints.get(pk.get(s.id)!);
    if (cp !== undefined && c.slot < Math.floor(cp.ts / INTERVAL_MS)) byKey.set(`${s.id}|${s.d}|${c.slot}`, c.kwh);
  }
  expect(byKey.size).toBe(edge.length);
  for (const e of edge) expect(byKey.get(`${e.id}|${e.d}|${e.slot}`), `${e.id} direction ${e.d} slot ${e.slot}`).toBeCloseTo(e.kwh, 9);
}

/**
 * The site's structure reached PostgreSQL too (the collector's retained district message), and the central store
 * reads it and the balances from the central rollups as the edge's own store does, over the hours every point has
 * finished (the last, open interval of a point stays at the edge).
 */
async function expectCentralStoreEqual(file: string, site: string): Promise<void> {
  const checkpoints = await sqliteAll<{ ts: number }>(file, 'SELECT ts FROM checkpoints');
  const firstSlot = await sqliteAll<{ slot: number }>(file, 'SELECT MIN(slot) AS slot FROM intervals');
  const from = Math.ceil((firstSlot[0]!.slot * INTERVAL_MS) / HOUR_MS) * HOUR_MS;
  const to = Math.floor(Math.min(...checkpoints.map((c) => c.ts)) / HOUR_MS) * HOUR_MS;
  const edge = await openStore(file);
  // the district message of a device that joined late may still be on its way through a worker under load
  await waitFor(`${site}'s district in PostgreSQL`, async () => {
    const c = await openCentralStore(postgres.url, { site });
    try {
      return isDeepStrictEqual((await c.getDistrict())?.points, (await edge.getDistrict())?.points);
    } finally {
      await c.close();
    }
  }).catch(async (e: unknown) => {
    await edge.close();
    throw e;
  });
  const centre = await openCentralStore(postgres.url, { site });
  try {
    const view = await edge.getDistrict();
    const seen = await centre.getDistrict();
    expect(seen?.site).toEqual(view?.site);
    expect(seen?.buildings).toEqual(view?.buildings);
    expect(seen?.points).toEqual(view?.points);
    expect(to).toBeGreaterThan(from);
    const want = await edge.buildingBalances(from, to);
    const got = await centre.buildingBalances(from, to);
    expect(got.map((b) => b.buildingId)).toEqual(want.map((b) => b.buildingId));
    got.forEach((g, i) => {
      const w = want[i]!;
      for (const k of ['importKwh', 'exportKwh', 'generationKwh', 'consumptionKwh', 'coverage'] as const) expect(g[k], `${site} ${g.buildingId} ${k}`).toBeCloseTo(w[k], 9);
    });
  } finally {
    await edge.close();
    await centre.close();
  }
}

beforeAll(async () => {
  [postgres, broker] = await Promise.all([
    startPostgres(),
    startMosquitto({ users: passwords, acl: FLEET_ACL }),
  ]);
  relay = await startRelay(broker.port);
  pool = new pg.Pool({ connectionString: postgres.url, max: 2 });
  pool.on('error', () => undefined);
}, 120_000);

afterAll(async () => {
  await Promise.all([...collectors.values(), ...workers].map((c) => c.kill().catch(() => undefined)));
  await pool?.end();
  await relay?.close();
  await broker?.close();
  await postgres?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}, 60_000);

describe('city scale: collectors -> Mosquitto -> ingest workers -> PostgreSQL', () => {
  it('loses nothing and counts nothing twice through broker, worker, uplink and database faults', async () => {
    workers.push(await startWorker(1), await startWorker(2));
    for (const c of await Promise.all(SITES.map((s) => startCollector(s)))) collectors.set(c.name.split(' ')[1]!, c);
    // the demo's OPC UA heat meters join after their certificates are made: let every collector finish starting
    await waitFor('the heat meters of every collector', async () => [...collectors.values()].every((c) => /historical heat readings stored|heat meters could not start/.test(c.log())), 150_000);
    await waitFor('readings of every site', async () => {
      const n = await rowsBySite();
      return SITES.every((s) => (n.get(s) ?? 0) > 0);
    }, 120_000);

    // 1. the broker restarts (its persistence keeps the retained status and acks)
    await broker.stop();
    await broker.start();

    // 2. an ingest worker dies mid-stream; a new one takes its place in the shared subscription
    await workers[0]!.kill();
    workers[0] = await startWorker(3);

    // 3. site-c's uplink is down for 30 simulated minutes; its collector goes on reading into its outbox
    const beforeCut = (await rowsBySite()).get(CUT_SITE) ?? 0;
    await relay.cut();
    const cutStartedAt = Date.now();
    await new Promise((r) => setTimeout(r, CUT_SIMULATED_MS / SPEED));
    await relay.restore();
    const cutEndedAt = Date.now();

    // 4. PostgreSQL restarts; the workers keep what they received and write it when it is back
    await postgres.stop();
    await new Promise((r) => setTimeout(r, 1000));
    await postgres.start();

    await waitFor('site-c catching up after its outage', async () => ((await rowsBySite()).get(CUT_SITE) ?? 0) > beforeCut);

    // the collectors stop reading and wait until the central side confirmed their whole outbox (exit code 0)
    const codes = await Promise.all(SITES.map((s) => collectors.get(s)!.stop(120_000)));
    expect(codes, SITES.map((s) => collectors.get(s)!.log().slice(-2000)).join('\n')).toEqual([0, 0, 0]);
    for (const w of workers) expect(await w.stop(30_000), w.log().slice(-3000)).toBe(0);

    for (const site of SITES) {
      const file = path.join(tmp, site, 'district.sqlite');
      const edge = await sqliteAll<{ id: string; seq: number; ts: number; value: number }>(
        file,
        'SELECT p.id, o.seq, o.ts, o.value FROM outbox o JOIN points p ON p.pk = o.point ORDER BY p.id, o.seq',
      );
      const central = (
        await pool.query<{ point: string; seq: string; ts: Date; value: number }>(
          'SELECT point, seq, ts, value FROM readings WHERE site = $1 ORDER BY point COLLATE "C", seq',
          [site],
        )
      ).rows.map((r) => ({ id: r.point, seq: Number(r.seq), ts: r.ts.getTime(), value: r.value }));
      expect(edge.length).toBeGreaterThan(1000);
      // every reading exactly once (the primary key forbids twice; equal lists mean none missing), bit for bit
      expect(central.length).toBe(edge.length);
      expect(central).toEqual(edge);

      // intervals: the edge's finished ones (before each point's checkpoint) equal the central ones
      const edgeIntervals = await sqliteAll<{ id: string; d: number; slot: number; kwh: number }>(
        file,
        `SELECT p.id, s.direction AS d, i.slot, i.kwh FROM intervals i JOIN series s ON s.pk = i.series
         JOIN points p ON p.pk = s.point JOIN checkpoints c ON c.point = p.pk
         WHERE i.slot < c.ts / ${INTERVAL_MS} ORDER BY p.id, s.direction, i.slot`,
      );
      const centralIntervals = (
        await pool.query<{ point: string; direction: number; slot: Date; kwh: number }>(
          'SELECT point, direction, slot, kwh FROM intervals WHERE site = $1 ORDER BY point COLLATE "C", direction, slot',
          [site],
        )
      ).rows.map((r) => ({ id: r.point, d: r.direction, slot: r.slot.getTime() / INTERVAL_MS, kwh: r.kwh }));
      expect(edgeIntervals.length).toBeGreaterThan(100);
      expect(centralIntervals).toEqual(edgeIntervals);
      await expectRecomputedEqual(file, site, edgeIntervals);
      await expectCentralStoreEqual(file, site);
    }

    // what site-c read while cut off arrived afterwards, marked as history
    const cutRows = await pool.query<{ n: string }>("SELECT count(*) AS n FROM readings WHERE site = $1 AND history", [CUT_SITE]);
    expect(Number(cutRows.rows[0]?.n)).toBeGreaterThan(0);
    expect(cutEndedAt - cutStartedAt).toBeGreaterThanOrEqual(CUT_SIMULATED_MS / SPEED);
  }, 300_000);
});
