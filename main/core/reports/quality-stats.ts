/** Slot qualities of the analysis' series for the report's data-quality tables. */
import { MISSING_CODE, SLOT_QUALITIES, type SlotQuality } from '../../../models/energy/quality.js';
import type { CarrierSeries } from '../../../models/energy/series.js';
import type { Point } from '../../../models/types.js';
import { isBalanceRole } from '../../../models/values.js';

/** Points that enter a balance: energy carriers (not water) with a balance role. */
export const balancePoints = (points: readonly Point[]): Point[] => points.filter((p) => isBalanceRole(p.role) && p.medium !== 'water');

/** Thrown when the store answers with something no report can rest on; names the building and the cause. */
export class ReportDataError extends Error {
  override readonly name = 'ReportDataError';
}

/** Slots per quality code of a series over [i0, i1), and its longest run of missing slots. */
export const qualityStats = (s: CarrierSeries | undefined, i0: number, slots: number): { counts: Record<SlotQuality, number>; longestGap: number } => {
  const counts = Object.fromEntries(SLOT_QUALITIES.map((q) => [q, 0])) as Record<SlotQuality, number>;
  if (s === undefined) {
    counts.missing = slots;
    return { counts, longestGap: slots };
  }
  let run = 0;
  let longest = 0;
  for (let i = i0; i < i0 + slots; i++) {
    const code = s.quality[i] ?? MISSING_CODE;
    const q = SLOT_QUALITIES[code] ?? 'missing';
    counts[q]++;
    run = code === MISSING_CODE ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return { counts, longestGap: longest };
};
