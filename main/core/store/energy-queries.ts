/**
 * Balances and energy series, read from the rollups (and from 15-minute intervals only for ragged period ends and
 * for the 15-minute resolution). Consumption follows the roles of docs/energy-models.md: with a grid meter it is
 * import - export + generation (consumption meters are sub-meters, a breakdown); without one, the consumption
 * meters are the total. The figures the app signs come from main/core/analysis, which applies the same rules per
 * meter and slot.
 */
import type { BuildingBalance, Resolution, SeriesBucket } from '../../../models/contract/index.js';
import { IMPLAUSIBLE_CODE } from '../../../models/intervals/quality.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import { periodPieces, slotCount } from './period-pieces.js';
import { addSums, balanceOf, bucketOf, type SlotSums } from './slot-sums.js';
import type { SqliteDb } from './sqlite-db.js';


interface BuildingInfo {
  pk: number;
  id: string;
  nSeries: number;
  hasGrid: boolean;
}

const ROLE_SUM = (role: string) =>
  `SUM(CASE WHEN s.role = '${role}' AND i.q < ${IMPLAUSIBLE_CODE} THEN i.kwh ELSE 0 END)`;
const SLOT_SUMS = `${ROLE_SUM('import')} AS imp, ${ROLE_SUM('export')} AS exp, ${ROLE_SUM('generation')} AS gen,
  ${ROLE_SUM('consumption')} AS con, SUM(i.q = 0) AS n_meas, MAX(i.q) AS qmax`;
const ROLLUP_SUMS = 'SUM(imp) AS imp, SUM(exp) AS exp, SUM(gen) AS gen, SUM(con) AS con, SUM(n_meas) AS n_meas, MAX(qmax) AS qmax';

async function buildings(db: SqliteDb, buildingId?: string): Promise<BuildingInfo[]> {
  const rows = await db.all<{ pk: number; id: string; n: number; grid: number }>(
    `SELECT b.pk, b.id,
       (SELECT COUNT(*) FROM series s WHERE s.building = b.pk AND s.active = 1 AND s.electric = 1) AS n,
       (SELECT COUNT(*) FROM series s WHERE s.building = b.pk AND s.active = 1 AND s.electric = 1
          AND s.role IN ('import', 'export')) AS grid
     FROM buildings b ${buildingId === undefined ? '' : 'WHERE b.id = ?'} ORDER BY b.pk`,
    buildingId === undefined ? [] : [buildingId],
  );
  return rows.map((r) => ({ pk: r.pk, id: r.id, nSeries: r.n, hasGrid: r.grid > 0 }));
}

export async function buildingBalances(db: SqliteDb, from: number, to: number): Promise<BuildingBalance[]> {
  const totals = new Map<number, SlotSums>();
  const add = (rows: (SlotSums & { building: number })[]) => addSums(totals, rows);
  const pieces = periodPieces(from, to);
  const tables = { month: ['building_month', 'month'], day: ['building_day', 'day'], hour: ['building_hour', 'hour'] };
  for (const level of ['month', 'day', 'hour'] as const) {
    const [table, col] = tables[level];
    for (const [a, b] of pieces[level])
      add(
        await db.all<SlotSums & { building: number }>(
          `SELECT building, ${ROLLUP_SUMS} FROM ${table} WHERE ${col} >= ? AND ${col} < ? GROUP BY building`,
          [a, b],
        ),
      );
  }
  for (const [a, b] of pieces.slot)
    add(
      await db.all<SlotSums & { building: number }>(
        `SELECT s.building AS building, ${SLOT_SUMS}
         FROM series s CROSS JOIN intervals i ON i.series = s.pk
         WHERE s.active = 1 AND s.electric = 1 AND i.slot >= ? AND i.slot < ? GROUP BY s.building`,
        [a / INTERVAL_MS, b / INTERVAL_MS],
      ),
    );
  const slots = slotCount(from, to);
  return (await buildings(db)).map((b) => balanceOf(b.id, from, to, b, totals.get(b.pk), slots));
}

export async function buildingSeries(
  db: SqliteDb,
  buildingId: string,
  from: number,
  to: number,
  resolution: Resolution,
): Promise<SeriesBucket[] | null> {
  const [b] = await buildings(db, buildingId);
  if (b === undefined) return null;
  let rows: (SlotSums & { start: number })[];
  if (resolution === '15min') {
    rows = await db.all<SlotSums & { start: number }>(
      `SELECT i.slot * ${INTERVAL_MS} AS start, ${SLOT_SUMS}
       FROM series s CROSS JOIN intervals i ON i.series = s.pk
       WHERE s.building = ? AND s.active = 1 AND s.electric = 1 AND i.slot >= ? AND i.slot < ?
       GROUP BY i.slot ORDER BY i.slot`,
      [b.pk, Math.ceil(from / INTERVAL_MS), Math.ceil(to / INTERVAL_MS)],
    );
  } else {
    const col = resolution === 'hour' ? 'hour' : resolution;
    rows = await db.all<SlotSums & { start: number }>(
      `SELECT ${col} AS start, imp, exp, gen, con, n_meas, qmax FROM building_${col}
       WHERE building = ? AND ${col} >= ? AND ${col} < ? ORDER BY ${col}`,
      [b.pk, from, to],
    );
  }
  return rows.map((r) => bucketOf(b, r));
}
