/**
 * Implausible 15-minute intervals for the alarms list. The rollups keep each series' worst quality (qmax) per day
 * and hour, so only hours flagged implausible are searched slot by slot; the intervals table is never scanned.
 */
import type { ImplausibleInterval } from '../../../models/contract/index.js';
import { localDayStart } from '../../../models/intervals/local-calendar.js';
import { IMPLAUSIBLE_CODE } from '../../../models/intervals/quality.js';
import { HOUR_MS, INTERVAL_MS } from '../../../models/time-grid.js';
import type { SqliteDb } from './sqlite-db.js';

const SLOTS_PER_HOUR = HOUR_MS / INTERVAL_MS;

interface Hit {
  pointPk: number;
  pointId: string;
  buildingId: string;
  kind: string;
  slot: number;
  kwh: number;
}

/**
 * The newest `perPoint` implausible intervals of every point over [from, to), newest first per point, points in
 * store order. Both directions of a net grid power point add up into one interval. limitKw names each point's
 * maximum plausible power as the engine applied it. peakKw is looked up for the newest 20 of power points only.
 *
 * One statement walks the rollups down: days whose worst quality is implausible, their hours likewise, and only
 * the newest `perPoint` such hours per series reach the intervals table (each holds at least one such interval).
 * The period's own slot bounds are written +i.slot so that SQLite searches intervals by the hour's four slots, not
 * by the whole period (which read every interval of the year per hour: 600 ms instead of a few).
 */
export async function implausibleIntervals(
  db: SqliteDb,
  from: number,
  to: number,
  perPoint: number,
  limitKw: (pointId: string) => number,
): Promise<ImplausibleInterval[]> {
  const lo = Math.ceil(from / INTERVAL_MS);
  const hi = Math.ceil(to / INTERVAL_MS);
  if (hi <= lo || perPoint <= 0) return [];
  const hits = await db.all<Hit>(
    `WITH hours AS (
       SELECT h.series AS series, h.hour AS hour, ROW_NUMBER() OVER (PARTITION BY h.series ORDER BY h.hour DESC) AS n
       FROM series s CROSS JOIN series_day d ON d.series = s.pk AND d.day >= ? AND d.day < ?
         CROSS JOIN cal_hour c ON c.day = d.day
         CROSS JOIN series_hour h ON h.series = s.pk AND h.hour = c.hour
       WHERE s.active = 1 AND d.qmax >= ${IMPLAUSIBLE_CODE} AND h.qmax >= ${IMPLAUSIBLE_CODE} AND h.hour >= ? AND h.hour < ?)
     SELECT p.pk AS pointPk, p.id AS pointId, p.building_id AS buildingId, p.kind AS kind, i.slot AS slot, SUM(i.kwh) AS kwh
     FROM hours CROSS JOIN series s ON s.pk = hours.series CROSS JOIN points p ON p.pk = s.point
       CROSS JOIN intervals i ON i.series = hours.series AND i.slot >= hours.hour / ${INTERVAL_MS}
         AND i.slot < hours.hour / ${INTERVAL_MS} + ${SLOTS_PER_HOUR}
     WHERE hours.n <= ? AND i.q >= ${IMPLAUSIBLE_CODE} AND +i.slot >= ? AND +i.slot < ?
     GROUP BY p.pk, i.slot
     ORDER BY p.pk, i.slot DESC`,
    [localDayStart(from), to, Math.floor(from / HOUR_MS) * HOUR_MS, to, perPoint, lo, hi],
  );
  const found: Hit[] = [];
  let taken = 0;
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k] as Hit;
    taken = k > 0 && (hits[k - 1] as Hit).pointPk === hit.pointPk ? taken + 1 : 1;
    if (taken <= perPoint) found.push(hit);
  }
  // Peaks scan every point's raw samples of the quarter hour (the samples key starts with ts), so only the newest
  // few are looked up per call and finished quarter hours are remembered.
  const peaks = new Set(
    found
      .filter((f) => f.kind === 'power')
      .sort((x, y) => y.slot - x.slot)
      .slice(0, MAX_PEAK_LOOKUPS),
  );
  const out: ImplausibleInterval[] = [];
  for (const f of found) {
    const start = f.slot * INTERVAL_MS;
    out.push({
      pointId: f.pointId,
      buildingId: f.buildingId,
      start,
      kwh: f.kwh,
      avgKw: f.kwh / (INTERVAL_MS / HOUR_MS),
      peakKw: peaks.has(f) ? await peakPower(db, f.pointPk, start) : null,
      limitKw: limitKw(f.pointId),
    });
  }
  return out;
}

/** Peak lookups per call (the alarms list shows the newest 20). */
const MAX_PEAK_LOOKUPS = 20;
/** Peaks of finished quarter hours per store connection: raw samples of the past do not change (retention aside). */
const peakCache = new WeakMap<SqliteDb, Map<string, number | null>>();
const PEAK_CACHE_SIZE = 2000;

/** Largest |power| among the raw samples of the slot, its end included (a spike there spoils the slot too). */
async function peakPower(db: SqliteDb, pointPk: number, start: number): Promise<number | null> {
  const key = `${pointPk}|${start}`;
  let cache = peakCache.get(db);
  if (cache?.has(key)) return cache.get(key) ?? null;
  const end = start + INTERVAL_MS;
  const row = await db.get<{ peak: number | null; newest: number | null }>(
    `SELECT (SELECT MAX(ABS(value)) FROM samples WHERE ts >= ? AND ts <= ? AND point = ?) AS peak,
       (SELECT MAX(ts) FROM samples) AS newest`,
    [start, end, pointPk],
  );
  const peak = row?.peak ?? null;
  // a quarter hour is finished once samples of any point arrived after its end
  if (row?.newest != null && row.newest > end) {
    if (cache === undefined) peakCache.set(db, (cache = new Map()));
    if (cache.size >= PEAK_CACHE_SIZE) cache.clear();
    cache.set(key, peak);
  }
  return peak;
}
