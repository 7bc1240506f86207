import type { Carrier } from '../energy/carriers.js';
import type { Period } from '../energy/period.js';
import { MISSING_CODE, qualityCode } from '../energy/quality.js';
import type { CarrierSeries } from '../energy/series.js';

/** Module-local copy: loaders that turn imports into getters would otherwise pay a call per slot. */
const MISSING = MISSING_CODE;

/** A mutable copy of one carrier over the scenario period; slots outside the measured series are missing. */
export interface WorkSeries {
  readonly carrier: Carrier;
  readonly start: number;
  readonly stepMs: number;
  readonly l: Float64Array;
  readonly g: Float64Array;
  im: Float64Array;
  ex: Float64Array;
  readonly q: Uint8Array;
}

export const windowOf = (s: CarrierSeries, period: Period): WorkSeries | string => {
  const n = (period.to - period.from) / s.stepMs;
  const i0 = (period.from - s.start) / s.stepMs;
  if (!Number.isInteger(n) || !Number.isInteger(i0)) return `the ${s.carrier} series (step ${s.stepMs} ms) is not on the grid of the period`;
  const w: WorkSeries = {
    carrier: s.carrier,
    start: period.from,
    stepMs: s.stepMs,
    l: new Float64Array(n),
    g: new Float64Array(n),
    im: new Float64Array(n),
    ex: new Float64Array(n),
    q: new Uint8Array(n),
  };
  for (let j = 0; j < n; j++) {
    const i = i0 + j;
    const code = i >= 0 && i < s.quality.length ? (s.quality[i] as number) : MISSING;
    w.q[j] = code;
    if (code === MISSING) {
      w.l[j] = w.g[j] = w.im[j] = w.ex[j] = Number.NaN;
      continue;
    }
    w.l[j] = s.consumption[i] as number;
    w.g[j] = s.generation[i] as number;
    w.im[j] = s.import[i] as number;
    w.ex[j] = s.export[i] as number;
  }
  return w;
};

/** An all-zero series for a building that had no meter of this carrier; its slots are estimates, not measurements. */
export const emptyWork = (carrier: Carrier, period: Period, stepMs: number): WorkSeries => {
  const n = Math.floor((period.to - period.from) / stepMs);
  return {
    carrier,
    start: period.from,
    stepMs,
    l: new Float64Array(n),
    g: new Float64Array(n),
    im: new Float64Array(n),
    ex: new Float64Array(n),
    q: new Uint8Array(n).fill(qualityCode('estimated')),
  };
};

/**
 * Adds demand (delta > 0) or supply (delta < 0) to slot j and moves the grid exchange accordingly: extra demand
 * eats export first, then raises import; extra supply cuts import first, then raises export. Measured slots with
 * both import and export keep both when nothing changes.
 */
export const shiftNet = (w: WorkSeries, j: number, delta: number): void => {
  const im = w.im[j] as number;
  const ex = w.ex[j] as number;
  if (delta >= 0) {
    const fromExport = Math.min(ex, delta);
    w.ex[j] = ex - fromExport;
    w.im[j] = im + (delta - fromExport);
  } else {
    const supply = -delta;
    const offImport = Math.min(im, supply);
    w.im[j] = im - offImport;
    w.ex[j] = ex + (supply - offImport);
  }
};

export const toSeries = (w: WorkSeries): CarrierSeries => ({
  carrier: w.carrier,
  start: w.start,
  stepMs: w.stepMs,
  consumption: w.l,
  generation: w.g,
  import: w.im,
  export: w.ex,
  quality: w.q,
});
