/**
 * Numbers a collector's readings per point (1, 2, 3, ... without gaps) for its outbox, so the central side can
 * confirm "everything of this point up to seq n" and the collector can replay exactly what follows.
 *
 * A point's readings enter the outbox in time order: one not after the point's last numbered reading (a repeat of
 * the same poll, or an older one) stays in the local file but gets no number. Without that rule a repeat would take
 * a number while INSERT OR IGNORE drops its raw sample, and the central side would wait forever for the gap.
 */
import type { Reading } from '../../../models/types.js';
import { BulkInsert } from './bulk-insert.js';
import { SAMPLE_QUALITY_CODE } from './sample-quality.js';
import type { SqliteDb } from './sqlite-db.js';

export interface OutboxHead {
  readonly seq: number;
  readonly ts: number;
}

export interface NumberedRows {
  /** point, seq, ts, value, q, flattened. */
  readonly rows: number[];
  /** The heads of the points these rows moved. */
  readonly heads: ReadonlyMap<number, OutboxHead>;
  /** Readings left out because they were not after their point's last numbered one. */
  readonly notAfter: number;
}

export class OutboxNumbering {
  private heads = new Map<number, OutboxHead>();
  private readonly insert: BulkInsert;

  private constructor(private readonly db: SqliteDb) {
    this.insert = new BulkInsert(db, 'INSERT INTO outbox(point, seq, ts, value, q)', 5);
  }

  static async load(db: SqliteDb): Promise<OutboxNumbering> {
    const numbering = new OutboxNumbering(db);
    const rows = await db.all<{ point: number; seq: number; ts: number }>(
      'SELECT o.point, o.seq, o.ts FROM outbox o JOIN (SELECT point, MAX(seq) AS seq FROM outbox GROUP BY point) m ON m.point = o.point AND m.seq = o.seq',
    );
    for (const r of rows) numbering.heads.set(r.point, { seq: r.seq, ts: r.ts });
    return numbering;
  }

  /** Numbers the readings against the committed heads; pure, so a failed write leaves the heads as they were. */
  number(readings: readonly Reading[], pointPk: ReadonlyMap<string, number>): NumberedRows {
    const moved = new Map<number, OutboxHead>();
    const rows: number[] = [];
    let notAfter = 0;
    for (const r of readings) {
      const pk = pointPk.get(r.pointId);
      const q = SAMPLE_QUALITY_CODE[r.quality];
      if (pk === undefined || q === undefined || !Number.isFinite(r.value) || !Number.isFinite(r.ts)) continue;
      const ts = Math.round(r.ts);
      const head = moved.get(pk) ?? this.heads.get(pk);
      if (head !== undefined && ts <= head.ts) {
        notAfter += 1;
        continue;
      }
      const seq = (head?.seq ?? 0) + 1;
      moved.set(pk, { seq, ts });
      rows.push(pk, seq, ts, r.value, q);
    }
    return { rows, heads: moved, notAfter };
  }

  /** Writes the rows; call inside the batch's transaction. */
  write(numbered: NumberedRows): Promise<void> {
    return this.insert.run(numbered.rows);
  }

  /** After the transaction committed. */
  committed(numbered: NumberedRows): void {
    for (const [point, head] of numbered.heads) this.heads.set(point, head);
  }

  close(): Promise<void> {
    return this.insert.close();
  }
}
