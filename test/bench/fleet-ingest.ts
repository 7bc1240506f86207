/**
 * Sustained central ingest, all on this machine: synthetic collectors publish with QoS 1 to Mosquitto what the edge
 * publisher sends in a pass (each site's readings of many points in compact batch messages, messages.ts), two
 * `plustwin ingest` processes take them through the shared subscription and write them into PostgreSQL 15 (live
 * readings COPYed straight into the table, confirmations advanced after the commit). Figure: readings per second
 * from the first publish until every point's ack, as the collectors receive it, confirms its last reading, next to
 * a bare COPY of the same number of rows into the same table in the same run.
 *
 * The synthetic collectors stand in for `plustwin collect` (their SQLite outbox is not part of this figure). Each
 * pass gives every point PER_POINT new readings; a site sends its pass in messages of up to PER_MESSAGE readings
 * (the publisher's default) and waits for their PUBACKs before the next pass, as the publisher does.
 * PLUSTWIN_BENCH_FLEET_POINTS, _PASSES, _PER_POINT and _PER_MESSAGE scale it (default 1,000 points x 60 passes x
 * 10 readings = 600,000 readings in messages of 5,000).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mqtt from 'mqtt';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeAck, encodeReadingsBatch, type BatchPart } from '../../main/core/fleet/messages.js';
import { ackTopic, siteReadingsTopic } from '../../main/core/fleet/topics.js';
import { FLEET_ACL } from '../integration/fleet/acl.js';
import { startChild } from '../integration/fleet/fleet-children.js';
import { startMosquitto, startPostgres } from '../integration/fleet/servers.js';
import type { BenchResult } from './bench-result.js';

const POINTS = Number(process.env.PLUSTWIN_BENCH_FLEET_POINTS ?? 1000);
const PASSES = Number(process.env.PLUSTWIN_BENCH_FLEET_PASSES ?? 60);
const PER_POINT = Number(process.env.PLUSTWIN_BENCH_FLEET_PER_POINT ?? 10);
const PER_MESSAGE = Number(process.env.PLUSTWIN_BENCH_FLEET_PER_MESSAGE ?? 5000);
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
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-bench-ingest-'));
  const passwordFile = path.join(tmp, 'ingest.password');
  fs.writeFileSync(passwordFile, 'i', { mode: 0o600 });
  // the workers as they run in production: `plustwin ingest` processes of their own (from the sources, via tsx)
  const workers = await Promise.all(
    [1, 2].map((i) =>
      startChild(`ingest ${i}`, 'main/shells/cli/entry.ts', ['ingest', '--mqtt', broker.url, '--pg', postgres.url, '--user', 'plustwin-ingest', '--password-file', passwordFile, '--client-id', `bench-ingest-${i}`], /PlusTwin ingest:/),
    ),
  );
  const total = POINTS * PASSES * PER_POINT;
  const lastSeq = PASSES * PER_POINT;
  let messages = 0;
  try {
    const clients = await Promise.all(
      Array.from({ length: SITES }, (_, s) => mqtt.connectAsync(broker.url, { protocolVersion: 5, username: `bench-${s}`, password: `p${s}` })),
    );
    // each site counts its points whose ack has reached their last reading, as a collector reads its acks
    const confirmed = new Set<string>();
    clients.forEach((client, s) =>
      client.on('message', (topic, payload) => {
        const ack = decodeAck(payload);
        if (topic !== ackTopic(`bench-${s}`) || !ack.ok) return;
        for (const [point, seq] of Object.entries(ack.value.readings)) if (seq >= lastSeq) confirmed.add(`${s}/${point}`);
      }),
    );
    await Promise.all(clients.map((c, s) => c.subscribeAsync(ackTopic(`bench-${s}`), { qos: 1 })));
    // wait until both workers have subscribed (a message before that goes to the other worker, so nothing is lost)
    await new Promise((r) => setTimeout(r, 1000));
    const started = performance.now();
    await Promise.all(
      clients.map(async (client, s) => {
        for (let pass = 0; pass < PASSES; pass++) {
          const sends: Array<Promise<unknown>> = [];
          let parts: BatchPart[] = [];
          let held = 0;
          const send = () => {
            sends.push(client.publishAsync(siteReadingsTopic(`bench-${s}`), encodeReadingsBatch({ parts }), { qos: 1 }));
            messages += 1;
            parts = [];
            held = 0;
          };
          for (let p = s; p < POINTS; p += SITES) {
            const ts = Array.from({ length: PER_POINT }, (_, i) => T0 + (pass * PER_POINT + i) * 10_000);
            const v = ts.map((_, i) => p + (pass * PER_POINT + i) / 1000);
            parts.push({ building: 'b', point: `p${p}`, readings: { first: pass * PER_POINT + 1, ts, v, q: ts.map(() => 0), history: false } });
            held += PER_POINT;
            if (held + PER_POINT > PER_MESSAGE) send();
          }
          if (parts.length > 0) send();
          await Promise.all(sends);
        }
      }),
    );
    // wait on the acks: polling count(*) on the table, as this benchmark did first, took about 3 s of PostgreSQL's
    // time in a 7 s run, time the workers then did not get
    while (confirmed.size < POINTS) await new Promise((r) => setTimeout(r, 20));
    const fleetSeconds = (performance.now() - started) / 1000;
    if ((await count(pool, 'bench-%')) !== total) throw new Error('the workers stored a different number of rows');
    await Promise.all(clients.map((c) => c.endAsync()));

    // the same number of rows with one bare COPY into the same (partitioned) table
    const client = await pool.connect();
    const copyStarted = performance.now();
    function* lines(): Generator<string> {
      for (let p = 0; p < POINTS; p++) {
        let chunk = '';
        for (let i = 0; i < PASSES * PER_POINT; i++) chunk += `copy\tb\tp${p}\t${i + 1}\t${new Date(T0 + i * 10_000).toISOString()}\t${p + i / 1000}\t0\tf\n`;
        yield chunk;
      }
    }
    await pipeline(Readable.from(lines()), client.query(copyStreams.from('COPY readings(site, building, point, seq, ts, value, q, history) FROM STDIN')));
    const copySeconds = (performance.now() - copyStarted) / 1000;
    client.release();
    if ((await count(pool, 'copy')) !== total) throw new Error('bare COPY stored a different number of rows');
    return [
      {
        name: 'fleet: collectors -> Mosquitto -> 2 plustwin ingest processes -> PostgreSQL (until acked)',
        value: total / fleetSeconds,
        unit: 'readings/s',
        baseline: { name: 'bare COPY into the same table', value: total / copySeconds },
        note: `${total.toLocaleString('en')} readings of ${POINTS.toLocaleString('en')} points at ${SITES} sites, ${PASSES} passes of ${PER_POINT} readings per point, ${messages.toLocaleString('en')} messages of up to ${PER_MESSAGE.toLocaleString('en')} readings; ${(total / fleetSeconds / (total / copySeconds)).toFixed(2)} of the bare COPY (targets: 50,000 readings/s, 0.5 of the bare COPY)`,
      },
    ];
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    fs.rmSync(tmp, { recursive: true, force: true });
    await pool.end();
    await broker.close();
    await postgres.close();
  }
}
