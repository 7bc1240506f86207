/**
 * Writes what the ingest workers received into PostgreSQL, idempotently, so a replay never counts twice; intervals
 * (which the edge may send again with the same values) are upserted. Then the confirmations advance.
 *
 * Readings take one of two ways, both inside the batch's transaction and both guarded by the primary key:
 * - live readings (almost all of them) are COPYed straight into the partitioned table under a savepoint. That is a
 *   bare COPY; measured with pg_stat_statements (docs/deployment.md, "Measured") the staging way below cost each row
 *   about 2.7 times as much as a bare COPY (COPY into the staging table, then a speculative insertion per row).
 * - replays (messages marked history), and live readings whose COPY met a stored key (unique_violation: a collector
 *   restarted and sent its unconfirmed readings again unmarked) or a concurrent worker's same key (deadlock), go
 *   through a temporary staging table and INSERT ... ON CONFLICT DO NOTHING. The savepoint undoes the failed COPY
 *   whole, so a reading is never stored twice and never half of a message.
 *
 * Why not synchronous_commit = off for the workers' sessions: with it, COMMIT returns before the WAL is on disk, and
 * the ack published right after could confirm readings that a PostgreSQL crash then loses; the collector would never
 * send them again (it never moves a confirmation back). Each batch commits thousands of readings with one WAL flush,
 * so the flush is not where the time goes anyway.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Pool, PoolClient } from 'pg';
import { loadCopyStreams } from '../base/client-modules.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import { monthOf, Partitions } from './central-schema.js';
import { refreshRollups, ROLLUP_LOCK } from './central-rollups.js';
import type { DistrictMessage, IntervalsMessage, ReadingsMessage } from './messages.js';

export interface ReceivedReadings {
  readonly site: string;
  readonly building: string;
  readonly point: string;
  readonly message: ReadingsMessage;
}

export interface ReceivedIntervals {
  readonly site: string;
  readonly building: string;
  readonly point: string;
  readonly message: IntervalsMessage;
}

export interface WriteResult {
  readonly readings: number;
  /** Readings that were already stored (replays). */
  readonly duplicates: number;
  readonly intervals: number;
  /** The sites whose confirmations may have moved. */
  readonly sites: ReadonlySet<string>;
}

/** COPY text format: backslash, tab, newline and carriage return escaped (PostgreSQL 15 docs, COPY, "Text Format"). */
const text = (s: string): string => s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

function* copyLines(batch: readonly ReceivedReadings[]): Generator<string> {
  for (const r of batch) {
    const head = `${text(r.site)}\t${text(r.building)}\t${text(r.point)}\t`;
    const m = r.message;
    const tail = `\t${m.history ? 't' : 'f'}\n`;
    let lines = '';
    for (let i = 0; i < m.ts.length; i++)
      // String(number) is the shortest text that reads back as the same double; PostgreSQL's float8 input is
      // correctly rounded, so the value arrives bit for bit
      lines += `${head}${m.first + i}\t${new Date(m.ts[i] as number).toISOString()}\t${String(m.v[i])}\t${m.q[i]}${tail}`;
    yield lines;
  }
}

/** SQLSTATEs after which a live batch's COPY is undone and retried the idempotent way (PostgreSQL 15 docs, Appendix A). */
const RETRY_IDEMPOTENT = new Set(['23505', '40P01']);

const COLUMNS = 'site, building, point, seq, ts, value, q, history';

/** The (site, point) pairs of a batch, each once. */
function pointPairs(batch: readonly ReceivedReadings[]): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (const r of batch) pairs.set(JSON.stringify([r.site, r.point]), [r.site, r.point]);
  return [...pairs.values()];
}

export class CentralWriter {
  private readonly partitions = new Partitions();

  constructor(private readonly pool: Pool) {}

