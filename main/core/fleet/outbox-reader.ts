/**
 * What the publisher reads from and writes to a collector's district file: the outbox (readings numbered per point,
 * store/outbox-numbering.ts), the finished 15-minute intervals, and the confirmations of the central side.
 *
 * It has connections of its own, not the store's: a SELECT on the store's connection would run inside the store's
 * open batch transaction and could publish rows that are then rolled back. In WAL mode these connections see only
 * committed batches.
 */
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { DistrictView } from '../../../models/contract/index.js';
import { loadDistrict } from '../store/district-repo.js';
import { SqliteDb } from '../store/sqlite-db.js';

export interface OutboxPoint {
  readonly pk: number;
  readonly id: string;
  readonly buildingId: string;
}

export interface OutboxRow {
  readonly seq: number;
  readonly ts: number;
  readonly value: number;
  readonly q: number;
}

export interface Confirmed {
  /** last confirmed seq */
  readonly seq: number;
  /** last confirmed interval slot (UTC ms / 15 min) */
  readonly slot: number;
}

/** Only integers enter SQL text (point numbers and cursors from this process, never message content). */
function int(v: number): number {
  if (!Number.isSafeInteger(v)) throw new TypeError(`outbox cursor ${String(v)} is not an integer`);
  return v;
}

export class OutboxReader {
  private constructor(private readonly db: SqliteDb) {}

  static async open(file: string): Promise<OutboxReader> {
    const db = await SqliteDb.open(file);
    await db.exec('PRAGMA busy_timeout = 10000;');
    return new OutboxReader(db);
  }

  /** The district as committed (its devices' settings still sealed; the publisher leaves them out anyway). */
  district(): Promise<DistrictView | null> {
    return loadDistrict(this.db);
  }

  points(): Promise<OutboxPoint[]> {
    return this.db.all<OutboxPoint>('SELECT pk, id, building_id AS buildingId FROM points ORDER BY pk');
  }

  /**
   * The readings after each point's cursor (point number -> last seq sent), point by point and oldest first, at most
   * limit in all: one statement for every point (a VALUES list joined on the outbox's key), not one per point.
   */
  async pendingReadings(cursors: ReadonlyMap<number, number>, limit: number): Promise<Array<OutboxRow & { point: number }>> {
    if (cursors.size === 0) return [];
    const values = [...cursors].map(([point, seq]) => `(${int(point)},${int(seq)})`).join(',');
    return this.db.all(
      `WITH c(point, seq) AS (VALUES ${values})
       SELECT o.point, o.seq, o.ts, o.value, o.q FROM c JOIN outbox o ON o.point = c.point AND o.seq > c.seq
       ORDER BY o.point, o.seq LIMIT ?`,
      [limit],
    );
  }

  /**
   * Finished intervals after each point's slot cursor, for every point in one statement; rows are point, direction,
   * slot, kWh, quality code. Finished: the interval engine has a reading at or after the slot's end (the point's
   * checkpoint), so no later reading can change it.
   */
  async pendingIntervals(cursors: ReadonlyMap<number, number>, limit: number): Promise<Array<{ point: number; d: number; slot: number; kwh: number; q: number }>> {
    if (cursors.size === 0) return [];
    const values = [...cursors].map(([point, slot]) => `(${int(point)},${int(slot)})`).join(',');
    return this.db.all(
      `WITH c(point, slot) AS (VALUES ${values})
       SELECT s.point, s.direction AS d, i.slot, i.kwh, i.q FROM c
       JOIN checkpoints cp ON cp.point = c.point
       JOIN series s ON s.point = c.point
       JOIN intervals i ON i.series = s.pk AND i.slot > c.slot AND i.slot < cp.ts / ${INTERVAL_MS}
       ORDER BY s.point, i.slot, s.direction LIMIT ?`,
      [limit],
    );
  }

  /** Readings of a point after seq, oldest first. */
  readingsAfter(point: number, seq: number, limit: number): Promise<OutboxRow[]> {
    return this.db.all<OutboxRow>('SELECT seq, ts, value, q FROM outbox WHERE point = ? AND seq > ? ORDER BY seq LIMIT ?', [point, seq, limit]);
  }

  async confirmed(): Promise<Map<number, Confirmed>> {
    const rows = await this.db.all<{ point: number; seq: number; slot: number }>('SELECT point, seq, slot FROM outbox_acks');
    return new Map(rows.map((r) => [r.point, { seq: r.seq, slot: r.slot }]));
  }

  /** Persists confirmations (never moving one back), so a restart or a broker that lost its state replays only the rest. */
  async saveConfirmed(rows: ReadonlyMap<number, Confirmed>): Promise<void> {
    if (rows.size === 0) return;
    // one statement, so it is atomic without a transaction of its own: a BEGIN here could overlap the next ack's
    // and leave this connection holding the write lock the store needs
    const values = [...rows].map(([point, c]) => `(${int(point)},${int(c.seq)},${int(c.slot)})`).join(',');
    await this.db.run(
      `INSERT INTO outbox_acks(point, seq, slot) VALUES ${values}
       ON CONFLICT(point) DO UPDATE SET seq = MAX(seq, excluded.seq), slot = MAX(slot, excluded.slot)`,
    );
  }

  /** Totals of the outbox per point, for status output and the tests' comparison with the central side. */
  totals(): Promise<Array<{ id: string; n: number; sum: number; maxSeq: number }>> {
    return this.db.all(
      'SELECT p.id, COUNT(*) AS n, SUM(o.value) AS sum, MAX(o.seq) AS maxSeq FROM outbox o JOIN points p ON p.pk = o.point GROUP BY p.id ORDER BY p.id',
    );
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
