/**
 * Sustained central ingest, all on this machine: synthetic collectors publish readings messages (1,000 readings
 * each, as the edge publisher sends a backlog) with QoS 1 to Mosquitto, two ingest workers (in this process) take
 * them through the shared subscription and write them into PostgreSQL 15 (COPY to staging, INSERT ... ON CONFLICT
 * DO NOTHING, confirmations). Figure: readings per second from the first publish until the last one is committed,
 * next to a bare COPY of the same number of rows into the same table in the same run.
 *
 * The synthetic collectors stand in for `plustwin collect` (their SQLite outbox is not part of this figure).
 * PLUSTWIN_BENCH_FLEET_POINTS and PLUSTWIN_BENCH_FLEET_MESSAGES scale it (default 200 points x 3 messages x 1,000).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mqtt from 'mqtt';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { IngestWorker } from '../../main/core/fleet/ingest-worker.js';
import { encodeReadings } from '../../main/core/fleet/messages.js';
import { pointTopic } from '../../main/core/fleet/topics.js';
import { FLEET_ACL } from '../integration/fleet/acl.js';
import { startMosquitto, startPostgres } from '../integration/fleet/servers.js';
import type { BenchResult } from './bench-result.js';

const POINTS = Number(process.env.PLUSTWIN_BENCH_FLEET_POINTS ?? 200);
const MESSAGES = Number(process.env.PLUSTWIN_BENCH_FLEET_MESSAGES ?? 3);
const PER_MESSAGE = 1000;
const SITES = 4;
const T0 = Date.UTC(2026, 0, 5);

async function count(pool: pg.Pool, site: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM readings WHERE site LIKE $1', [site]);
  return Number(rows[0]?.n ?? 0);
}

export async function run(): Promise<BenchResult[]> {
  const users: Record<string, string> = { 'plustwin-ingest': 'i' };
  for (let s = 0; s < SITES; s++) users[`bench-${s}`] = `p${s}`;
  const [postgres, broker] = await Promise.all([startPostgres(), startMosquitto({ users, acl: FLEET_ACL })]);
  const pool = new pg.Pool({ connectionString: postgres.url, max: 2 });
  const access = { url: broker.url, username: 'plustwin-ingest', password: 'i' };
  const workers = await Promise.all([1, 2].map((i) => IngestWorker.start({ access, pgUrl: postgres.url, clientId: `bench-ingest-${i}` })));
  const total = POINTS * MESSAGES * PER_MESSAGE;
  try {
    const clients = await Promise.all(
      Array.from({ length: SITES }, (_, s) => mqtt.connectAsync(broker.url, { protocolVersion: 5, username: `bench-${s}`, password: `p${s}` })),
    );
    // wait until both workers have subscribed
    await new Promise((r) => setTimeout(r, 1000));
    const started = performance.now();
    await Promise.all(
      clients.map(async (client, s) => {
        for (let m = 0; m < MESSAGES; m++)
          for (let p = s; p < POINTS; p += SITES) {
            const ts = Array.from({ length: PER_MESSAGE }, (_, i) => T0 + (m * PER_MESSAGE + i) * 10_000);
            const v = ts.map((_, i) => p + i / 1000);
            const payload = encodeReadings({ first: m * PER_MESSAGE + 1, ts, v, q: ts.map(() => 0), history: false });
            await client.publishAsync(pointTopic(`bench-${s}`, 'b', `p${p}`, 'readings'), payload, { qos: 1 });
          }
      }),
    );
    while ((await count(pool, 'bench-%')) < total) await new Promise((r) => setTimeout(r, 50));
    const fleetSeconds = (performance.now() - started) / 1000;
    await Promise.all(clients.map((c) => c.endAsync()));

    // the same number of rows with one bare COPY into the same (partitioned) table
    const client = await pool.connect();
    const copyStarted = performance.now();
    function* lines(): Generator<string> {
      for (let p = 0; p < POINTS; p++)
        for (let m = 0; m < MESSAGES; m++) {
          let chunk = '';
          for (let i = 0; i < PER_MESSAGE; i++)
            chunk += `copy\tb\tp${p}\t${m * PER_MESSAGE + i + 1}\t${new Date(T0 + (m * PER_MESSAGE + i) * 10_000).toISOString()}\t${p + i / 1000}\t0\tf\n`;
          yield chunk;
        }
    }
    await pipeline(Readable.from(lines()), client.query(copyStreams.from('COPY readings(site, building, point, seq, ts, value, q, history) FROM STDIN')));
    const copySeconds = (performance.now() - copyStarted) / 1000;
    client.release();
    if ((await count(pool, 'copy')) !== total) throw new Error('bare COPY stored a different number of rows');
    return [
      {
        name: 'fleet: collectors -> Mosquitto -> 2 ingest workers -> PostgreSQL',
        value: total / fleetSeconds,
        unit: 'readings/s',
        baseline: { name: 'bare COPY into the same table', value: total / copySeconds },
        note: `${total.toLocaleString('en')} readings, ${SITES} publishing clients, messages of ${PER_MESSAGE}`,
      },
    ];
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await pool.end();
    await broker.close();
    await postgres.close();
  }
}