  async write(readings: readonly ReceivedReadings[], intervals: readonly ReceivedIntervals[]): Promise<WriteResult> {
    const client = await this.pool.connect();
    let broken = false;
    // a server that goes away between two queries is reported as an 'error' event on the checked-out client;
    // unheard, it would end the process. The failing query reports it, so here it only marks the connection.
    const onError = () => (broken = true);
    client.on('error', onError);
    try {
      const months = new Set<number>();
      for (const r of readings) for (const ts of r.message.ts) months.add(monthOf(ts));
      await this.partitions.ensureMonths(client, 'readings', months);
      const slotMonths = new Set<number>();
      for (const i of intervals) for (const row of i.message.rows) slotMonths.add(monthOf(row[1] * INTERVAL_MS));
      await this.partitions.ensureMonths(client, 'intervals', slotMonths);

      let total = 0;
      for (const r of readings) total += r.message.ts.length;
      // the points' progress rows before the transaction, each in a statement of its own: inserted inside it, a new
      // point's row stayed locked until the commit and made the other workers' batches wait for this one's
      const pairs = pointPairs(readings);
      if (pairs.length > 0)
        await client.query('INSERT INTO progress(site, point) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', [
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        ]);
      await client.query('BEGIN');
      let inserted = 0;
      try {
        if (readings.length > 0) {
          inserted = await this.copyReadings(client, readings);
          await this.recordRuns(client, readings);
        }
        if (intervals.length > 0) await this.upsertIntervals(client, intervals);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
      // After the commit, in a new snapshot: a concurrent worker's rows committed meanwhile count too.
      if (readings.length > 0) await this.advanceReadings(client, readings);
      const sites = new Set([...readings.map((r) => r.site), ...intervals.map((i) => i.site)]);
      return { readings: inserted, duplicates: total - inserted, intervals: intervals.reduce((n, i) => n + i.message.rows.length, 0), sites };
    } catch (e) {
      broken = true;
      throw e;
    } finally {
      client.off('error', onError);
      // a connection that failed mid-way (a restarted server) must not go back into the pool
      client.release(broken);
    }
  }

  /** Live readings straight into the table, the rest (or all, when that meets a stored key) the idempotent way. */
  private async copyReadings(client: PoolClient, batch: readonly ReceivedReadings[]): Promise<number> {
    const live = batch.filter((r) => !r.message.history);
    let replays: readonly ReceivedReadings[] = batch.filter((r) => r.message.history);
    let inserted = 0;
    if (live.length > 0) {
      await client.query('SAVEPOINT live_copy');
      try {
        inserted += await this.copyInto(client, `readings(${COLUMNS})`, live);
        await client.query('RELEASE SAVEPOINT live_copy');
      } catch (e) {
        if (!RETRY_IDEMPOTENT.has((e as { code?: string }).code ?? '')) throw e;
        await client.query('ROLLBACK TO SAVEPOINT live_copy');
        replays = batch;
      }
    }
    if (replays.length > 0) inserted += await this.insertIdempotent(client, replays);
    return inserted;
  }

  private async copyInto(client: PoolClient, table: string, batch: readonly ReceivedReadings[]): Promise<number> {
    const copyStreams = await loadCopyStreams();
    const copy = client.query(copyStreams.from(`COPY ${table} FROM STDIN`));
    await pipeline(Readable.from(copyLines(batch)), copy);
    return copy.rowCount ?? 0;
  }

  private async insertIdempotent(client: PoolClient, batch: readonly ReceivedReadings[]): Promise<number> {
    await client.query(
      `CREATE TEMP TABLE IF NOT EXISTS staging_readings(site text, building text, point text, seq bigint,
         ts timestamptz, value double precision, q smallint, history boolean) ON COMMIT DELETE ROWS`,
    );
    await this.copyInto(client, 'staging_readings', batch);
    const result = await client.query(
      `INSERT INTO readings(${COLUMNS}) SELECT ${COLUMNS} FROM staging_readings ON CONFLICT DO NOTHING`,
    );
    return result.rowCount ?? 0;
  }

  private async upsertIntervals(client: PoolClient, batch: readonly ReceivedIntervals[]): Promise<void> {
    // one row per key: ON CONFLICT DO UPDATE may not touch a row twice in one statement; the later message wins
    const rows = new Map<string, [string, string, string, number, number, number, number]>();
    for (const i of batch)
      for (const [d, slot, kwh, q] of i.message.rows)
        rows.set(JSON.stringify([i.site, i.point, d, slot]), [i.site, i.building, i.point, d, slot, kwh, q]);
    const cols: [string[], string[], string[], number[], string[], number[], number[]] = [[], [], [], [], [], [], []];
    for (const r of rows.values()) {
      cols[0].push(r[0]);
      cols[1].push(r[1]);
      cols[2].push(r[2]);
      cols[3].push(r[3]);
      cols[4].push(new Date(r[4] * INTERVAL_MS).toISOString());
      cols[5].push(r[5]);
      cols[6].push(r[6]);
    }
    // held to the commit: the rollups below must see every interval committed before them (central-rollups.ts)
    await client.query('SELECT pg_advisory_xact_lock($1)', [ROLLUP_LOCK]);
    await client.query(
      `INSERT INTO intervals(site, building, point, direction, slot, kwh, q)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::smallint[], $5::timestamptz[], $6::float8[], $7::smallint[])
       ON CONFLICT (site, point, direction, slot) DO UPDATE SET kwh = excluded.kwh, q = excluded.q`,
      cols,
    );
    await refreshRollups(client, [...rows.values()].map((r) => ({ site: r[0], point: r[2], direction: r[3], slot: r[4] })));
    await client.query(
      `INSERT INTO progress(site, point) SELECT DISTINCT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [batch.map((i) => i.site), batch.map((i) => i.point)],
    );
    // A message confirms its slots only if it continues what is confirmed (its 'after' is not beyond it): an
    // interval message lost in a killed worker leaves a hole the edge fills by sending again from the ack.
    const ordered = [...batch].sort((a, b) => a.message.after - b.message.after);
    for (const i of ordered)
      await client.query('UPDATE progress SET slot = $3 WHERE site = $1 AND point = $2 AND slot >= $4 AND slot < $3', [
        i.site,
        i.point,
        i.message.upto,
        i.message.after,
      ]);
  }

  /**
   * The runs of seqs the batch holds, in its transaction: every reading of a run is stored once it commits. A
   * point's parts that touch or overlap are joined first, so a batch of many passes adds one run per point rather
   * than one per message part (a tenth of the readings with 10 readings a part; measured, that insert alone cost
   * 15 % of the COPY's time).
   */
  private async recordRuns(client: PoolClient, batch: readonly ReceivedReadings[]): Promise<void> {
    const byPoint = new Map<string, { site: string; point: string; runs: [number, number][] }>();
    for (const r of batch) {
      const key = JSON.stringify([r.site, r.point]);
      let entry = byPoint.get(key);
      if (entry === undefined) byPoint.set(key, (entry = { site: r.site, point: r.point, runs: [] }));
      entry.runs.push([r.message.first, r.message.first + r.message.ts.length - 1]);
    }
    const cols: [string[], string[], number[], number[]] = [[], [], [], []];
    for (const { site, point, runs } of byPoint.values()) {
      runs.sort((a, b) => a[0] - b[0]);
      let [first, last] = runs[0] as [number, number];
      const push = () => {
        cols[0].push(site);
        cols[1].push(point);
        cols[2].push(first);
        cols[3].push(last);
      };
      for (const [f, l] of runs.slice(1)) {
        if (f <= last + 1) last = Math.max(last, l);
        else {
          push();
          [first, last] = [f, l];
        }
      }
      push();
    }
    await client.query(
      'INSERT INTO received_runs(site, point, first, last) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[]) ON CONFLICT DO NOTHING',
      cols,
    );
  }

  /**
   * Moves each touched point's confirmed seq to the end of the unbroken chain of runs after it: from seq a, a run
   * with first <= a + 1 and last > a continues it to its last. Runs of other workers committed before this
   * statement count too; then the runs the confirmation has passed are deleted.
   */
  private async advanceReadings(client: PoolClient, batch: readonly ReceivedReadings[]): Promise<void> {
    const list = pointPairs(batch);
    const args = [list.map((p) => p[0]), list.map((p) => p[1])];
    await client.query(
      `WITH RECURSIVE chain(site, point, seq) AS (
         SELECT pr.site, pr.point, pr.seq FROM unnest($1::text[], $2::text[]) AS t(site, point)
         JOIN progress pr ON pr.site = t.site AND pr.point = t.point
         UNION ALL
         SELECT c.site, c.point, nxt.m FROM chain c CROSS JOIN LATERAL (
           SELECT MAX(r.last) AS m FROM received_runs r
           WHERE r.site = c.site AND r.point = c.point AND r.first <= c.seq + 1 AND r.last > c.seq
         ) nxt WHERE nxt.m IS NOT NULL
       )
       UPDATE progress p SET seq = x.m FROM (SELECT site, point, MAX(seq) AS m FROM chain GROUP BY site, point) x
       WHERE p.site = x.site AND p.point = x.point AND x.m > p.seq`,
      args,
    );
    await client.query(
      `DELETE FROM received_runs r USING unnest($1::text[], $2::text[]) AS t(site, point), progress p
       WHERE r.site = t.site AND r.point = t.point AND p.site = t.site AND p.point = t.point AND r.last <= p.seq`,
      args,
    );
  }

  /** Stores a site's structure as its collector published it (the newest wins). */
  async saveDistrict(site: string, doc: DistrictMessage): Promise<void> {
    await this.pool.query(
      `INSERT INTO districts(site, doc, received) VALUES ($1, $2, now())
       ON CONFLICT (site) DO UPDATE SET doc = excluded.doc, received = excluded.received`,
      [site, JSON.stringify(doc)],
    );
  }

  /** The confirmations of a site, as the ack message carries them. */
  async confirmations(site: string): Promise<{ readings: Record<string, number>; intervals: Record<string, number> }> {
    const { rows } = await this.pool.query<{ point: string; seq: string; slot: string }>('SELECT point, seq, slot FROM progress WHERE site = $1', [site]);
    const readings: Record<string, number> = {};
    const intervals: Record<string, number> = {};
    for (const r of rows) {
      readings[r.point] = Number(r.seq);
      intervals[r.point] = Number(r.slot);
    }
    return { readings, intervals };
  }

  async sites(): Promise<string[]> {
    const { rows } = await this.pool.query<{ site: string }>('SELECT DISTINCT site FROM progress');
    return rows.map((r) => r.site);
  }
}
