/**
 * The central PostgreSQL schema (15 or newer) the ingest workers write and the tests and reports read.
 *
 * - readings and intervals are range-partitioned by month on their time column; partitions are created when the
 *   first row of a month arrives (ensureMonths), so nobody has to pre-create them and old months can be detached or
 *   dropped whole.
 * - A partitioned table's primary key must contain the partition key (PostgreSQL 15 docs, 5.11.2.3 "Limitations"),
 *   so a reading's key is (site, point, seq, ts). A collector gives each seq of a point exactly one ts, so the key is
 *   as unique as (site, point, seq): a replayed reading conflicts and is skipped.
 * - BRIN indexes on time: readings arrive roughly in time order, so a block range summary is tiny and enough for
 *   the time-range scans of balances and reports (docs 11.2 "BRIN").
 * - progress: per site and point, the last seq with every seq before it committed, and the last confirmed interval
 *   slot. The acks the collectors wait for are read from here, so they survive a broker restart.
 * - received_runs: per site and point, the runs of seqs (first..last) that committed batches hold and progress has
 *   not yet reached. The confirmation advances by joining runs (a handful of rows per point) instead of numbering
 *   the point's readings after the ack (one row each: a quarter of the ingest's time in PostgreSQL). A run is written
 *   in the transaction of its readings; runs at or below the confirmation are deleted. Readings stored before this
 *   table existed have no runs: their points' acks stand still until the collector sends them again (after its
 *   retransmit time), which records their runs.
 * - districts: each site's structure (site, buildings, devices without their settings, points) as its collector
 *   last published it; the central store (store/central/) reads the district and the meters' roles from it.
 * - series_hour, series_day, series_month: rollups of the intervals per point and direction, as the SQLite store
 *   keeps them (store/rollups.ts): energy of the plausible intervals, measured and all intervals counted, worst
 *   quality; days and months are local days and months of Europe/Berlin. The writer recomputes them for every hour
 *   a batch of intervals touched (central-rollups.ts), in the same transaction.
 */
import type { PoolClient } from 'pg';

export const SCHEMA_SQL = `
  CREATE TABLE IF NOT EXISTS readings(
    site text NOT NULL, building text NOT NULL, point text NOT NULL, seq bigint NOT NULL,
    ts timestamptz NOT NULL, value double precision NOT NULL, q smallint NOT NULL, history boolean NOT NULL,
    PRIMARY KEY (site, point, seq, ts)
  ) PARTITION BY RANGE (ts);
  CREATE INDEX IF NOT EXISTS readings_ts_brin ON readings USING brin (ts);
  CREATE TABLE IF NOT EXISTS intervals(
    site text NOT NULL, building text NOT NULL, point text NOT NULL, direction smallint NOT NULL,
    slot timestamptz NOT NULL, kwh double precision NOT NULL, q smallint NOT NULL,
    PRIMARY KEY (site, point, direction, slot)
  ) PARTITION BY RANGE (slot);
  CREATE INDEX IF NOT EXISTS intervals_slot_brin ON intervals USING brin (slot);
  CREATE TABLE IF NOT EXISTS progress(
    site text NOT NULL, point text NOT NULL, seq bigint NOT NULL DEFAULT 0, slot bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (site, point)
  );
  CREATE TABLE IF NOT EXISTS received_runs(
    site text NOT NULL, point text NOT NULL, first bigint NOT NULL, last bigint NOT NULL,
    PRIMARY KEY (site, point, first, last)
  );
  CREATE TABLE IF NOT EXISTS districts(site text PRIMARY KEY, doc jsonb NOT NULL, received timestamptz NOT NULL);
  CREATE TABLE IF NOT EXISTS series_hour(
    site text NOT NULL, point text NOT NULL, direction smallint NOT NULL, hour timestamptz NOT NULL,
    kwh double precision NOT NULL, n_meas integer NOT NULL, n integer NOT NULL, qmax smallint NOT NULL,
    PRIMARY KEY (site, point, direction, hour)
  );
  CREATE TABLE IF NOT EXISTS series_day(
    site text NOT NULL, point text NOT NULL, direction smallint NOT NULL, day timestamptz NOT NULL,
    kwh double precision NOT NULL, n_meas integer NOT NULL, n integer NOT NULL, qmax smallint NOT NULL,
    PRIMARY KEY (site, point, direction, day)
  );
  CREATE TABLE IF NOT EXISTS series_month(
    site text NOT NULL, point text NOT NULL, direction smallint NOT NULL, month timestamptz NOT NULL,
    kwh double precision NOT NULL, n_meas integer NOT NULL, n integer NOT NULL, qmax smallint NOT NULL,
    PRIMARY KEY (site, point, direction, month)
  );
`;

/** One lock for every schema change, so two workers starting together do not race on CREATE ... IF NOT EXISTS. */
const SCHEMA_LOCK = 7_245_019;

async function locked(client: PoolClient, fn: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await fn();
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

export const createSchema = (client: PoolClient): Promise<void> => locked(client, async () => void (await client.query(SCHEMA_SQL)));

/** UTC month start (ms) of ts. */
export const monthOf = (ts: number): number => {
  const d = new Date(ts);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};

const nextMonth = (month: number): number => {
  const d = new Date(month);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};

const partitionName = (table: string, month: number): string => {
  const d = new Date(month);
  return `${table}_${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

/** Creates the monthly partitions of table (readings or intervals) for the given month starts that are missing. */
export class Partitions {
  private readonly known = new Set<string>();

  async ensureMonths(client: PoolClient, table: 'readings' | 'intervals', months: Iterable<number>): Promise<void> {
    const missing = [...new Set(months)].filter((m) => !this.known.has(partitionName(table, m)));
    if (missing.length === 0) return;
    await locked(client, async () => {
      for (const m of missing) {
        const from = new Date(m).toISOString();
        const to = new Date(nextMonth(m)).toISOString();
        // names and bounds are built from integers here, never from message content
        await client.query(`CREATE TABLE IF NOT EXISTS ${partitionName(table, m)} PARTITION OF ${table} FOR VALUES FROM ('${from}') TO ('${to}')`);
      }
    });
    for (const m of missing) this.known.add(partitionName(table, m));
  }
}
