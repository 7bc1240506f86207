/**
 * The cal_hour / cal_month tables map each UTC hour to its local (Europe/Berlin) day and month, so daily and
 * monthly rollups are plain SQL joins and stay DST-correct. Filled a UTC year at a time, on demand.
 */
import { localDayStart, localMonthStart, nextLocalMonth } from '../../../models/intervals/local-calendar.js';
import { HOUR_MS } from '../../../models/time-grid.js';
import { BulkInsert } from './bulk-insert.js';
import type { SqliteDb } from './sqlite-db.js';

export class Calendar {
  private readonly years = new Set<number>();
  constructor(private readonly db: SqliteDb) {}

  /** Makes sure every hour in [from, to] is mapped. Call inside a transaction. */
  async cover(from: number, to: number): Promise<void> {
    const first = new Date(from).getUTCFullYear();
    const last = new Date(to).getUTCFullYear();
    for (let y = first; y <= last; y++) if (!this.years.has(y)) await this.fillYear(y);
  }

  private async fillYear(year: number): Promise<void> {
    const hours = new BulkInsert(this.db, 'INSERT OR IGNORE INTO cal_hour(hour, day, month)', 3, '', 2000);
    const months = new BulkInsert(this.db, 'INSERT OR IGNORE INTO cal_month(month, next)', 2);
    const rows: number[] = [];
    const monthRows: number[] = [];
    const end = Date.UTC(year + 1, 0, 1);
    let lastMonth = -1;
    for (let h = Date.UTC(year, 0, 1); h < end; h += HOUR_MS) {
      const month = localMonthStart(h);
      rows.push(h, localDayStart(h), month);
      if (month !== lastMonth) {
        monthRows.push(month, nextLocalMonth(month));
        lastMonth = month;
      }
    }
    await hours.run(rows);
    await months.run(monthRows);
    await hours.close();
    this.years.add(year);
  }
}
