/**
 * What the publisher reads from and writes to a collector's district file: the outbox (readings numbered per point,
 * store/outbox-numbering.ts), the finished 15-minute intervals, and the confirmations of the central side.
 *
 * It has connections of its own, not the store's: a SELECT on the store's connection would run inside the store's
 * open batch transaction and could publish rows that are then rolled back. In WAL mode these connections see only
 * committed batches.
 */
import { INTERVAL_MS } from '../../../models/time-grid.js';
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

export class OutboxReader {
  private constructor(private readonly db: SqliteDb) {}

  static async open(file: string): Promise<OutboxReader> {
    const db = await SqliteDb.open(file);
    await db.exec('PRAGMA busy_timeout = 10000;');
    return new OutboxReader(db);
  }

  points(): Promise<OutboxPoint[]> {
    return this.db.all<OutboxPoint>('SELECT pk, id, building_id AS buildingId FROM points ORDER BY pk');
  }

  /** Readings of a point after seq, oldest first. */
  readingsAfter(point: number, seq: number, limit: number): Promise<OutboxRow[]> {
    return this.db.all<OutboxRow>('SELECT seq, ts, value, q FROM outbox WHERE point = ? AND seq > ? ORDER BY seq LIMIT ?', [point, seq, limit]);
  }

  /**
   * Intervals of a point after slot that are finished: the interval engine has a reading at or after their end (the
   * point's checkpoint), so no later reading can change them. Rows are direction, slot, kWh, quality code.
   */
  async finishedIntervalsAfter(point: number, slot: number, limit: number): Promise<Array<[number, number, number, number]>> {
    const cp = await this.db.get<{ ts: number }>('SELECT ts FROM checkpoints WHERE point = ?', [point]);
    if (cp === undefined) return [];
    const firstOpen = Math.floor(cp.ts / INTERVAL_MS);
    const rows = await this.db.all<{ d: number; slot: number; kwh: number; q: number }>(
      `SELECT s.direction AS d, i.slot, i.kwh, i.q FROM series s JOIN intervals i ON i.series = s.pk
       WHERE s.point = ? AND i.slot > ? AND i.slot < ? ORDER BY i.slot, s.direction LIMIT ?`,
      [point, slot, firstOpen, limit],
    );
    return rows.map((r) => [r.d, r.slot, r.kwh, r.q]);
  }

  async confirmed(): Promise<Map<number, Confirmed>> {
    const rows = await this.db.all<{ point: number; seq: number; slot: number }>('SELECT point, seq, slot FROM outbox_acks');
    return new Map(rows.map((r) => [r.point, { seq: r.seq, slot: r.slot }]));
  }

  /** Persists confirmations (never moving one back), so a restart or a broker that lost its state replays only the rest. */
  async saveConfirmed(rows: ReadonlyMap<number, Confirmed>): Promise<void> {
    if (rows.size === 0) return;
    await this.db.transaction(async () => {
      for (const [point, c] of rows)
        await this.db.run(
          `INSERT INTO outbox_acks(point, seq, slot) VALUES (?, ?, ?)
           ON CONFLICT(point) DO UPDATE SET seq = MAX(seq, excluded.seq), slot = MAX(slot, excluded.slot)`,
          [point, c.seq, c.slot],
        );
    });
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
