/**
 * Streams 15-minute intervals of points in pages (keyset pagination on the primary key), so an export of a year
 * for a thousand points never holds more than one page. A net grid power point yields its import direction here.
 */
import { qualityFromCode } from '../../../models/intervals/quality.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Interval } from '../../../models/types.js';
import type { SqliteDb } from './sqlite-db.js';

const PAGE = 10_000;

export async function* intervalPages(
  db: SqliteDb,
  pointIds: readonly string[],
  from: number,
  to: number,
  serial: <T>(fn: () => Promise<T>) => Promise<T>,
): AsyncIterable<Interval> {
  const lo = Math.ceil(from / INTERVAL_MS);
  const hi = Math.ceil(to / INTERVAL_MS);
  for (const pointId of pointIds) {
    const series = await serial(() =>
      db.get<{ pk: number }>(
        'SELECT s.pk FROM series s JOIN points p ON p.pk = s.point WHERE p.id = ? AND s.direction = 0',
        [pointId],
      ),
    );
    if (series === undefined) continue;
    let after = lo - 1;
    for (;;) {
      const rows = await serial(() =>
        db.all<{ slot: number; kwh: number; q: number }>(
          'SELECT slot, kwh, q FROM intervals WHERE series = ? AND slot > ? AND slot < ? ORDER BY slot LIMIT ?',
          [series.pk, after, hi, PAGE],
        ),
      );
      for (const r of rows) yield { pointId, start: r.slot * INTERVAL_MS, kwh: r.kwh, quality: qualityFromCode(r.q) };
      const last = rows[rows.length - 1];
      if (rows.length < PAGE || last === undefined) break;
      after = last.slot;
    }
  }
}
