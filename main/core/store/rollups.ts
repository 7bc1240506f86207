/**
 * Recomputes the hourly, daily and monthly rollups (per series and per building) for the hours a write touched.
 * Recomputing from the level below instead of adding deltas keeps rollups exact after replacements, imports and
 * implausible intervals, and is idempotent, so a crash between batches cannot leave them drifting.
 * Joins are CROSS JOIN on purpose: SQLite then loops over the small dirty set and searches the big tables by
 * key; left to itself (temp tables have no statistics) it scans the whole intervals table instead.
 * Building rollups hold electricity of active series only; implausible intervals count in n but not in energy.
 * CROSS JOIN pins the dirty set as the outer loop: without statistics on the temp table the planner may scan the
 * whole intervals table instead, which made every batch slower as history grew (33 s per batch after a year).
 */
import { HOUR_MS, INTERVAL_MS } from '../../../models/time-grid.js';
import { IMPLAUSIBLE_CODE } from '../../../models/intervals/quality.js';
import { BulkInsert } from './bulk-insert.js';
import type { Calendar } from './calendar.js';
import type { SqliteDb } from './sqlite-db.js';

const SLOTS_PER_HOUR = HOUR_MS / INTERVAL_MS;

const ROLE_SUMS = (src: string) => `
  SUM(CASE s.role WHEN 'import' THEN ${src}.kwh ELSE 0 END), SUM(CASE s.role WHEN 'export' THEN ${src}.kwh ELSE 0 END),
  SUM(CASE s.role WHEN 'generation' THEN ${src}.kwh ELSE 0 END),
  SUM(CASE s.role WHEN 'consumption' THEN ${src}.kwh ELSE 0 END),
  SUM(${src}.n_meas), SUM(${src}.n), MAX(${src}.qmax)`;

const REFRESH_SQL = `
  DELETE FROM series_hour WHERE (series, hour) IN (SELECT series, hour FROM temp.dirty_sh);
  INSERT INTO series_hour(series, hour, kwh, n_meas, n, qmax)
    SELECT i.series, (i.slot / ${SLOTS_PER_HOUR}) * ${HOUR_MS} AS h,
      SUM(CASE WHEN i.q < ${IMPLAUSIBLE_CODE} THEN i.kwh ELSE 0 END), SUM(i.q = 0), COUNT(*), MAX(i.q)
    FROM temp.dirty_sh d CROSS JOIN intervals i
      ON i.series = d.series AND i.slot >= d.hour / ${INTERVAL_MS} AND i.slot < d.hour / ${INTERVAL_MS} + ${SLOTS_PER_HOUR}
    GROUP BY i.series, h;

  INSERT OR IGNORE INTO temp.dirty_sd(series, day)
    SELECT d.series, c.day FROM temp.dirty_sh d CROSS JOIN cal_hour c ON c.hour = d.hour;
  DELETE FROM series_day WHERE (series, day) IN (SELECT series, day FROM temp.dirty_sd);
  INSERT INTO series_day(series, day, kwh, n_meas, n, qmax)
    SELECT d.series, d.day, SUM(h.kwh), SUM(h.n_meas), SUM(h.n), MAX(h.qmax)
    FROM temp.dirty_sd d CROSS JOIN cal_hour c ON c.day = d.day CROSS JOIN series_hour h ON h.series = d.series AND h.hour = c.hour
    GROUP BY d.series, d.day;

  INSERT OR IGNORE INTO temp.dirty_sm(series, month)
    SELECT d.series, c.month FROM temp.dirty_sd d CROSS JOIN cal_hour c ON c.hour = d.day;
  DELETE FROM series_month WHERE (series, month) IN (SELECT series, month FROM temp.dirty_sm);
  INSERT INTO series_month(series, month, kwh, n_meas, n, qmax)
    SELECT d.series, d.month, SUM(sd.kwh), SUM(sd.n_meas), SUM(sd.n), MAX(sd.qmax)
    FROM temp.dirty_sm d CROSS JOIN cal_month m ON m.month = d.month
      CROSS JOIN series_day sd ON sd.series = d.series AND sd.day >= m.month AND sd.day < m.next
    GROUP BY d.series, d.month;

  INSERT OR IGNORE INTO temp.dirty_bh(building, hour)
    SELECT s.building, d.hour FROM temp.dirty_sh d CROSS JOIN series s ON s.pk = d.series;
  DELETE FROM building_hour WHERE (building, hour) IN (SELECT building, hour FROM temp.dirty_bh);
  INSERT INTO building_hour(building, hour, imp, exp, gen, con, n_meas, n, qmax)
    SELECT b.building, b.hour, ${ROLE_SUMS('h')}
    FROM temp.dirty_bh b CROSS JOIN series s ON s.building = b.building AND s.active = 1 AND s.electric = 1
      CROSS JOIN series_hour h ON h.series = s.pk AND h.hour = b.hour
    GROUP BY b.building, b.hour;

  INSERT OR IGNORE INTO temp.dirty_bd(building, day)
    SELECT s.building, d.day FROM temp.dirty_sd d CROSS JOIN series s ON s.pk = d.series;
  DELETE FROM building_day WHERE (building, day) IN (SELECT building, day FROM temp.dirty_bd);
  INSERT INTO building_day(building, day, imp, exp, gen, con, n_meas, n, qmax)
    SELECT b.building, b.day, ${ROLE_SUMS('sd')}
    FROM temp.dirty_bd b CROSS JOIN series s ON s.building = b.building AND s.active = 1 AND s.electric = 1
      CROSS JOIN series_day sd ON sd.series = s.pk AND sd.day = b.day
    GROUP BY b.building, b.day;

  INSERT OR IGNORE INTO temp.dirty_bm(building, month)
    SELECT s.building, d.month FROM temp.dirty_sm d CROSS JOIN series s ON s.pk = d.series;
  DELETE FROM building_month WHERE (building, month) IN (SELECT building, month FROM temp.dirty_bm);
  INSERT INTO building_month(building, month, imp, exp, gen, con, n_meas, n, qmax)
    SELECT b.building, b.month, ${ROLE_SUMS('sm')}
    FROM temp.dirty_bm b CROSS JOIN series s ON s.building = b.building AND s.active = 1 AND s.electric = 1
      CROSS JOIN series_month sm ON sm.series = s.pk AND sm.month = b.month
    GROUP BY b.building, b.month;

  DELETE FROM temp.dirty_sh; DELETE FROM temp.dirty_sd; DELETE FROM temp.dirty_sm;
  DELETE FROM temp.dirty_bh; DELETE FROM temp.dirty_bd; DELETE FROM temp.dirty_bm;
`;

