import type { SkyTable } from '../solar/sky.js';
import { alignTypicalYear } from '../weather/typical-year.js';

/**
 * A typical-year PV profile (per weather slot) laid onto a measured grid: same UTC date and time in the
 * typical year, weather slots summed when the grid is coarser (an hourly rollup over a 15-minute TRY).
 * Returns a message when the grid step is not a whole multiple of the weather step.
 */
export const pvOnGrid = (
  perWeatherSlot: Float64Array,
  sky: SkyTable,
  start: number,
  stepMs: number,
  slots: number,
): Float64Array | string => {
  const k = stepMs / sky.stepMs;
  if (!Number.isInteger(k) || k < 1) {
    return `the series step (${stepMs / 60_000} min) is not a whole multiple of the weather step (${sky.stepMs / 60_000} min)`;
  }
  const fine = alignTypicalYear(perWeatherSlot, sky.start, sky.stepMs, start, slots * k);
  if (k === 1) return fine;
  const out = new Float64Array(slots);
  for (let j = 0; j < slots; j++) {
    let s = 0;
    for (let m = 0; m < k; m++) s += fine[j * k + m] as number;
    out[j] = s;
  }
  return out;
};
