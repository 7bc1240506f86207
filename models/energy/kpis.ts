import type { Carrier } from './carriers.js';
import { coverageOfCodes, type Coverage } from './coverage.js';
import { resolutionName, slotRange, type Period } from './period.js';
import { MISSING_CODE } from './quality.js';
import type { CarrierSeries } from './series.js';

/** Module-local copy: loaders that turn imports into getters would otherwise pay a call per slot. */
const MISSING = MISSING_CODE;

/**
 * Load-matching and grid-interaction indicators (IEA SHC Task 40 / EBC Annex 52, Salom et al. 2013), over the
 * slots of a series that have values. They depend on the resolution, which is therefore part of the result.
 * A ratio whose denominator is zero is null ("not defined"), never 0 or NaN.
 */
export interface KpiResult {
  readonly carrier: Carrier;
  readonly stepMs: number;
  readonly resolution: string;
  readonly slotsUsed: number;
  readonly consumptionKwh: number;
  readonly generationKwh: number;
  /** Sum over slots of generation - export (= min(G, L) per slot without storage). */
  readonly selfConsumedKwh: number;
  /** Sum over slots of consumption - import (= min(G, L) per slot without storage). */
  readonly selfSuppliedKwh: number;
  /** selfConsumed / generation. */
  readonly selfConsumption: number | null;
  /** selfSupplied / consumption (autarky). */
  readonly selfSufficiency: number | null;
  /** Mean over slots with load of min(1, G/L). */
  readonly loadMatchIndex: number | null;
  /** Population std-dev of net export (export - import) per slot / max |net export|. */
  readonly gridInteractionIndex: number | null;
  readonly coverage: Coverage;
}

export const ratioOrNull = (num: number, den: number): number | null => (den > 0 ? num / den : null);

export const computeKpis = (s: CarrierSeries, period?: Period): KpiResult => {
  const [i0, i1] = slotRange(s, period);
  const lo = Math.max(0, i0);
  const hi = Math.min(s.quality.length, i1);
  const { consumption, generation, quality } = s;
  const imp = s.import;
  const exp = s.export;
  let used = 0;
  let l = 0;
  let g = 0;
  let selfConsumed = 0;
  let selfSupplied = 0;
  let matchSum = 0;
  let matchSlots = 0;
  let netSum = 0;
  let netSqSum = 0;
  let netMaxAbs = 0;
  for (let i = lo; i < hi; i++) {
    if (quality[i] === MISSING) continue;
    used++;
    const li = consumption[i] as number;
    const gi = generation[i] as number;
    const im = imp[i] as number;
    const ex = exp[i] as number;
    l += li;
    g += gi;
    selfConsumed += gi > ex ? gi - ex : 0;
    selfSupplied += li > im ? li - im : 0;
    if (li > 0) {
      matchSum += gi >= li ? 1 : gi / li;
      matchSlots++;
    }
    const net = ex - im;
    netSum += net;
    netSqSum += net * net;
    const abs = net < 0 ? -net : net;
    if (abs > netMaxAbs) netMaxAbs = abs;
  }
  let gii: number | null = null;
  if (used > 0 && netMaxAbs > 0) {
    const mean = netSum / used;
    const variance = Math.max(0, netSqSum / used - mean * mean);
    gii = Math.sqrt(variance) / netMaxAbs;
  }
  return {
    carrier: s.carrier,
    stepMs: s.stepMs,
    resolution: resolutionName(s.stepMs),
    slotsUsed: used,
    consumptionKwh: l,
    generationKwh: g,
    selfConsumedKwh: selfConsumed,
    selfSuppliedKwh: selfSupplied,
    selfConsumption: ratioOrNull(selfConsumed, g),
    selfSufficiency: ratioOrNull(selfSupplied, l),
    loadMatchIndex: matchSlots > 0 ? matchSum / matchSlots : null,
    gridInteractionIndex: gii,
    coverage: coverageOfCodes(quality, i0, i1),
  };
};
