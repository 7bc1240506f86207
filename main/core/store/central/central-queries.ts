/**
 * The central store's reads, the same figures as the SQLite store's (energy-queries.ts, balance-series.ts,
 * power-query.ts, interval-pages.ts) from the central tables: intervals and the rollups series_hour, series_day,
 * series_month per point and direction (fleet/central-rollups.ts). The roles come from the planned series
 * (central-district.ts) as parameter arrays, so the role sums are the same CASE expressions as in SQLite.
 */
import type { BuildingBalance, ImplausibleInterval, PowerSample, Resolution, SeriesBucket } from '../../../../models/contract/index.js';
import { LOCAL_TIMEZONE, localDayStart } from '../../../../models/intervals/local-calendar.js';
import { IMPLAUSIBLE_CODE, qualityFromCode } from '../../../../models/intervals/quality.js';
import { HOUR_MS, INTERVAL_MS } from '../../../../models/time-grid.js';
import type { Interval } from '../../../../models/types.js';
import type { SeriesStep, StepName } from '../balance-series.js';
import { periodPieces, slotCount } from '../period-pieces.js';
import { addSums, balanceOf, bucketOf, type BuildingRoles, type SlotSums } from '../slot-sums.js';
import { powerBuckets } from '../power-query.js';
import type { CentralDistrict, CentralSeries } from './central-district.js';
import { msOf, tsParam, type Queryable } from './pg-types.js';


const ROLE = (role: string, kwh: string) => `COALESCE(SUM(CASE WHEN k.role = '${role}' THEN ${kwh} ELSE 0 END), 0)::float8`;
const sums = (kwh: string, nMeas: string, q: string) =>
  `${ROLE('import', kwh)} AS imp, ${ROLE('export', kwh)} AS exp, ${ROLE('generation', kwh)} AS gen, ${ROLE('consumption', kwh)} AS con,
   COALESCE(SUM(${nMeas}), 0)::float8 AS n_meas, COALESCE(MAX(${q}), 0)::int AS qmax`;
const ROLLUP_SUMS = sums('r.kwh', 'r.n_meas', 'r.qmax');
const SLOT_SUMS = sums(`CASE WHEN i.q < ${IMPLAUSIBLE_CODE} THEN i.kwh ELSE 0 END`, 'CASE WHEN i.q = 0 THEN 1 ELSE 0 END', 'i.q');

/** The series as parameter arrays for unnest(): $2 points, $3 directions, $4 roles, $5 buildings, $6 keys. */
const seriesParams = (series: readonly CentralSeries[]) => [
  series.map((s) => s.pointId),
  series.map((s) => s.direction),
  series.map((s) => s.role),
  series.map((s) => s.buildingId),
  series.map((s) => s.key),
];
const SERIES = 'unnest($2::text[], $3::smallint[], $4::text[], $5::text[], $6::int[]) AS k(point, direction, role, building, key)';
const ROLLUP = { month: ['series_month', 'month'], day: ['series_day', 'day'], hour: ['series_hour', 'hour'] } as const;

const electric = (d: CentralDistrict) => d.series.filter((s) => s.medium === 'electricity');

const buildingInfo = (d: CentralDistrict, buildingId: string): BuildingRoles => {
  const own = electric(d).filter((s) => s.buildingId === buildingId);
  return { nSeries: own.length, hasGrid: own.some((s) => s.role === 'import' || s.role === 'export') };
};

export async function centralBalances(db: Queryable, site: string, d: CentralDistrict, from: number, to: number): Promise<BuildingBalance[]> {
  const totals = new Map<string, SlotSums>();
  const add = (rows: (SlotSums & { building: string })[]) => addSums(totals, rows);
  const params = seriesParams(electric(d));
  const pieces = periodPieces(from, to);
  for (const level of ['month', 'day', 'hour'] as const) {
    const [table, col] = ROLLUP[level];
    for (const [a, b] of pieces[level]) {
      const { rows } = await db.query<SlotSums & { building: string }>(
        `SELECT k.building, ${ROLLUP_SUMS} FROM ${SERIES}
         JOIN ${table} r ON r.site = $1 AND r.point = k.point AND r.direction = k.direction AND r.${col} >= $7 AND r.${col} < $8
         GROUP BY k.building`,
        [site, ...params, tsParam(a), tsParam(b)],
      );
      add(rows);
    }
  }
  for (const [a, b] of pieces.slot) {
    const { rows } = await db.query<SlotSums & { building: string }>(
      `SELECT k.building, ${SLOT_SUMS} FROM ${SERIES}
       JOIN intervals i ON i.site = $1 AND i.point = k.point AND i.direction = k.direction AND i.slot >= $7 AND i.slot < $8
       GROUP BY k.building`,
      [site, ...params, tsParam(a), tsParam(b)],
    );
    add(rows);
  }
  const slots = slotCount(from, to);
  return d.view.buildings.map((b) => balanceOf(b.id, from, to, buildingInfo(d, b.id), totals.get(b.id), slots));
}

