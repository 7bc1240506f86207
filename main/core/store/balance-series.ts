/**
 * What the one analysis reads: every active balance series (one direction of a point, with the role the store
 * planned for it) and its energy summed to the analysis' step. Implausible intervals are left out of the sum and
 * of the count, so that the analysis sees them as missing.
 */
import { IMPLAUSIBLE_CODE, qualityFromCode } from '../../../models/intervals/quality.js';
import { HOUR_MS, INTERVAL_MS } from '../../../models/time-grid.js';
import type { IntervalQuality, Medium, PointRole } from '../../../models/types.js';
import type { SqliteDb } from './sqlite-db.js';

export interface BalanceSeriesInfo {
  /** The store's key of the series; pass it back to seriesSteps. */
  readonly key: number;
  readonly pointId: string;
  readonly buildingId: string;
  readonly role: PointRole;
  readonly medium: Medium;
  /** Start of the series' first stored interval, UTC ms; null when it has none (a device added today). */
  readonly firstStart: number | null;
}

export type StepName = '15min' | 'hour';

export interface SeriesStep {
  readonly key: number;
  readonly start: number;
  /** Energy of the plausible intervals in the step, kWh. */
  readonly kwh: number;
  /** Plausible intervals in the step (4 make a complete hour; an hour with an implausible one has fewer). */
  readonly count: number;
  /** Worst quality among the step's plausible intervals. */
  readonly worst: IntervalQuality;
}

const BALANCE_ROLES = "('import', 'export', 'generation', 'consumption')";

export async function balanceSeries(db: SqliteDb): Promise<BalanceSeriesInfo[]> {
  const rows = await db.all<{ key: number; pointId: string; buildingId: string; role: PointRole; medium: Medium; first: number | null }>(
    `SELECT s.pk AS key, p.id AS pointId, b.id AS buildingId, s.role AS role, p.medium AS medium,
       (SELECT MIN(i.slot) FROM intervals i WHERE i.series = s.pk) AS first
     FROM series s JOIN points p ON p.pk = s.point JOIN buildings b ON b.pk = s.building
     WHERE s.active = 1 AND s.role IN ${BALANCE_ROLES} AND p.medium <> 'water'
     ORDER BY s.pk`,
  );
  return rows.map((r) => ({ key: r.key, pointId: r.pointId, buildingId: r.buildingId, role: r.role, medium: r.medium, firstStart: r.first === null ? null : r.first * INTERVAL_MS }));
}

const PAGE = 20_000;

/** Steps of each series over [from, to); 15 minutes from the intervals, hours from the hourly rollup. */
export async function* seriesSteps(
  db: SqliteDb,
  keys: readonly number[],
  from: number,
  to: number,
  step: StepName,
  serial: <T>(fn: () => Promise<T>) => Promise<T>,
): AsyncIterable<SeriesStep> {
  for (const key of keys) {
    if (step === '15min') {
      let after = Math.ceil(from / INTERVAL_MS) - 1;
      const hi = Math.ceil(to / INTERVAL_MS);
      for (;;) {
        const rows = await serial(() =>
          db.all<{ slot: number; kwh: number; q: number }>('SELECT slot, kwh, q FROM intervals WHERE series = ? AND slot > ? AND slot < ? ORDER BY slot LIMIT ?', [
            key,
            after,
            hi,
            PAGE,
          ]),
        );
        for (const r of rows) {
          if (r.q >= IMPLAUSIBLE_CODE) continue;
          yield { key, start: r.slot * INTERVAL_MS, kwh: r.kwh, count: 1, worst: qualityFromCode(r.q) };
        }
        const last = rows[rows.length - 1];
        if (rows.length < PAGE || last === undefined) break;
        after = last.slot;
      }
      continue;
    }
    const rows = await serial(() =>
      db.all<{ hour: number; kwh: number; n: number; qmax: number }>(
        'SELECT hour, kwh, n, qmax FROM series_hour WHERE series = ? AND hour >= ? AND hour < ? ORDER BY hour',
        [key, Math.ceil(from / HOUR_MS) * HOUR_MS, to],
      ),
    );
    for (const r of rows) {
      // The rollup counts implausible intervals and keeps the worst code: an hour that holds one is incomplete.
      const implausible = r.qmax >= IMPLAUSIBLE_CODE;
      yield { key, start: r.hour, kwh: r.kwh, count: implausible ? r.n - 1 : r.n, worst: qualityFromCode(implausible ? 0 : r.qmax) };
    }
  }
}
