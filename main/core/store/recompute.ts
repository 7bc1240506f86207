/**
 * Recomputes the intervals of one point from its raw samples, from the 15-minute slot containing `from` on. Used
 * when a meter replacement is entered after the readings around it were already turned into intervals. The step
 * that straddles the slot boundary is replayed too; the engine drops its share before the boundary, which stays.
 */
import { runIntervalEngine, type EnginePoint } from '../../../models/intervals/interval-engine.js';
import type { Checkpoint } from '../../../models/intervals/counter-step.js';
import { HOUR_MS, INTERVAL_MS, intervalStart } from '../../../models/time-grid.js';
import type { BulkInsert } from './bulk-insert.js';
import type { Rollups } from './rollups.js';
import { SAMPLE_QUALITY_CODE } from './sample-quality.js';
import type { SqliteDb } from './sqlite-db.js';

export class RecomputeError extends Error {}

/** Call inside a transaction. Returns the point's new checkpoint (or null when it has no samples from there on). */
export async function recomputePoint(
  db: SqliteDb,
  rollups: Rollups,
  intervalUpsert: BulkInsert,
  pointPk: number,
  spec: EnginePoint,
  from: number,
): Promise<Checkpoint | null> {
  const slotStart = intervalStart(from);
  const before = await db.get<{ ts: number }>(
    'SELECT MAX(ts) AS ts FROM samples WHERE point = ? AND ts <= ? AND q < ?',
    [pointPk, slotStart, SAMPLE_QUALITY_CODE.bad],
  );
  if (before?.ts == null)
    throw new RecomputeError(
      `no raw sample of this point at or before ${new Date(slotStart).toISOString()} is kept (retention); cannot recompute`,
    );
  const samples = await db.all<{ ts: number; value: number }>(
    'SELECT ts, value FROM samples WHERE point = ? AND ts >= ? AND q < ? ORDER BY ts',
    [pointPk, before.ts, SAMPLE_QUALITY_CODE.bad],
  );
  const series = spec.series.filter((s): s is number => s !== null);
  const oldHours: number[] = [];
  for (const s of series) {
    for (const r of await db.all<{ hour: number }>('SELECT hour FROM series_hour WHERE series = ? AND hour >= ?', [
      s,
      Math.floor(slotStart / HOUR_MS) * HOUR_MS,
    ]))
      oldHours.push(s, r.hour);
    await db.run('DELETE FROM intervals WHERE series = ? AND slot >= ?', [s, slotStart / INTERVAL_MS]);
  }
  const result = runIntervalEngine(
    samples.map((r) => ({ point: pointPk, ts: r.ts, value: r.value })),
    new Map([[pointPk, spec]]),
    new Map(),
    slotStart,
  );
  const rows: number[] = [];
  for (const c of result.contributions.entries()) {
    rows.push(c.series, c.slot, c.kwh, c.q);
    oldHours.push(c.series, Math.floor((c.slot * INTERVAL_MS) / HOUR_MS) * HOUR_MS);
  }
  await intervalUpsert.run(rows);
  await rollups.refresh(oldHours);
  const cp = result.checkpoints.get(pointPk) ?? null;
  if (cp !== null)
    await db.run(
      'INSERT INTO checkpoints(point, ts, value) VALUES (?, ?, ?) ON CONFLICT(point) DO UPDATE SET ts = excluded.ts, value = excluded.value',
      [pointPk, cp.ts, cp.value],
    );
  return cp;
}
