import { INTERNAL_CARRIERS, type Carrier } from './carriers.js';
import { addCoverage, coverageOf, type Coverage } from './coverage.js';
import { slotRange, type Period } from './period.js';
import { MEASURED_CODE, MISSING_CODE } from './quality.js';
import type { BuildingProfile, CarrierSeries } from './series.js';

export interface CarrierBalance {
  readonly carrier: Carrier;
  readonly consumptionKwh: number;
  readonly generationKwh: number;
  readonly importKwh: number;
  readonly exportKwh: number;
  /** import - export: negative means the building delivered more of this carrier than it drew. */
  readonly netImportKwh: number;
  /** Generation used on site: generation - export per slot (= min(G, L) without storage). */
  readonly selfConsumedKwh: number;
  readonly coverage: Coverage;
}

export interface BalanceResult {
  readonly buildingId: string;
  readonly period: Period;
  readonly carriers: readonly CarrierBalance[];
  /** Over all carriers' slots together. */
  readonly coverage: Coverage;
}

/** Totals of one series over a period; missing slots add nothing and are counted in coverage. */
export const carrierBalance = (s: CarrierSeries, period?: Period): CarrierBalance => {
  const [i0, i1] = slotRange(s, period);
  const lo = Math.max(0, i0);
  const hi = Math.min(s.quality.length, i1);
  let l = 0;
  let g = 0;
  let im = 0;
  let ex = 0;
  let self = 0;
  let measured = 0;
  let missing = 0;
  const { consumption, generation, quality } = s;
  const imp = s.import;
  const exp = s.export;
  // Local copies: an imported binding read in a hot loop costs a getter call per slot under some loaders.
  const missingCode = MISSING_CODE;
  const measuredCode = MEASURED_CODE;
  // One pass for sums and coverage: a district year is millions of slots.
  for (let i = lo; i < hi; i++) {
    const code = quality[i] as number;
    if (code === missingCode) {
      missing++;
      continue;
    }
    if (code === measuredCode) measured++;
    const gi = generation[i] as number;
    const ei = exp[i] as number;
    l += consumption[i] as number;
    g += gi;
    im += imp[i] as number;
    ex += ei;
    self += gi > ei ? gi - ei : 0;
  }
  const slots = Math.max(0, i1 - i0);
  missing += slots - Math.max(0, hi - lo);
  return {
    carrier: s.carrier,
    consumptionKwh: l,
    generationKwh: g,
    importKwh: im,
    exportKwh: ex,
    netImportKwh: im - ex,
    selfConsumedKwh: self,
    coverage: coverageOf(measured, slots - measured - missing, missing),
  };
};

/** Balance of one building per carrier over a period (the whole series when period is omitted). */
export const computeBalance = (profile: BuildingProfile, period?: Period): BalanceResult => {
  const carriers = profile.series.map((s) => carrierBalance(s, period));
  const first = profile.series[0];
  const p = period ?? (first === undefined ? { from: 0, to: 0 } : { from: first.start, to: first.start + first.quality.length * first.stepMs });
  return { buildingId: profile.buildingId, period: p, carriers, coverage: addCoverage(carriers.map((c) => c.coverage)) };
};

export interface DistrictBalanceResult {
  readonly period: Period;
  readonly buildings: readonly BalanceResult[];
  /** Per carrier, summed over buildings. */
  readonly carriers: readonly CarrierBalance[];
  readonly coverage: Coverage;
}

const sumCarrier = (carrier: Carrier, items: readonly CarrierBalance[]): CarrierBalance => {
  const sum = (k: 'consumptionKwh' | 'generationKwh' | 'importKwh' | 'exportKwh' | 'selfConsumedKwh'): number =>
    items.reduce((s, c) => s + c[k], 0);
  return {
    carrier,
    consumptionKwh: sum('consumptionKwh'),
    generationKwh: sum('generationKwh'),
    importKwh: sum('importKwh'),
    exportKwh: sum('exportKwh'),
    netImportKwh: sum('importKwh') - sum('exportKwh'),
    selfConsumedKwh: sum('selfConsumedKwh'),
    coverage: addCoverage(items.map((c) => c.coverage)),
  };
};

/**
 * Sum of the single buildings' balances (each building behind its own meter). What sharing between them
 * would change is districtSharing's job.
 */
export const computeDistrictBalance = (profiles: readonly BuildingProfile[], period: Period): DistrictBalanceResult => {
  const buildings = profiles.map((p) => computeBalance(p, period));
  const byCarrier = new Map<Carrier, CarrierBalance[]>();
  for (const b of buildings) {
    for (const c of b.carriers) {
      const list = byCarrier.get(c.carrier) ?? [];
      list.push(c);
      byCarrier.set(c.carrier, list);
    }
  }
  const carriers = [...byCarrier].map(([carrier, items]) => sumCarrier(carrier, items));
  return { period, buildings, carriers, coverage: addCoverage(buildings.map((b) => b.coverage)) };
};

/** Final energy drawn across the boundary minus final energy delivered, over the carriers that cross it. */
export const finalEnergyNetImport = (carriers: readonly CarrierBalance[], internal: readonly Carrier[] = INTERNAL_CARRIERS): number =>
  carriers.reduce((s, c) => (internal.includes(c.carrier) ? s : s + c.netImportKwh), 0);
