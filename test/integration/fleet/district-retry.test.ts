/**
 * A site's district that reaches an ingest worker while PostgreSQL is down is stored once the database is back. The
 * collector sends its district once per change or connection and no ack asks for it again, so a worker that only
 * logged the failed write would leave the central database without the site's structure for good (the city-scale
 * test once waited for it in vain after its PostgreSQL restart).
 */
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestWorker } from '../../../main/core/fleet/ingest-worker.js';
import { districtMessage, encodeDistrict } from '../../../main/core/fleet/messages.js';
import { districtTopic } from '../../../main/core/fleet/topics.js';
import { openCentralStore } from '../../../main/core/store/central/pg-store.js';
import { twoBuildings } from '../store/district-fixture.js';
import { FLEET_ACL } from './acl.js';
import { startMosquitto, startPostgres, type Mosquitto, type Postgres } from './servers.js';

let broker: Mosquitto;
let postgres: Postgres;
let worker: IngestWorker | undefined;
const log: string[] = [];

beforeAll(async () => {
  [broker, postgres] = await Promise.all([startMosquitto({ users: { 'plustwin-ingest': 'i', 'site-a': 'a' }, acl: FLEET_ACL }), startPostgres()]);
}, 120_000);

afterAll(async () => {
  await worker?.close().catch(() => undefined);
  await Promise.all([broker?.close(), postgres?.close()]);
});

/** The central store's view of site-a's points, or null while the site is not there (or the database is down). */
async function centralPoints(): Promise<string[] | null> {
  try {
    const store = await openCentralStore(postgres.url, { site: 'site-a' });
    try {
      return (await store.getDistrict())?.points.map((p) => p.id) ?? null;
    } finally {
      await store.close();
    }
  } catch {
    return null;
  }
}

describe('an ingest worker and a district sent while PostgreSQL is down', () => {
  it('stores the district when the database is back', async () => {
    worker = await IngestWorker.start({ access: { url: broker.url, username: 'plustwin-ingest', password: 'i' }, pgUrl: postgres.url, flushMs: 50, log: (l) => log.push(l) });
    await expect.poll(() => log.join('\n'), { timeout: 30_000 }).toMatch(/mqtt: connected/);
    await postgres.stop();

    const d = twoBuildings();
    const collector = await mqtt.connectAsync(broker.url, { protocolVersion: 5, username: 'site-a', password: 'a' });
    await collector.publishAsync(districtTopic('site-a'), encodeDistrict(districtMessage({ site: { ...d.site, id: 'site-a' }, buildings: d.buildings, devices: d.devices, points: d.points })), { qos: 1, retain: true });
    await collector.endAsync();
    await expect.poll(() => log.join('\n'), { timeout: 30_000 }).toMatch(/district of site-a not stored yet/);

    await postgres.start();
    await expect.poll(centralPoints, { timeout: 60_000, interval: 500 }).toEqual(d.points.map((p) => p.id));
    expect(log.join('\n')).toMatch(/district of site-a stored/);
  }, 180_000);
});
