import type { Carrier } from './carriers.js';
import { computeKpis, ratioOrNull, type KpiResult } from './kpis.js';
import { MISSING_CODE } from './quality.js';
import { sumSeries } from './district.js';
import type { Period } from './period.js';
import { findSeries, type BuildingProfile, type CarrierSeries } from './series.js';

/** Module-local copy: loaders that turn imports into getters would otherwise pay a call per slot. */
const MISSING = MISSING_CODE;

export interface SharingTotals {
  readonly consumptionKwh: number;
  readonly generationKwh: number;
  readonly importKwh: number;
  readonly exportKwh: number;
  readonly selfConsumedKwh: number;
  readonly selfConsumption: number | null;
  readonly selfSufficiency: number | null;
}

export interface SharingResult {
  readonly carrier: Carrier;
  readonly period: Period;
  /** KPIs of each building behind its own meter, on the slots every building has. */
  readonly buildings: readonly (KpiResult & { readonly buildingId: string })[];
  /** Sum of the single buildings. */
  readonly singles: SharingTotals;
  /** KPIs of the summed district profile (one virtual grid connection). */
  readonly district: KpiResult;
  /** Energy that sharing keeps in the district: less import and, equally, less export, kWh. */
  readonly gainKwh: number;
  /** gain / singles' import: the share of grid supply that sharing saves (0..1), null without import. */
  readonly importReduction: number | null;
  /** District minus singles, in share points (0..1). */
  readonly selfConsumptionGain: number | null;
  readonly selfSufficiencyGain: number | null;
}

/** The same series with every slot missing that is missing in the mask; keeps the comparison like for like. */
const masked = (s: CarrierSeries, mask: Uint8Array, period: Period): CarrierSeries => {
  const n = mask.length;
  const i0 = (period.from - s.start) / s.stepMs;
  const pick = (col: Float64Array): Float64Array => {
    const out = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const i = i0 + j;
      out[j] = mask[j] === MISSING || i < 0 || i >= col.length ? Number.NaN : (col[i] as number);
    }
    return out;
  };
  const quality = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const i = i0 + j;
    quality[j] = mask[j] === MISSING || i < 0 || i >= s.quality.length ? MISSING : (s.quality[i] as number);
  }
  return { ...s, start: period.from, consumption: pick(s.consumption), generation: pick(s.generation), import: pick(s.import), export: pick(s.export), quality };
};

/**
 * What sharing surplus between neighbours is worth: KPIs of the summed district profile next to the sum of the
 * single buildings, both over the slots that every building has (the summed profile's missing mask).
 * Buildings without the carrier are left out.
 */
export const districtSharing = (profiles: readonly BuildingProfile[], period: Period, carrier: Carrier = 'electricity'): SharingResult => {
  const members = profiles.flatMap((p) => {
    const s = findSeries(p, carrier);
    return s === undefined ? [] : [{ id: p.buildingId, s }];
  });
  const summed = sumSeries(
    members.map((m) => m.s),
    carrier,
    period,
  );
  const district = computeKpis(summed);
  const buildings = members.map((m) => ({ buildingId: m.id, ...computeKpis(masked(m.s, summed.quality, period)) }));
  const sum = (f: (k: KpiResult) => number): number => buildings.reduce((a, b) => a + f(b), 0);
  const singlesImport = sum((k) => k.consumptionKwh - k.selfSuppliedKwh);
  const singles: SharingTotals = {
    consumptionKwh: sum((k) => k.consumptionKwh),
    generationKwh: sum((k) => k.generationKwh),
    importKwh: singlesImport,
    exportKwh: sum((k) => k.generationKwh - k.selfConsumedKwh),
    selfConsumedKwh: sum((k) => k.selfConsumedKwh),
    selfConsumption: ratioOrNull(sum((k) => k.selfConsumedKwh), sum((k) => k.generationKwh)),
    selfSufficiency: ratioOrNull(sum((k) => k.selfSuppliedKwh), sum((k) => k.consumptionKwh)),
  };
  const gainKwh = district.selfSuppliedKwh - sum((k) => k.selfSuppliedKwh);
  const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);
  return {
    carrier,
    period,
    buildings,
    singles,
    district,
    gainKwh,
    importReduction: ratioOrNull(gainKwh, singlesImport),
    selfConsumptionGain: diff(district.selfConsumption, singles.selfConsumption),
    selfSufficiencyGain: diff(district.selfSufficiency, singles.selfSufficiency),
  };
};
