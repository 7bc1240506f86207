/**
 * What a building's metered energy cost under its tariffs, per quarter hour (docs/costs.md):
 * - energy: each slot's import x the price valid at the slot's start (a dynamic tariff: that quarter hour's price
 *   plus the tariff's surcharge; an hourly slot takes the mean of its quarter hours' prices);
 * - feed-in: each slot's export x the feed-in payment valid then;
 * - fixed: a month's fixed charge is split equally over the local calendar days of that month, and a day's share
 *   over its real length (23, 24 or 25 hours), so a period of whole local days pays 1/days-in-month per day,
 *   DST days included;
 * - net = energy + fixed - feed-in;
 * - reference ("without own generation"): what the building would have paid had it bought everything it used of
 *   its own generation (self-consumed = generation - export per slot) at the same prices and sold nothing:
 *   reference = Σ (import + self-consumed) x price + fixed; savings = reference - net.
 * Missing slots add nothing (as in the balances); energy outside every tariff's validity, or a quarter hour a
 * dynamic tariff has no price for, is counted as unpriced kWh and never as 0 EUR silently.
 */
import type { Carrier } from '../energy/carriers.js';
import type { Period } from '../energy/period.js';
import { MISSING_CODE } from '../energy/quality.js';
import type { CarrierSeries } from '../energy/series.js';
import type { Tariff } from './tariff.js';

const QUARTER_HOUR_MS = 900_000;

/** A tariff with its validity as UTC instants (local midnights resolved by the caller, who knows the time zone). */
export interface TariffWindow {
  readonly tariff: Tariff;
  readonly from: number;
  /** Infinity when open-ended. */
  readonly to: number;
  /** Dynamic tariffs: ct/kWh per quarter hour by the slot's UTC start. */
  readonly prices: ReadonlyMap<number, number> | null;
}

/** One local calendar day, [from, to) in UTC, and how many days its month has (the fixed charge's divisor). */
export interface LocalDay {
  readonly from: number;
  readonly to: number;
  readonly daysInMonth: number;
}

/** The money of a period, for one carrier or all together. */
export interface CostParts {
  readonly energyEur: number;
  readonly fixedEur: number;
  readonly feedInEur: number;
  /** energy + fixed - feed-in */
  readonly netEur: number;
  readonly referenceEur: number;
  /** reference - net */
  readonly savingsEur: number;
  /** Imported in slots no tariff (or no dynamic price) covers: not in energyEur. */
  readonly unpricedImportKwh: number;
}

export interface CarrierCost extends CostParts {
  readonly carrier: Carrier;
  /** The tariffs that priced any part of the period. */
  readonly tariffIds: readonly string[];
  readonly pricedImportKwh: number;
  readonly unpricedExportKwh: number;
}

export interface CostFigures extends CostParts {
  /** false when no tariff covers any part of the period: surfaces say "no tariff", never 0 EUR. */
  readonly hasTariffs: boolean;
  readonly carriers: readonly CarrierCost[];
}

const overlap = (a0: number, a1: number, b0: number, b1: number): number => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** The fixed charges of the windows over the period, prorated per local day (see the file comment). */
export const fixedCharges = (windows: readonly TariffWindow[], period: Period, days: readonly LocalDay[]): Map<string, number> => {
  const out = new Map<string, number>();
  for (const w of windows) {
    if (w.tariff.fixedEurPerMonth === 0) continue;
    let eur = 0;
    for (const d of days) {
      const ms = overlap(d.from, d.to, Math.max(period.from, w.from), Math.min(period.to, w.to));
      if (ms > 0) eur += (w.tariff.fixedEurPerMonth / d.daysInMonth) * (ms / (d.to - d.from));
    }
    if (eur !== 0) out.set(w.tariff.id, eur);
  }
  return out;
};

/** ct/kWh of a slot [t, t + stepMs) under w, or NaN when a dynamic tariff has no price for it. */
const slotPrice = (w: TariffWindow, t: number, stepMs: number): number => {
  if (w.prices === null) return w.tariff.energyCtPerKwh;
  if (stepMs <= QUARTER_HOUR_MS) {
    const p = w.prices.get(t);
    return p === undefined ? Number.NaN : p + w.tariff.energyCtPerKwh;
  }
  // an hourly slot: the mean of the quarter hours that have a price (the energy inside the hour is not known per quarter)
  let sum = 0;
  let n = 0;
  for (let q = t; q < t + stepMs; q += QUARTER_HOUR_MS) {
    const p = w.prices.get(q);
    if (p !== undefined) {
      sum += p;
      n++;
    }
  }
  return n === 0 ? Number.NaN : sum / n + w.tariff.energyCtPerKwh;
};