const TEMP_TABLES = `
  CREATE TEMP TABLE IF NOT EXISTS dirty_sh(series INTEGER, hour INTEGER, PRIMARY KEY(series, hour)) WITHOUT ROWID;
  CREATE TEMP TABLE IF NOT EXISTS dirty_sd(series INTEGER, day INTEGER, PRIMARY KEY(series, day)) WITHOUT ROWID;
  CREATE TEMP TABLE IF NOT EXISTS dirty_sm(series INTEGER, month INTEGER, PRIMARY KEY(series, month)) WITHOUT ROWID;
  CREATE TEMP TABLE IF NOT EXISTS dirty_bh(building INTEGER, hour INTEGER, PRIMARY KEY(building, hour)) WITHOUT ROWID;
  CREATE TEMP TABLE IF NOT EXISTS dirty_bd(building INTEGER, day INTEGER, PRIMARY KEY(building, day)) WITHOUT ROWID;
  CREATE TEMP TABLE IF NOT EXISTS dirty_bm(building INTEGER, month INTEGER, PRIMARY KEY(building, month)) WITHOUT ROWID;
`;

export class Rollups {
  private ready = false;
  private readonly dirty: BulkInsert;

  constructor(
    private readonly db: SqliteDb,
    private readonly calendar: Calendar,
  ) {
    this.dirty = new BulkInsert(db, 'INSERT OR IGNORE INTO temp.dirty_sh(series, hour)', 2);
  }

  /**
   * Call once, outside any transaction: tables created inside one that then rolls back (a full disk) are gone
   * again, and every later refresh would fail with 'no such table: temp.dirty_sh'.
   */
  async createTempTables(): Promise<void> {
    await this.db.exec(TEMP_TABLES);
    this.ready = true;
  }

  /** hours: series and UTC hour start (ms), flattened pairs. Call inside the transaction that wrote the intervals. */
  async refresh(pairs: readonly number[]): Promise<void> {
    if (pairs.length === 0) return;
    if (!this.ready) await this.createTempTables();
    let min = Infinity;
    let max = -Infinity;
    for (let i = 1; i < pairs.length; i += 2) {
      const h = pairs[i] as number;
      if (h < min) min = h;
      if (h > max) max = h;
    }
    await this.calendar.cover(min, max);
    await this.dirty.run(pairs);
    await this.db.exec(REFRESH_SQL);
  }

  /** Every rollup again from the intervals table (after a bulk load). */
  async rebuildAll(): Promise<void> {
    if (!this.ready) await this.createTempTables();
    const span = await this.db.get<{ lo: number | null; hi: number | null }>(
      'SELECT MIN(slot) AS lo, MAX(slot) AS hi FROM intervals',
    );
    if (span?.lo == null || span.hi == null) return;
    await this.calendar.cover(span.lo * INTERVAL_MS, span.hi * INTERVAL_MS);
    await this.db.exec(`INSERT OR IGNORE INTO temp.dirty_sh(series, hour)
      SELECT series, (slot / ${SLOTS_PER_HOUR}) * ${HOUR_MS} FROM intervals`);
    await this.db.exec(REFRESH_SQL);
  }

  async close(): Promise<void> {
    await this.dirty.close();
  }
}
