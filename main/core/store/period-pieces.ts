/**
 * Splits [from, to) into the coarsest rollup levels that tile it exactly: whole local months, whole local days,
 * whole hours, and 15-minute slots at the ragged ends. Adjacent pieces of one level are merged into ranges.
 */
import { localDayStart, localMonthStart, nextLocalDay, nextLocalMonth } from '../../../models/intervals/local-calendar.js';
import { HOUR_MS, INTERVAL_MS } from '../../../models/time-grid.js';

export type Level = 'month' | 'day' | 'hour' | 'slot';
export type Ranges = Record<Level, [number, number][]>;

export function periodPieces(from: number, to: number): Ranges {
  const out: Ranges = { month: [], day: [], hour: [], slot: [] };
  const push = (level: Level, a: number, b: number) => {
    const list = out[level];
    const last = list[list.length - 1];
    if (last !== undefined && last[1] === a) last[1] = b;
    else list.push([a, b]);
  };
  let t = Math.ceil(from / INTERVAL_MS) * INTERVAL_MS;
  while (t < to) {
    if (t % HOUR_MS !== 0 || t + HOUR_MS > to) {
      const b = Math.min(to, Math.floor(t / HOUR_MS) * HOUR_MS + HOUR_MS);
      push('slot', t, b);
      t = b;
    } else if (localMonthStart(t) === t && nextLocalMonth(t) <= to) {
      const b = nextLocalMonth(t);
      push('month', t, b);
      t = b;
    } else if (localDayStart(t) === t && nextLocalDay(t) <= to) {
      const b = nextLocalDay(t);
      push('day', t, b);
      t = b;
    } else {
      push('hour', t, t + HOUR_MS);
      t += HOUR_MS;
    }
  }
  return out;
}

/** Number of 15-minute slots starting in [from, to). */
export const slotCount = (from: number, to: number): number =>
  Math.max(0, Math.ceil(to / INTERVAL_MS) - Math.ceil(from / INTERVAL_MS));