export async function centralBuildingSeries(
  db: Queryable,
  site: string,
  d: CentralDistrict,
  buildingId: string,
  from: number,
  to: number,
  resolution: Resolution,
): Promise<SeriesBucket[]> {
  const info = buildingInfo(d, buildingId);
  const params = seriesParams(electric(d).filter((s) => s.buildingId === buildingId));
  let rows: (SlotSums & { start: number })[];
  if (resolution === '15min') {
    ({ rows } = await db.query<SlotSums & { start: number }>(
      `SELECT ${msOf('i.slot')} AS start, ${SLOT_SUMS} FROM ${SERIES}
       JOIN intervals i ON i.site = $1 AND i.point = k.point AND i.direction = k.direction AND i.slot >= $7 AND i.slot < $8
       GROUP BY i.slot ORDER BY i.slot`,
      [site, ...params, tsParam(Math.ceil(from / INTERVAL_MS) * INTERVAL_MS), tsParam(Math.ceil(to / INTERVAL_MS) * INTERVAL_MS)],
    ));
  } else {
    const [table, col] = ROLLUP[resolution];
    ({ rows } = await db.query<SlotSums & { start: number }>(
      `SELECT ${msOf(`r.${col}`)} AS start, ${ROLLUP_SUMS} FROM ${SERIES}
       JOIN ${table} r ON r.site = $1 AND r.point = k.point AND r.direction = k.direction AND r.${col} >= $7 AND r.${col} < $8
       GROUP BY r.${col} ORDER BY r.${col}`,
      [site, ...params, tsParam(from), tsParam(to)],
    ));
  }
  return rows.map((r) => bucketOf(info, r));
}

/** The first stored interval of every series (from the first hour in series_hour, then that hour's intervals). */
export async function centralFirstStarts(db: Queryable, site: string, d: CentralDistrict): Promise<Map<number, number>> {
  const { rows } = await db.query<{ key: number; first: number | null }>(
    `SELECT k.key, ${msOf('f.first')} AS first FROM ${SERIES}
     CROSS JOIN LATERAL (SELECT h.hour FROM series_hour h WHERE h.site = $1 AND h.point = k.point AND h.direction = k.direction
                         ORDER BY h.hour LIMIT 1) fh
     CROSS JOIN LATERAL (SELECT MIN(i.slot) AS first FROM intervals i WHERE i.site = $1 AND i.point = k.point
                         AND i.direction = k.direction AND i.slot >= fh.hour AND i.slot < fh.hour + interval '1 hour') f`,
    [site, ...seriesParams(d.series)],
  );
  return new Map(rows.flatMap((r) => (r.first === null ? [] : [[r.key, r.first] as const])));
}

/** Rows per query at most: bounds the memory of one answer (pg holds a result whole). */
const ROWS_PER_QUERY = 100_000;

