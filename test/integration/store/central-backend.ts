/**
 * The central backend of the parametrised store suites: a district written through the edge (an outbox store, as
 * `plustwin collect` keeps it), shipped with what the collector would publish (its readings, its finished
 * intervals, its structure) through the ingest worker's writer into PostgreSQL 15, and read back through the
 * central store with a read-only role created as docs/deployment.md says. The broker is left out here (the fleet
 * tests cover it); what the store suite checks is that both stores answer the same reads.
 */
import pg from 'pg';
import { createSchema } from '../../../main/core/fleet/central-schema.js';
import { CentralWriter, type ReceivedIntervals, type ReceivedReadings } from '../../../main/core/fleet/central-writer.js';
import { districtMessage } from '../../../main/core/fleet/messages.js';
import { OutboxReader } from '../../../main/core/fleet/outbox-reader.js';
import { openCentralStore, type PgStore } from '../../../main/core/store/central/pg-store.js';
import { startPostgres, type Postgres } from '../fleet/servers.js';

export interface Central {
  readonly server: Postgres;
  /** A fresh database with the central schema and the read-only role's grants; answers the role's URL. */
  newDatabase(): Promise<{ adminUrl: string; readUrl: string }>;
  close(): Promise<void>;
}

const READ_ROLE = 'plustwin_read';
const READ_PASSWORD = 'read-pw';

export async function startCentral(): Promise<Central> {
  const server = await startPostgres();
  const admin = new pg.Pool({ connectionString: server.url, max: 1 });
  // the server's shutdown in close() may reach the admin connection while the pool is still ending it (57P01)
  admin.on('error', () => undefined);
  // as docs/deployment.md: a login role that may read, nothing more
  await admin.query(`CREATE ROLE ${READ_ROLE} LOGIN PASSWORD '${READ_PASSWORD}'`);
  let n = 0;
  return {
    server,
    async newDatabase() {
      const name = `plustwin_${++n}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const adminUrl = server.url.replace(/\/postgres$/, `/${name}`);
      const db = new pg.Pool({ connectionString: adminUrl, max: 1 });
      const c = await db.connect();
      try {
        await createSchema(c);
        await c.query(`GRANT USAGE ON SCHEMA public TO ${READ_ROLE}`);
        // partitions are read through their parent, whose privilege PostgreSQL checks (docs 5.11.2.3)
        await c.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${READ_ROLE}`);
      } finally {
        c.release();
        await db.end();
      }
      const u = new URL(adminUrl);
      u.username = READ_ROLE;
      u.password = READ_PASSWORD;
      return { adminUrl, readUrl: u.toString() };
    },
    async close() {
      await admin.end();
      await server.close();
    },
  };
}

/** Ships everything the edge file at dbFile holds (as its publisher would) into the central database at adminUrl. */
export async function shipToCentral(dbFile: string, adminUrl: string): Promise<void> {
  const reader = await OutboxReader.open(dbFile);
  const pool = new pg.Pool({ connectionString: adminUrl, max: 2 });
  try {
    const writer = new CentralWriter(pool);
    const view = await reader.district();
    if (view === null) throw new Error(`${dbFile} holds no district`);
    const site = view.site.id;
    await writer.saveDistrict(site, districtMessage(view));
    const points = await reader.points();
    const byPk = new Map(points.map((p) => [p.pk, p]));
    const start = new Map(points.map((p) => [p.pk, 0]));
    const readings: ReceivedReadings[] = [];
    for (const r of await reader.pendingReadings(start, 1_000_000)) {
      const p = byPk.get(r.point)!;
      readings.push({ site, building: p.buildingId, point: p.id, message: { first: r.seq, ts: [r.ts], v: [r.value], q: [r.q], history: false } });
    }
    const intervals: ReceivedIntervals[] = [];
    const rows = await reader.pendingIntervals(start, 1_000_000);
    for (const p of points) {
      const own = rows.filter((r) => r.point === p.pk);
      if (own.length === 0) continue;
      const upto = own[own.length - 1]!.slot;
      intervals.push({ site, building: p.buildingId, point: p.id, message: { after: 0, upto, rows: own.map((r) => [r.d, r.slot, r.kwh, r.q] as const), history: false } });
    }
    await writer.write(readings, intervals);
  } finally {
    await pool.end();
    await reader.close();
  }
}

export const openCentral = (readUrl: string, site?: string): Promise<PgStore> => openCentralStore(readUrl, site === undefined ? {} : { site });
