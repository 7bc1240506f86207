/**
 * The central side's two remaining figures of issue #19, with real servers on this machine:
 *
 * 1. Latency from reading to queryable, through the whole path: readings handed to a collector's store (SQLite with
 *    its outbox, default batching), the edge publisher (QoS 1) -> Mosquitto -> two ingest workers (shared
 *    subscription) -> PostgreSQL 15. A reading counts as queryable when its point's confirmation (progress.seq,
 *    advanced right after the commit over the unbroken run) reaches it; the table is polled every 10 ms, so the
 *    figures are up to 10 ms late. PLUSTWIN_BENCH_LATENCY_POINTS points read once a second for
 *    PLUSTWIN_BENCH_LATENCY_SECONDS (default 100 x 30 s).
 * 2. The annual district balance of 1,000 buildings (import and PV counters each) from the central rollups, through
 *    the central store's buildingBalances (the figures `plustwin balance --pg` and the UI's balances start from),
 *    target < 500 ms. The rollups (series_day, series_month) are loaded with COPY from a synthetic daily profile
 *    rather than computed from 70 million intervals, which this shared machine cannot hold in a benchmark run;
 *    that the writer computes them right is tested in test/integration/store/store-reads.test.ts. Baseline: the
 *    same year summed from the daily rollups in one query.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { createSchema } from '../../main/core/fleet/central-schema.js';
import { EdgePublisher } from '../../main/core/fleet/edge-publisher.js';
import { IngestWorker } from '../../main/core/fleet/ingest-worker.js';
import { openCentralStore } from '../../main/core/store/central/pg-store.js';
import { openStore } from '../../main/core/store/open-store.js';
import { nextLocalDay, nextLocalMonth } from '../../models/intervals/local-calendar.js';
import { INTERVAL_MS } from '../../models/time-grid.js';
import type { Building, Device, Point, Reading, Site } from '../../models/types.js';
import { FLEET_ACL } from '../integration/fleet/acl.js';
import { startMosquitto, startPostgres, type Postgres } from '../integration/fleet/servers.js';
import type { BenchResult } from './bench-result.js';
import { medianOf } from './support/timing.js';

const LATENCY_POINTS = Number(process.env.PLUSTWIN_BENCH_LATENCY_POINTS ?? 100);
const LATENCY_SECONDS = Number(process.env.PLUSTWIN_BENCH_LATENCY_SECONDS ?? 30);
const BALANCE_BUILDINGS = 1000;
/** 2025 in Berlin: 2025-01-01 00:00 CET to 2026-01-01 00:00 CET. */
const YEAR_FROM = Date.UTC(2024, 11, 31, 23);
const YEAR_TO = Date.UTC(2025, 11, 31, 23);

const SITE = (id: string): Site => ({ id, name: id, origin: { lat: 51.52, lon: 6.93 }, timezone: 'Europe/Berlin' });
const building = (id: string, k: number): Building => ({
  id,
  name: `Gebäude ${k}`,
  use: 'office',
  footprint: [
    [6.93 + k * 1e-4, 51.52],
    [6.9301 + k * 1e-4, 51.52],
    [6.9301 + k * 1e-4, 51.5201],
  ],
  heightM: 10,
});
const device = (id: string, buildingId: string): Device => ({ id, name: id, buildingId, protocol: 'modbus-tcp', url: 'modbus-tcp://127.0.0.1:1502?unit=1', profile: 'test', pollIntervalMs: 1000 });
const counter = (id: string, deviceId: string, buildingId: string, role: Point['role']): Point => ({ id, deviceId, buildingId, name: id, unit: 'kWh', medium: 'electricity', role, kind: 'energy-counter' });

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