/**
 * Costs of one carrier of one building over the period. windows: that building's tariffs for this carrier, sorted
 * by start and not overlapping; series undefined when the carrier is not metered (the fixed charge still applies).
 */
export const carrierCost = (
  carrier: Carrier,
  series: CarrierSeries | undefined,
  windows: readonly TariffWindow[],
  period: Period,
  days: readonly LocalDay[],
): CarrierCost => {
  const used = new Set<string>();
  const fixed = fixedCharges(windows, period, days);
  for (const id of fixed.keys()) used.add(id);
  let energyCt = 0;
  let feedInCt = 0;
  let selfCt = 0;
  let pricedImport = 0;
  let unpricedImport = 0;
  let unpricedExport = 0;
  if (series !== undefined && windows.length > 0) {
    const step = series.stepMs;
    const i0 = Math.max(0, Math.ceil((period.from - series.start) / step));
    const i1 = Math.min(series.quality.length, Math.floor((period.to - series.start) / step));
    let k = 0;
    for (let i = i0; i < i1; i++) {
      if (series.quality[i] === MISSING_CODE) continue;
      const t = series.start + i * step;
      while (k < windows.length && (windows[k] as TariffWindow).to <= t) k++;
      const w = windows[k];
      const im = series.import[i] as number;
      const ex = series.export[i] as number;
      const g = series.generation[i] as number;
      const self = g > ex ? g - ex : 0;
      if (w === undefined || w.from > t) {
        unpricedImport += im;
        unpricedExport += ex;
        continue;
      }
      used.add(w.tariff.id);
      feedInCt += ex * w.tariff.feedInCtPerKwh;
      const price = slotPrice(w, t, step);
      if (Number.isNaN(price)) {
        unpricedImport += im;
        continue;
      }
      energyCt += im * price;
      selfCt += self * price;
      pricedImport += im;
    }
  }
  const fixedEur = [...fixed.values()].reduce((s, v) => s + v, 0);
  const energyEur = energyCt / 100;
  const feedInEur = feedInCt / 100;
  const netEur = energyEur + fixedEur - feedInEur;
  const referenceEur = (energyCt + selfCt) / 100 + fixedEur;
  return {
    carrier,
    tariffIds: windows.filter((w) => used.has(w.tariff.id)).map((w) => w.tariff.id),
    energyEur,
    fixedEur,
    feedInEur,
    netEur,
    referenceEur,
    savingsEur: referenceEur - netEur,
    pricedImportKwh: pricedImport,
    unpricedImportKwh: unpricedImport,
    unpricedExportKwh: unpricedExport,
  };
};

const PART_KEYS = ['energyEur', 'fixedEur', 'feedInEur', 'netEur', 'referenceEur', 'savingsEur', 'unpricedImportKwh'] as const;

/** The money parts added up over a list (carriers, or one carrier over buildings). */
const sumParts = (list: readonly CostParts[]): CostParts =>
  Object.fromEntries(PART_KEYS.map((k) => [k, list.reduce((s, c) => s + c[k], 0)])) as unknown as CostParts;

/** Totals over carriers (a building) or over buildings' totals (the district: each building behind its own meter). */
export const sumCosts = (carriers: readonly CarrierCost[]): CostFigures => ({
  hasTariffs: carriers.some((c) => c.tariffIds.length > 0),
  ...sumParts(carriers),
  carriers,
});

/** The district's costs per carrier: the buildings' carrier costs added up. */
export const districtCosts = (buildings: readonly CostFigures[]): CostFigures => {
  const by = new Map<Carrier, CarrierCost[]>();
  for (const b of buildings) for (const c of b.carriers) by.set(c.carrier, [...(by.get(c.carrier) ?? []), c]);
  const carriers = [...by.entries()].map(
    ([carrier, list]): CarrierCost => ({
      carrier,
      tariffIds: list.flatMap((c) => c.tariffIds),
      ...sumParts(list),
      pricedImportKwh: list.reduce((s, c) => s + c.pricedImportKwh, 0),
      unpricedExportKwh: list.reduce((s, c) => s + c.unpricedExportKwh, 0),
    }),
  );
  return sumCosts(carriers);
};
