/** SQL behind TariffStore (tariff-store.ts); the tables come with schema 8 (migrations.ts). */
import type { QuarterHourPrice, Tariff } from '../../../models/tariffs/tariff.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { SqliteDb } from './sqlite-db.js';
import type { TariffPriceSpan, TariffStore } from './tariff-store.js';

const PRICE_ROWS_PER_INSERT = 300;

export class TariffRepo implements TariffStore {
  constructor(private readonly db: SqliteDb) {}

  async list(buildingId?: string): Promise<Tariff[]> {
    const rows = await this.db.all<{ doc: string }>(
      `SELECT doc FROM tariffs ${buildingId === undefined ? '' : 'WHERE building_id = ?'} ORDER BY building_id, carrier, json_extract(doc, '$.validFrom')`,
      buildingId === undefined ? [] : [buildingId],
    );
    return rows.map((r) => JSON.parse(r.doc) as Tariff);
  }

  async save(tariff: Tariff, prices: readonly QuarterHourPrice[] | null): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.run(
        'INSERT INTO tariffs(id, building_id, carrier, doc) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET building_id = excluded.building_id, carrier = excluded.carrier, doc = excluded.doc',
        [tariff.id, tariff.buildingId, tariff.carrier, JSON.stringify(tariff)],
      );
      if (prices === null) return;
      await this.db.run('DELETE FROM tariff_prices WHERE tariff = ?', [tariff.id]);
      // multi-row inserts: a year of quarter hours is 35,040 rows
      for (let i = 0; i < prices.length; i += PRICE_ROWS_PER_INSERT) {
        const chunk = prices.slice(i, i + PRICE_ROWS_PER_INSERT);
        await this.db.run(
          `INSERT INTO tariff_prices(tariff, slot, ct) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
          chunk.flatMap((p) => [tariff.id, p.start / INTERVAL_MS, p.ctPerKwh]),
        );
      }
    });
  }

  async remove(id: string): Promise<boolean> {
    return this.db.transaction(async () => {
      await this.db.run('DELETE FROM tariff_prices WHERE tariff = ?', [id]);
      return (await this.db.run('DELETE FROM tariffs WHERE id = ?', [id])) > 0;
    });
  }

  async prices(tariffIds: readonly string[], from: number, to: number): Promise<Map<string, Map<number, number>>> {
    const out = new Map<string, Map<number, number>>();
    for (const id of tariffIds) {
      const rows = await this.db.all<{ slot: number; ct: number }>('SELECT slot, ct FROM tariff_prices WHERE tariff = ? AND slot >= ? AND slot < ?', [
        id,
        Math.floor(from / INTERVAL_MS),
        Math.ceil(to / INTERVAL_MS),
      ]);
      out.set(id, new Map(rows.map((r) => [r.slot * INTERVAL_MS, r.ct])));
    }
    return out;
  }

  async priceSpans(): Promise<Map<string, TariffPriceSpan>> {
    const rows = await this.db.all<{ tariff: string; n: number; lo: number; hi: number }>(
      'SELECT tariff, COUNT(*) AS n, MIN(slot) AS lo, MAX(slot) AS hi FROM tariff_prices GROUP BY tariff',
    );
    return new Map(rows.map((r) => [r.tariff, { count: r.n, from: r.lo * INTERVAL_MS, to: (r.hi + 1) * INTERVAL_MS }]));
  }
}

/** Each call queued behind the store's writes, so it never lands inside a batch's transaction. */
export function queuedTariffs(repo: TariffRepo, queue: <T>(fn: () => Promise<T>) => Promise<T>): TariffStore {
  return {
    list: (buildingId) => queue(() => repo.list(buildingId)),
    save: (t, prices) => queue(() => repo.save(t, prices)),
    remove: (id) => queue(() => repo.remove(id)),
    prices: (ids, from, to) => queue(() => repo.prices(ids, from, to)),
    priceSpans: () => queue(() => repo.priceSpans()),
  };
}
