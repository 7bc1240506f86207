import type { Carrier } from './carriers.js';
import { ModelInputError } from './errors.js';
import { slotRange, type Period } from './period.js';
import { MISSING_CODE } from './quality.js';
import type { BuildingProfile, CarrierSeries } from './series.js';

/** Module-local copy: loaders that turn imports into getters would otherwise pay a call per slot. */
const MISSING = MISSING_CODE;

/**
 * One carrier of several buildings summed slot by slot over a period, as if the buildings sat behind one
 * grid connection: consumption and generation add up, and what the district draws or feeds in is the
 * positive/negative part of the summed net import, so simultaneous surplus of one building covers another's
 * load. A slot is missing when any building misses it, because a sum with a hole would read as a saving.
 */
export const sumSeries = (items: readonly CarrierSeries[], carrier: Carrier, period: Period): CarrierSeries => {
  const first = items[0];
  const step = first?.stepMs ?? 0;
  if (first === undefined) throw new ModelInputError('no series to sum', 'series');
  items.forEach((s, k) => {
    if (s.stepMs !== step) throw new ModelInputError(`step ${s.stepMs} ms differs from ${step} ms`, `series[${k}].stepMs`);
  });
  const n = (period.to - period.from) / step;
  if (!Number.isInteger(n) || n < 0) throw new ModelInputError(`period is not a whole number of ${step} ms steps`, 'period');
  const l = new Float64Array(n);
  const g = new Float64Array(n);
  const net = new Float64Array(n);
  const q = new Uint8Array(n);
  for (const s of items) {
    const [i0] = slotRange(s, period);
    const len = s.quality.length;
    for (let j = 0; j < n; j++) {
      const i = i0 + j;
      const code = i >= 0 && i < len ? (s.quality[i] as number) : MISSING;
      if (code > (q[j] as number)) q[j] = code;
      if (code === MISSING) continue;
      l[j] = (l[j] as number) + (s.consumption[i] as number);
      g[j] = (g[j] as number) + (s.generation[i] as number);
      net[j] = (net[j] as number) + (s.import[i] as number) - (s.export[i] as number);
    }
  }
  const imp = new Float64Array(n);
  const exp = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (q[j] === MISSING) {
      l[j] = g[j] = imp[j] = exp[j] = Number.NaN;
      continue;
    }
    const x = net[j] as number;
    imp[j] = x > 0 ? x : 0;
    exp[j] = x < 0 ? -x : 0;
  }
  return { carrier, start: period.from, stepMs: step, consumption: l, generation: g, import: imp, export: exp, quality: q };
};

/** The district as one building: every carrier any building has, summed over the period. */
export const sumProfiles = (profiles: readonly BuildingProfile[], period: Period, id = 'district'): BuildingProfile => {
  const carriers = [...new Set(profiles.flatMap((p) => p.series.map((s) => s.carrier)))];
  return {
    buildingId: id,
    series: carriers.map((c) =>
      sumSeries(
        profiles.flatMap((p) => p.series.filter((s) => s.carrier === c)),
        c,
        period,
      ),
    ),
  };
};