/** Steps of the series over [from, to): 15 minutes from the intervals, hours from series_hour (as SQLite's seriesSteps). */
export async function* centralSeriesSteps(
  db: Queryable,
  site: string,
  d: CentralDistrict,
  keys: readonly number[],
  from: number,
  to: number,
  step: StepName,
): AsyncIterable<SeriesStep> {
  const byKey = new Map(d.series.map((s) => [s.key, s]));
  const series = keys.flatMap((k) => byKey.get(k) ?? []);
  const stepMs = step === '15min' ? INTERVAL_MS : HOUR_MS;
  const lo = Math.ceil(from / stepMs) * stepMs;
  const hi = step === '15min' ? Math.ceil(to / INTERVAL_MS) * INTERVAL_MS : to;
  if (!(hi > lo)) return;
  // windows of time and groups of series so that one answer holds at most ROWS_PER_QUERY steps
  const windowSteps = Math.min(ROWS_PER_QUERY, Math.ceil((hi - lo) / stepMs));
  const perQuery = Math.max(1, Math.floor(ROWS_PER_QUERY / windowSteps));
  for (let g = 0; g < series.length; g += perQuery) {
    const params = seriesParams(series.slice(g, g + perQuery));
    for (let a = lo; a < hi; a += windowSteps * stepMs) {
      const b = Math.min(hi, a + windowSteps * stepMs);
      if (step === '15min') {
        const { rows } = await db.query<{ key: number; start: number; kwh: number; q: number }>(
          `SELECT k.key, ${msOf('i.slot')} AS start, i.kwh, i.q FROM ${SERIES}
           JOIN intervals i ON i.site = $1 AND i.point = k.point AND i.direction = k.direction AND i.slot >= $7 AND i.slot < $8
           WHERE i.q < ${IMPLAUSIBLE_CODE}`,
          [site, ...params, tsParam(a), tsParam(b)],
        );
        for (const r of rows) yield { key: r.key, start: r.start, kwh: r.kwh, count: 1, worst: qualityFromCode(r.q) };
      } else {
        const { rows } = await db.query<{ key: number; start: number; kwh: number; n: number; qmax: number }>(
          `SELECT k.key, ${msOf('r.hour')} AS start, r.kwh, r.n, r.qmax FROM ${SERIES}
           JOIN series_hour r ON r.site = $1 AND r.point = k.point AND r.direction = k.direction AND r.hour >= $7 AND r.hour < $8`,
          [site, ...params, tsParam(a), tsParam(b)],
        );
        for (const r of rows) {
          // as in SQLite: the rollup counts implausible intervals and keeps the worst code; such an hour is incomplete
          const implausible = r.qmax >= IMPLAUSIBLE_CODE;
          yield { key: r.key, start: r.start, kwh: r.kwh, count: implausible ? r.n - 1 : r.n, worst: qualityFromCode(implausible ? 0 : r.qmax) };
        }
      }
    }
  }
}

const PAGE = 10_000;

/** 15-minute intervals of points (their direction 0, as SQLite's intervalPages), in pages by slot. */
export async function* centralIntervals(db: Queryable, site: string, d: CentralDistrict, pointIds: readonly string[], from: number, to: number): AsyncIterable<Interval> {
  const planned = new Set(d.series.filter((s) => s.direction === 0).map((s) => s.pointId));
  const hi = tsParam(Math.ceil(to / INTERVAL_MS) * INTERVAL_MS);
  for (const pointId of pointIds) {
    if (!planned.has(pointId)) continue;
    let after = Math.ceil(from / INTERVAL_MS) * INTERVAL_MS - 1;
    for (;;) {
      const { rows } = await db.query<{ start: number; kwh: number; q: number }>(
        `SELECT ${msOf('slot')} AS start, kwh, q FROM intervals
         WHERE site = $1 AND point = $2 AND direction = 0 AND slot > $3 AND slot < $4 ORDER BY slot LIMIT ${PAGE}`,
        [site, pointId, tsParam(after), hi],
      );
      for (const r of rows) yield { pointId, start: r.start, kwh: r.kwh, quality: qualityFromCode(r.q) };
      const last = rows[rows.length - 1];
      if (rows.length < PAGE || last === undefined) break;
      after = last.start;
    }
  }
}

/** Raw sample quality 'bad' (store/sample-quality.ts): left out of power, as in SQLite. */
const BAD = 2;

/** Power of one building from the central readings, bucketed to poll rounds as SQLite's powerSeries does. */
export async function centralPowerSeries(db: Queryable, site: string, d: CentralDistrict, buildingId: string, from: number, to: number): Promise<PowerSample[]> {
  const pollOf = new Map(d.view.devices.map((dev) => [dev.id, dev.pollIntervalMs]));
  const points = d.view.points.filter(
    (p) => p.buildingId === buildingId && p.kind === 'power' && p.medium === 'electricity' && (p.role === 'import' || p.role === 'generation'),
  );
  if (points.length === 0) return [];
  const role = new Map(points.map((p) => [p.id, p.role]));
  const polls = points.map((p) => pollOf.get(p.deviceId)).filter((p): p is number => typeof p === 'number' && p > 0);
  const { rows } = await db.query<{ ts: number; point: string; value: number }>(
    `SELECT ${msOf('ts')} AS ts, point, value FROM readings
     WHERE site = $1 AND point = ANY($2::text[]) AND ts >= $3 AND ts < $4 AND q < ${BAD} ORDER BY ts, seq`,
    [site, points.map((p) => p.id), tsParam(from), tsParam(to)],
  );
  return powerBuckets(rows, role, polls);
}

