/**
 * 'carriers.series': every carrier of a building or of the district over time, for the panel's and the dashboard's
 * charts. The series are the analysis' own (loadDistrictProfiles: the same meter roles, the same fuel derived behind
 * metered heat), read from the hourly rollups and summed into local hours, days or months of the site's zone.
 */
import type { CarrierBucket, CarrierSeriesArgs, CarrierSeriesResult, CarrierSeriesView, DistrictView } from '../../../models/contract/index.js';
import { CARRIERS, type Carrier } from '../../../models/energy/carriers.js';
import { MISSING_CODE } from '../../../models/energy/quality.js';
import type { CarrierSeries } from '../../../models/energy/series.js';
import { err, ok, type Result } from '../../../models/result.js';
import { HOUR_MS } from '../../../models/time-grid.js';
import type { Store } from '../store/store.js';
import { loadDistrictProfiles } from './load-profiles.js';
import { localParts, zonedToUtc } from './local-time.js';

/** Longest period one call may ask for: a year and a day (a leap year, a DST change). */
const MAX_SPAN_MS = 367 * 24 * HOUR_MS;

/** Start of the local hour, day or month holding ts. */
export const bucketStart = (ts: number, step: CarrierSeriesArgs['step'], timeZone: string): number => {
  if (step === 'hour') return Math.floor(ts / HOUR_MS) * HOUR_MS;
  const p = localParts(ts, timeZone);
  return step === 'day' ? zonedToUtc(p.year, p.month0, p.day, timeZone) : zonedToUtc(p.year, p.month0, 1, timeZone);
};

interface Acc {
  consumption: number;
  generation: number;
  valued: number;
  slots: number;
}

/** Sums the slots of several series of one carrier (buildings of the district) into buckets. */
const bucketsOf = (series: readonly CarrierSeries[], starts: readonly number[]): CarrierBucket[] => {
  const acc = new Map<number, Acc>();
  for (const s of series) {
    for (let i = 0; i < s.quality.length; i++) {
      const key = starts[i] as number;
      let a = acc.get(key);
      if (a === undefined) acc.set(key, (a = { consumption: 0, generation: 0, valued: 0, slots: 0 }));
      a.slots += 1;
      if (s.quality[i] === MISSING_CODE) continue;
      a.valued += 1;
      a.consumption += s.consumption[i] as number;
      a.generation += s.generation[i] as number;
    }
  }
  return [...acc.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([start, a]) => ({ start, consumptionKwh: a.consumption, generationKwh: a.generation, coverage: a.slots === 0 ? 0 : a.valued / a.slots }));
};

export const carrierSeries = async (store: Store, view: DistrictView, args: CarrierSeriesArgs): Promise<Result<CarrierSeriesResult>> => {
  const from = Math.floor(args.from / HOUR_MS) * HOUR_MS;
  const to = Math.max(from + HOUR_MS, Math.ceil(args.to / HOUR_MS) * HOUR_MS);
  if (to - from > MAX_SPAN_MS) return err('validation', 'the period may span at most 367 days', 'to');
  const buildings = args.buildingId === undefined ? view.buildings : view.buildings.filter((b) => b.id === args.buildingId);
  if (buildings.length === 0 && args.buildingId !== undefined) return err('not-found', `no building '${args.buildingId}' in the district`, 'buildingId');
  const timeZone = view.site.timezone;
  const loaded = await loadDistrictProfiles(store, { ...view, buildings }, { from, to, step: 'hour' });
  if (!loaded.ok) return loaded;
  const n = (to - from) / HOUR_MS;
  const starts = Array.from({ length: n }, (_, i) => bucketStart(from + i * HOUR_MS, args.step, timeZone));
  const derived = new Set(loaded.value.heat.map((h) => `${h.buildingId}|${h.supply.carrier}`));
  const byCarrier = new Map<Carrier, { series: CarrierSeries[]; derivedOnly: boolean }>();
  for (const p of loaded.value.profiles) {
    for (const s of p.series) {
      const entry = byCarrier.get(s.carrier) ?? { series: [], derivedOnly: true };
      entry.series.push(s);
      entry.derivedOnly &&= derived.has(`${p.buildingId}|${s.carrier}`);
      byCarrier.set(s.carrier, entry);
    }
  }
  // electricity, then metered heat, then the fuels behind it and the other carriers in the models' order
  const order: readonly Carrier[] = ['electricity', 'heat', ...CARRIERS.filter((c) => c !== 'electricity' && c !== 'heat')];
  const carriers: CarrierSeriesView[] = order.flatMap((carrier) => {
    const entry = byCarrier.get(carrier);
    if (entry === undefined) return [];
    const buckets = bucketsOf(entry.series, starts);
    return [
      {
        carrier,
        source: entry.derivedOnly ? 'derived' : 'metered',
        consumptionKwh: buckets.reduce((a, b) => a + b.consumptionKwh, 0),
        generationKwh: buckets.reduce((a, b) => a + b.generationKwh, 0),
        buckets,
      } satisfies CarrierSeriesView,
    ];
  });
  const heat = args.buildingId === undefined ? undefined : loaded.value.heat[0];
  return ok({
    buildingId: args.buildingId ?? null,
    from,
    to,
    step: args.step,
    timeZone,
    carriers,
    heatSupply: heat === undefined ? null : { ...heat.supply, origin: heat.origin },
  });
};
