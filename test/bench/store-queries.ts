/**
 * Balance and series queries on a year of 15-minute data: PLUSTWIN_BENCH_BUILDINGS buildings x 3 counters (import,
 * export, generation), 35,040 intervals each (full scale 1,000 buildings = 105 million intervals). The district is
 * generated once with SQL and cached in .bench-cache/; the quick default is 30 buildings.
 * Figures: the district's annual balance and one building's monthly series from the rollups (median of repeated
 * runs), next to the same annual balance computed from the 15-minute intervals; database bytes per point-year.
 */
import { statSync } from 'node:fs';
import { openStore } from '../../main/core/store/open-store.js';
import type { SqliteStore } from '../../main/core/store/sqlite-store.js';
import { nextLocalMonth } from '../../models/intervals/local-calendar.js';
import { INTERVAL_MS } from '../../models/time-grid.js';
import type { BenchResult } from './bench-result.js';
import { medianOf } from './support/timing.js';
import { cachedYearDistrict, POINTS_PER_BUILDING, YEAR_FROM, YEAR_TO } from './support/year-district.js';

const BUILDINGS = Number(process.env.PLUSTWIN_BENCH_BUILDINGS ?? 30);
const REPEAT = 15;

async function annualFromIntervals(store: SqliteStore): Promise<number> {
  const t = performance.now();
  await store.sqlite.all(
    `SELECT s.building, SUM(CASE s.role WHEN 'import' THEN i.kwh END), SUM(CASE s.role WHEN 'export' THEN i.kwh END),
       SUM(CASE s.role WHEN 'generation' THEN i.kwh END), SUM(i.q = 0)
     FROM series s JOIN intervals i ON i.series = s.pk WHERE i.slot >= ? AND i.slot < ? GROUP BY s.building`,
    [YEAR_FROM / INTERVAL_MS, YEAR_TO / INTERVAL_MS],
  );
  return performance.now() - t;
}

export async function run(): Promise<BenchResult[]> {
  const started = performance.now();
  const file = await cachedYearDistrict(
    'store-district',
    BUILDINGS,
    '((slot * 2654435761 + ?3 * 40503) % 1000) / 2000.0',
    'CASE WHEN slot % 997 = 0 THEN 4 ELSE 0 END',
  );
  const generatedS = (performance.now() - started) / 1000;
  const store = await openStore(file, { now: () => YEAR_TO });
  try {
    const balances = await store.buildingBalances(YEAR_FROM, YEAR_TO);
    if (balances.length !== BUILDINGS) throw new Error(`expected ${BUILDINGS} balances, got ${balances.length}`);
    const months = await store.buildingSeries('b7', YEAR_FROM, YEAR_TO, 'month');
    if (months.length !== 12 || nextLocalMonth(months[0]!.start) !== months[1]!.start) throw new Error('monthly series is not 12 local months');
    const balanceMs = await medianOf(REPEAT, () => store.buildingBalances(YEAR_FROM, YEAR_TO));
    const seriesMs = await medianOf(REPEAT, () => store.buildingSeries('b7', YEAR_FROM, YEAR_TO, 'month'));
    const scanMs = await annualFromIntervals(store);
    const intervals = BUILDINGS * POINTS_PER_BUILDING * ((YEAR_TO - YEAR_FROM) / INTERVAL_MS);
    const sizes = await store.sqlite.all<{ name: string; bytes: number }>(
      `SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name`,
    );
    const bytesOf = (prefix: string) => sizes.filter((r) => r.name.startsWith(prefix)).reduce((a, r) => a + r.bytes, 0);
    const pointYears = BUILDINGS * POINTS_PER_BUILDING;
    const scale = `${BUILDINGS} buildings x ${POINTS_PER_BUILDING} points, ${intervals.toLocaleString('en')} intervals${generatedS > 1 ? `, generated in ${generatedS.toFixed(0)} s` : ', cached'}`;
    return [
      {
        name: "district's annual balance from rollups",
        value: balanceMs,
        unit: 'ms',
        baseline: { name: 'same balance from 15-minute intervals', value: scanMs },
        note: `${scale}; median of ${REPEAT}`,
      },
      { name: "one building's monthly series from rollups", value: seriesMs, unit: 'ms', note: `${scale}; median of ${REPEAT}` },
      {
        name: 'database bytes per point-year',
        value: statSync(file).size / pointYears,
        unit: 'bytes',
        note: `whole file; of it intervals ${Math.round(bytesOf('intervals') / pointYears).toLocaleString('en')} (${(bytesOf('intervals') / intervals).toFixed(1)} bytes per interval), rollups ${Math.round((bytesOf('series_') + bytesOf('building_')) / pointYears).toLocaleString('en')}`,
      },
    ];
  } finally {
    await store.close();
  }
}