/** Power peaks looked up per call at most (the alarms list shows the newest 20), as in SQLite's quality-queries.ts. */
const MAX_PEAK_LOOKUPS = 20;

/**
 * The newest perPoint implausible intervals of every planned point over [from, to), newest first, both directions
 * of a point summed, like SQLite's implausibleIntervals: only hours whose rollup holds an implausible interval are
 * searched slot by slot. limitKw is the engine's default (the central side does not know a site's own limits).
 */
export async function centralImplausible(
  db: Queryable,
  site: string,
  d: CentralDistrict,
  from: number,
  to: number,
  perPoint: number,
  limitKw: number,
): Promise<ImplausibleInterval[]> {
  const lo = Math.ceil(from / INTERVAL_MS) * INTERVAL_MS;
  const hi = Math.ceil(to / INTERVAL_MS) * INTERVAL_MS;
  if (hi <= lo || perPoint <= 0) return [];
  const { rows } = await db.query<{ point: string; start: number; kwh: number }>(
    `WITH hours AS (
       SELECT h.point, h.direction, h.hour, ROW_NUMBER() OVER (PARTITION BY h.point, h.direction ORDER BY h.hour DESC) AS n
       FROM series_day sd JOIN series_hour h ON h.site = sd.site AND h.point = sd.point AND h.direction = sd.direction
         AND h.hour >= sd.day AND h.hour < ${nextLocalDaySql('sd.day')}
       WHERE sd.site = $1 AND sd.day >= $2 AND sd.day < $4 AND sd.qmax >= ${IMPLAUSIBLE_CODE} AND h.qmax >= ${IMPLAUSIBLE_CODE}
         AND h.hour >= $3 AND h.hour < $4)
     SELECT i.point, ${msOf('i.slot')} AS start, SUM(i.kwh)::float8 AS kwh
     FROM hours JOIN intervals i ON i.site = $1 AND i.point = hours.point AND i.direction = hours.direction
       AND i.slot >= hours.hour AND i.slot < hours.hour + interval '1 hour'
     WHERE hours.n <= $5 AND i.q >= ${IMPLAUSIBLE_CODE} AND i.slot >= $6 AND i.slot < $7
     GROUP BY i.point, i.slot`,
    [site, tsParam(localDayStart(from)), tsParam(Math.floor(from / HOUR_MS) * HOUR_MS), tsParam(to), perPoint, tsParam(lo), tsParam(hi)],
  );
  const byPoint = new Map<string, { start: number; kwh: number }[]>();
  for (const r of rows) byPoint.set(r.point, [...(byPoint.get(r.point) ?? []), r]);
  const planned = new Set(d.series.map((s) => s.pointId));
  const found: { pointId: string; buildingId: string; kind: string; start: number; kwh: number }[] = [];
  for (const p of d.view.points) {
    if (!planned.has(p.id)) continue;
    const hits = (byPoint.get(p.id) ?? []).sort((a, b) => b.start - a.start).slice(0, perPoint);
    for (const h of hits) found.push({ pointId: p.id, buildingId: p.buildingId, kind: p.kind, start: h.start, kwh: h.kwh });
  }
  const peaks = new Set(
    found
      .filter((f) => f.kind === 'power')
      .sort((x, y) => y.start - x.start)
      .slice(0, MAX_PEAK_LOOKUPS),
  );
  const out: ImplausibleInterval[] = [];
  for (const f of found) {
    let peakKw: number | null = null;
    if (peaks.has(f)) {
      // the largest |power| among the readings of the slot, its end included (a spike there spoils the slot too)
      const { rows: pk } = await db.query<{ peak: number | null }>(
        'SELECT MAX(ABS(value))::float8 AS peak FROM readings WHERE site = $1 AND point = $2 AND ts >= $3 AND ts <= $4',
        [site, f.pointId, tsParam(f.start), tsParam(f.start + INTERVAL_MS)],
      );
      peakKw = pk[0]?.peak ?? null;
    }
    out.push({ pointId: f.pointId, buildingId: f.buildingId, start: f.start, kwh: f.kwh, avgKw: f.kwh / (INTERVAL_MS / HOUR_MS), peakKw, limitKw });
  }
  return out;
}

/** The next local midnight after the local midnight d, in SQL (as fleet/central-rollups.ts computes days). */
const nextLocalDaySql = (d: string) => `((${d} AT TIME ZONE '${LOCAL_TIMEZONE}') + interval '1 day') AT TIME ZONE '${LOCAL_TIMEZONE}'`;
