/**
 * The implausible-value alarms query (`alarms.implausible`, main/core/store/quality-queries.ts) on a year of 15-minute
 * data: PLUSTWIN_BENCH_BUILDINGS buildings x 3 counters (quick default 30 = 3.2 million intervals), one interval in
 * about 5,000 flagged implausible. The district is generated with SQL once and cached in .bench-cache/.
 * Figures: the newest 5 per point over the year and over the last 24 hours (median of repeated runs), next to the
 * same answer from a scan of the 15-minute intervals.
 */
import { openStore } from '../../main/core/store/open-store.js';
import type { SqliteStore } from '../../main/core/store/sqlite-store.js';
import { IMPLAUSIBLE_CODE } from '../../models/intervals/quality.js';
import { INTERVAL_MS } from '../../models/time-grid.js';
import type { BenchResult } from './bench-result.js';
import { medianOf } from './support/timing.js';
import { cachedYearDistrict, POINTS_PER_BUILDING, YEAR_FROM, YEAR_TO } from './support/year-district.js';

const BUILDINGS = Number(process.env.PLUSTWIN_BENCH_BUILDINGS ?? 30);
const DAY_MS = 24 * 60 * 60 * 1000;
const REPEAT = 9;
const PER_POINT = 5;

/** The naive way: every interval of the period, the newest few per point by a window function. */
function scan(store: SqliteStore, from: number, to: number) {
  return store.sqlite.all<{ point: string; slot: number }>(
    `SELECT point, slot FROM (
       SELECT p.id AS point, i.slot AS slot, ROW_NUMBER() OVER (PARTITION BY p.pk ORDER BY i.slot DESC) AS n
       FROM series s JOIN points p ON p.pk = s.point JOIN intervals i ON i.series = s.pk
       WHERE s.active = 1 AND i.slot >= ? AND i.slot < ? AND i.q >= ?)
     WHERE n <= ? ORDER BY point, slot DESC`,
    [Math.ceil(from / INTERVAL_MS), Math.ceil(to / INTERVAL_MS), IMPLAUSIBLE_CODE, PER_POINT],
  );
}

export async function run(): Promise<BenchResult[]> {
  const started = performance.now();
  const file = await cachedYearDistrict(
    'store-implausible',
    BUILDINGS,
    `CASE WHEN (slot + ?3 * 131) % 4999 = 0 THEN 900.0 ELSE ((slot * 2654435761 + ?3 * 40503) % 1000) / 2000.0 END`,
    `CASE WHEN (slot + ?3 * 131) % 4999 = 0 THEN ${IMPLAUSIBLE_CODE} ELSE 0 END`,
  );
  const generatedS = (performance.now() - started) / 1000;
  const store = await openStore(file, { now: () => YEAR_TO });
  try {
    const year = await store.implausibleIntervals(YEAR_FROM, YEAR_TO, PER_POINT);
    const naive = await scan(store, YEAR_FROM, YEAR_TO);
    const key = (p: string, slot: number) => `${p}|${slot}`;
    const got = year.map((i) => key(i.pointId, i.start / INTERVAL_MS)).sort();
    const want = naive.map((r) => key(r.point, r.slot)).sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`the alarms query and the scan disagree (${got.length} vs ${want.length} intervals)`);
    if (got.length !== BUILDINGS * POINTS_PER_BUILDING * PER_POINT) throw new Error(`expected ${PER_POINT} per point, got ${got.length} in all`);
    const dayFrom = YEAR_TO - DAY_MS;
    const yearMs = await medianOf(REPEAT, () => store.implausibleIntervals(YEAR_FROM, YEAR_TO, PER_POINT));
    const yearScanMs = await medianOf(REPEAT, () => scan(store, YEAR_FROM, YEAR_TO));
    const dayMs = await medianOf(REPEAT, () => store.implausibleIntervals(dayFrom, YEAR_TO, PER_POINT));
    const dayScanMs = await medianOf(REPEAT, () => scan(store, dayFrom, YEAR_TO));
    const intervals = BUILDINGS * POINTS_PER_BUILDING * ((YEAR_TO - YEAR_FROM) / INTERVAL_MS);
    const scale = `${BUILDINGS} buildings x ${POINTS_PER_BUILDING} points, ${intervals.toLocaleString('en')} intervals, 1 in ~5,000 implausible${generatedS > 1 ? `, generated in ${generatedS.toFixed(0)} s` : ', cached'}`;
    return [
      {
        name: `implausible alarms: newest ${PER_POINT} per point over a year`,
        value: yearMs,
        unit: 'ms',
        baseline: { name: 'same answer from a scan of the 15-minute intervals', value: yearScanMs },
        note: `${scale}; median of ${REPEAT}`,
      },
      {
        name: `implausible alarms: newest ${PER_POINT} per point over the last 24 hours`,
        value: dayMs,
        unit: 'ms',
        baseline: { name: 'same answer from a scan of the 15-minute intervals', value: dayScanMs },
        note: `${scale}; median of ${REPEAT}`,
      },
    ];
  } finally {
    await store.close();
  }
}
