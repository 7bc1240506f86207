/**
 * A float32 register holds a value like 4567.8 as the nearest float, 4567.7998046875; read into a float64 it
 * prints as 4567.7998046875 and every later step (probe, UI, exports) shows a precision the meter never had.
 * The shortest decimal that rounds to the same float32 is the value the meter meant, and it is exact in the
 * sense that matters: Math.fround of it gives back the very bits read. At most 9 significant digits are ever
 * needed for a float32 (IEEE 754: 9 digits round-trip every binary32).
 */
export const shortestFloat32 = (f: number): number => {
  if (!Number.isFinite(f) || f === 0) return f;
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(f.toPrecision(digits));
    if (Math.fround(candidate) === f) return candidate;
  }
  return f;
};
