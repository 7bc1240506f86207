/**
 * Implausible 15-minute intervals for the alarms list. The daily rollups keep each series' worst quality (qmax),
 * so only days flagged implausible are searched slot by slot; the intervals table is never scanned whole.
 */
import type { ImplausibleInterval } from '../../models/contract.js';
import { localDayStart, nextLocalDay } from '../../models/intervals/local-calendar.js';
import { IMPLAUSIBLE_CODE } from '../../models/intervals/quality.js';
import { HOUR_MS, INTERVAL_MS } from '../../models/time-grid.js';
import type { SqliteDb } from './sqlite-db.js';

interface FlaggedDay {
  series: number;
  pointPk: number;
  pointId: string;
  buildingId: string;
  kind: string;
  day: number;
}

interface PointDays {
  readonly pointPk: number;
  readonly pointId: string;
  readonly buildingId: string;
  readonly power: boolean;
  /** Newest first; each day with the point's series flagged on it. */
  readonly days: { day: number; series: number[] }[];
}

function groupByPoint(rows: readonly FlaggedDay[]): PointDays[] {
  const points = new Map<number, PointDays>();
  for (const r of rows) {
    let p = points.get(r.pointPk);
    if (p === undefined) {
      p = { pointPk: r.pointPk, pointId: r.pointId, buildingId: r.buildingId, power: r.kind === 'power', days: [] };
      points.set(r.pointPk, p);
    }
    const last = p.days[p.days.length - 1];
    if (last !== undefined && last.day === r.day) last.series.push(r.series);
    else p.days.push({ day: r.day, series: [r.series] });
  }
  return [...points.values()];
}

/**
 * The newest `perPoint` implausible intervals of every point over [from, to), newest first per point, points in
 * store order. Both directions of a net grid power point add up into one interval. limitKw names each point's
 * maximum plausible power as the engine applied it. peakKw is looked up for the newest 20 of power points only.
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
  const rows = await db.all<FlaggedDay>(
    `SELECT s.pk AS series, p.pk AS pointPk, p.id AS pointId, p.building_id AS buildingId, p.kind AS kind, d.day AS day
     FROM series s CROSS JOIN points p ON p.pk = s.point
       CROSS JOIN series_day d ON d.series = s.pk AND d.day >= ? AND d.day < ?
     WHERE s.active = 1 AND d.qmax >= ?
     ORDER BY p.pk, d.day DESC`,
    [localDayStart(from), to, IMPLAUSIBLE_CODE],
  );
  const found: { point: PointDays; slot: number; kwh: number }[] = [];
  for (const point of groupByPoint(rows)) {
    const slots = new Map<number, number>();
    for (const { day, series } of point.days) {
      const a = Math.max(lo, Math.ceil(day / INTERVAL_MS));
      const b = Math.min(hi, Math.ceil(nextLocalDay(day) / INTERVAL_MS));
      const hits = await db.all<{ slot: number; kwh: number }>(
        `SELECT slot, SUM(kwh) AS kwh FROM intervals
         WHERE series IN (${series.map(() => '?').join(',')}) AND slot >= ? AND slot < ? AND q >= ?
         GROUP BY slot ORDER BY slot DESC LIMIT ?`,
        [...series, a, b, IMPLAUSIBLE_CODE, perPoint],
      );
      for (const f of hits) slots.set(f.slot, f.kwh);
      // Days come newest first: once a day filled the quota, older days cannot hold newer intervals.
      if (slots.size >= perPoint) break;
    }
    for (const [slot, kwh] of [...slots.entries()].sort((x, y) => y[0] - x[0]).slice(0, perPoint)) found.push({ point, slot, kwh });
  }
  // Peaks scan every point's raw samples of the quarter hour (the samples key starts with ts), so only the newest
  // few are looked up per call and finished quarter hours are remembered.
  const peaks = new Set(
    found
      .filter((f) => f.point.power)
      .sort((x, y) => y.slot - x.slot)
      .slice(0, MAX_PEAK_LOOKUPS),
  );
  const out: ImplausibleInterval[] = [];
  for (const f of found) {
    const start = f.slot * INTERVAL_MS;
    out.push({
      pointId: f.point.pointId,
      buildingId: f.point.buildingId,
      start,
      kwh: f.kwh,
      avgKw: f.kwh / (INTERVAL_MS / HOUR_MS),
      peakKw: peaks.has(f) ? await peakPower(db, f.point.pointPk, start) : null,
      limitKw: limitKw(f.point.pointId),
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
