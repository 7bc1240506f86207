/**
 * From per-role energy sums to a building's balance and series buckets, for both stores (SQLite and the central
 * PostgreSQL one): with a grid meter consumption is import - export + generation (consumption meters are a
 * breakdown); without one the consumption meters are the total and the exchange follows from the completion rule
 * (per bucket here, per slot in the analysis). docs/energy-models.md.
 */
import type { BuildingBalance, SeriesBucket } from '../../../models/contract/index.js';
import { qualityFromCode } from '../../../models/intervals/quality.js';

/** Energies per role (kWh), measured intervals and the worst quality code of a building over some time. */
export interface SlotSums {
  imp: number;
  exp: number;
  gen: number;
  con: number;
  n_meas: number;
  qmax: number;
}

/** What the rules need of a building: its active electric series and whether one of them is a grid meter. */
export interface BuildingRoles {
  readonly nSeries: number;
  readonly hasGrid: boolean;
}

const EMPTY: SlotSums = { imp: 0, exp: 0, gen: 0, con: 0, n_meas: 0, qmax: 0 };

export const consumptionOf = (b: BuildingRoles, s: SlotSums): number => (b.hasGrid ? s.imp - s.exp + s.gen : s.con);

/** Adds rows of sums per building into `totals` (the pieces of a period: months, days, hours, slots). */
export function addSums<K>(totals: Map<K, SlotSums>, rows: readonly (SlotSums & { building: K })[]): void {
  for (const r of rows) {
    const t = totals.get(r.building);
    if (t === undefined) totals.set(r.building, { ...r });
    else {
      t.imp += r.imp;
      t.exp += r.exp;
      t.gen += r.gen;
      t.con += r.con;
      t.n_meas += r.n_meas;
      t.qmax = Math.max(t.qmax, r.qmax);
    }
  }
}

/** A building's balance over [from, to) of `slots` quarter hours from its summed roles. */
export function balanceOf(buildingId: string, from: number, to: number, b: BuildingRoles, sums: SlotSums | undefined, slots: number): BuildingBalance {
  const s = sums ?? EMPTY;
  const consumptionKwh = consumptionOf(b, s);
  const expected = slots * b.nSeries;
  return {
    buildingId,
    from,
    to,
    consumptionKwh,
    generationKwh: s.gen,
    importKwh: s.imp,
    exportKwh: s.exp,
    netKwh: consumptionKwh - s.gen,
    coverage: expected === 0 ? 0 : Math.min(1, s.n_meas / expected),
  };
}

/** One series bucket from a bucket's summed roles. */
export function bucketOf(b: BuildingRoles, r: SlotSums & { start: number }): SeriesBucket {
  const l = consumptionOf(b, r);
  return {
    start: r.start,
    consumptionKwh: l,
    generationKwh: r.gen,
    importKwh: b.hasGrid ? r.imp : Math.max(0, l - r.gen),
    exportKwh: b.hasGrid ? r.exp : Math.max(0, r.gen - l),
    quality: qualityFromCode(r.qmax),
  };
}
