/**
 * Lays a typical-year series (a test reference year, a standard load profile) onto real dates: each target slot
 * takes the value of the same UTC month, day and time of day in the typical year; 29 February takes 28 February.
 * UTC keeps the sun where it was (PV); for behaviour-driven load profiles this shifts summer hours by the DST
 * hour, which the caller accepts or corrects.
 */
export const alignTypicalYear = (
  values: ArrayLike<number>,
  typicalStart: number,
  stepMs: number,
  targetStart: number,
  targetSlots: number,
): Float64Array => {
  const n = values.length;
  const mid = new Date(typicalStart + (n * stepMs) / 2);
  const year = mid.getUTCFullYear();
  const out = new Float64Array(targetSlots);
  for (let j = 0; j < targetSlots; j++) {
    const d = new Date(targetStart + j * stepMs);
    const month = d.getUTCMonth();
    let day = d.getUTCDate();
    if (month === 1 && day === 29) day = 28;
    const mapped = Date.UTC(year, month, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
    let i = Math.floor((mapped - typicalStart) / stepMs);
    i = ((i % n) + n) % n;
    out[j] = values[i] as number;
  }
  return out;
};