async function latency(postgres: Postgres): Promise<BenchResult[]> {
  const site = 'latency-site';
  const broker = await startMosquitto({ users: { 'plustwin-ingest': 'i', [site]: 's' }, acl: FLEET_ACL });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-bench-latency-'));
  const file = path.join(tmp, 'district.sqlite');
  const pool = new pg.Pool({ connectionString: postgres.url, max: 1 });
  const access = { url: broker.url, username: 'plustwin-ingest', password: 'i' };
  const workers = await Promise.all([1, 2].map((i) => IngestWorker.start({ access, pgUrl: postgres.url, clientId: `latency-ingest-${i}` })));
  const store = await openStore(file, { outbox: true });
  let publisher: EdgePublisher | undefined;
  try {
    const buildings = Array.from({ length: Math.ceil(LATENCY_POINTS / 10) }, (_, b) => building(`b${b}`, b));
    const devices = buildings.map((b) => device(`m-${b.id}`, b.id));
    const points = Array.from({ length: LATENCY_POINTS }, (_, p) => counter(`p${p}`, `m-b${Math.floor(p / 10)}`, `b${Math.floor(p / 10)}`, 'import'));
    await store.saveDistrict(SITE(site), buildings, devices, points);
    publisher = await EdgePublisher.start({ access: { url: broker.url, username: site, password: 's' }, site, dbFile: file });
    // round r hands every point its reading r + 1, which the outbox numbers seq r + 1 (no repeats, no gaps)
    const handedAt: number[] = [];
    const visibleAt = new Map<string, number[]>();
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const { rows } = await pool.query<{ point: string; seq: string }>('SELECT point, seq FROM progress WHERE site = $1', [site]);
        const now = performance.now();
        for (const r of rows) {
          const seen = visibleAt.get(r.point) ?? [];
          for (let s = seen.length + 1; s <= Number(r.seq); s++) seen.push(now);
          visibleAt.set(r.point, seen);
        }
        await new Promise((res) => setTimeout(res, 10));
      }
    })();
    const started = performance.now();
    for (let r = 0; r < LATENCY_SECONDS; r++) {
      const wait = started + r * 1000 - performance.now();
      if (wait > 0) await new Promise((res) => setTimeout(res, wait));
      const ts = Date.now();
      const readings: Reading[] = points.map((p, k) => ({ pointId: p.id, ts, value: 1000 + r * 0.25 + k, quality: 'good' }));
      handedAt.push(performance.now());
      await store.ingest(readings);
    }
    const until = performance.now() + 60_000;
    while ([...points].some((p) => (visibleAt.get(p.id)?.length ?? 0) < LATENCY_SECONDS)) {
      if (performance.now() > until) throw new Error('readings did not all become queryable within 60 s');
      await new Promise((res) => setTimeout(res, 50));
    }
    polling = false;
    await poller;
    const lat: number[] = [];
    for (const p of points) visibleAt.get(p.id)!.slice(0, LATENCY_SECONDS).forEach((t, r) => lat.push(t - (handedAt[r] as number)));
    lat.sort((a, b) => a - b);
    const note = `${lat.length.toLocaleString('en')} readings: ${LATENCY_POINTS} points read once a second for ${LATENCY_SECONDS} s; p50 ${Math.round(percentile(lat, 50))} ms, max ${Math.round(lat[lat.length - 1] as number)} ms; default delays: store flush 1 s, publisher pass 250 ms, worker batch 200 ms; polled every 10 ms`;
    return [
      {
        name: 'fleet: reading -> queryable in PostgreSQL (collector store, broker, 2 workers), p99',
        value: percentile(lat, 99),
        unit: 'ms',
        baseline: { name: 'p50', value: percentile(lat, 50) },
        note,
      },
    ];
  } finally {
    await publisher?.close();
    await store.close();
    await Promise.all(workers.map((w) => w.close()));
    await pool.end();
    await broker.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Synthetic kWh of a building's role on a local day (index d of the year): a seasonal swing, PV zero in winter nights. */
const dayKwh = (b: number, d: number, role: 'import' | 'generation'): number =>
  role === 'import' ? 40 + (b % 17) + 15 * Math.cos((2 * Math.PI * d) / 365) : Math.max(0, 12 + (b % 5) - 14 * Math.cos((2 * Math.PI * d) / 365));

async function annualBalance(postgres: Postgres): Promise<BenchResult[]> {
  const admin = new pg.Pool({ connectionString: postgres.url, max: 1 });
  await admin.query('CREATE DATABASE plustwin_balance');
  await admin.end();
  const url = postgres.url.replace(/\/postgres$/, '/plustwin_balance');
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const site = 'city';
  const buildings = Array.from({ length: BALANCE_BUILDINGS }, (_, b) => building(`g${b}`, b));
  const devices = buildings.map((b) => device(`m-${b.id}`, b.id));
  const points = buildings.flatMap((b) => [counter(`${b.id}.imp`, `m-${b.id}`, b.id, 'import'), counter(`${b.id}.pv`, `m-${b.id}`, b.id, 'generation')]);
  const loadStarted = performance.now();
  let expectedImport = 0;
  let expectedPv = 0;
  const client = await pool.connect();
  try {
    await createSchema(client);
    await client.query('INSERT INTO districts(site, doc, received) VALUES ($1, $2, now())', [site, JSON.stringify({ site: SITE(site), buildings, devices, points })]);
    const days: number[] = [];
    for (let d = YEAR_FROM; d < YEAR_TO; d = nextLocalDay(d)) days.push(d);
    const months: number[] = [];
    for (let m = YEAR_FROM; m < YEAR_TO; m = nextLocalMonth(m)) months.push(m);
    const iso = (ms: number) => new Date(ms).toISOString();
    function* dayRows(): Generator<string> {
      for (let b = 0; b < BALANCE_BUILDINGS; b++) {
        let chunk = '';
        for (const role of ['import', 'generation'] as const)
          days.forEach((d, k) => {
            const slots = (nextLocalDay(d) - d) / INTERVAL_MS;
            chunk += `${site}\tg${b}.${role === 'import' ? 'imp' : 'pv'}\t0\t${iso(d)}\t${dayKwh(b, k, role)}\t${slots}\t${slots}\t0\n`;
          });
        yield chunk;
      }
    }
    function* monthRows(): Generator<string> {
      for (let b = 0; b < BALANCE_BUILDINGS; b++) {
        let chunk = '';
        for (const role of ['import', 'generation'] as const)
          for (const m of months) {
            let kwh = 0;
            let slots = 0;
            days.forEach((d, k) => {
              if (d >= m && d < nextLocalMonth(m)) {
                kwh += dayKwh(b, k, role);
                slots += (nextLocalDay(d) - d) / INTERVAL_MS;
              }
            });
            if (role === 'import') expectedImport += kwh;
            else expectedPv += kwh;
            chunk += `${site}\tg${b}.${role === 'import' ? 'imp' : 'pv'}\t0\t${iso(m)}\t${kwh}\t${slots}\t${slots}\t0\n`;
          }
        yield chunk;
      }
    }
    await pipeline(Readable.from(dayRows()), client.query(copyStreams.from('COPY series_day FROM STDIN')));
    await pipeline(Readable.from(monthRows()), client.query(copyStreams.from('COPY series_month FROM STDIN')));
    await client.query('ANALYZE series_day; ANALYZE series_month');
  } finally {
    client.release();
  }
  const loadS = (performance.now() - loadStarted) / 1000;
  const store = await openCentralStore(url);
  try {
    let balances = await store.buildingBalances(YEAR_FROM, YEAR_TO);
    const imp = balances.reduce((s, b) => s + b.importKwh, 0);
    const pv = balances.reduce((s, b) => s + b.generationKwh, 0);
    if (balances.length !== BALANCE_BUILDINGS || Math.abs(imp - expectedImport) > 1e-6 * expectedImport || Math.abs(pv - expectedPv) > 1e-6 * expectedPv)
      throw new Error(`annual balance wrong: ${balances.length} buildings, import ${imp} (expected ${expectedImport}), PV ${pv} (expected ${expectedPv})`);
    const median = await medianOf(7, async () => (balances = await store.buildingBalances(YEAR_FROM, YEAR_TO)));
    const fromDays = await medianOf(7, () =>
      pool.query(
        `SELECT point, SUM(kwh), SUM(n_meas) FROM series_day WHERE site = $1 AND day >= $2 AND day < $3 GROUP BY point`,
        [site, new Date(YEAR_FROM).toISOString(), new Date(YEAR_TO).toISOString()],
      ),
    );
    return [
      {
        name: 'fleet: annual district balance from PostgreSQL rollups, 1,000 buildings (central store)',
        value: median,
        unit: 'ms',
        baseline: { name: 'the same year summed from the daily rollups, one query', value: fromDays },
        note: `target < 500 ms; median of 7; 2,000 series, 24,000 monthly rows; import ${Math.round(imp).toLocaleString('en')} kWh, PV ${Math.round(pv).toLocaleString('en')} kWh as loaded; rollups loaded in ${loadS.toFixed(1)} s`,
      },
    ];
  } finally {
    await store.close();
    await pool.end();
  }
}

export async function run(): Promise<BenchResult[]> {
  const postgres = await startPostgres();
  try {
    return [...(await latency(postgres)), ...(await annualBalance(postgres))];
  } finally {
    await postgres.close();
  }
}
