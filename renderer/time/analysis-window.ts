/**
 * The analysis API wants periods on its grid: quarter hours at 15-minute resolution, hours from the hourly
 * rollups. Short periods get the metered resolution; longer ones the hourly rollups (same sums, hourly KPIs).
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const FIFTEEN_MINUTE_LIMIT_MS = 2 * 24 * HOUR_MS;

/** limitMs: the longest period still asked at 15 minutes (two days unless a caller needs the quarter hours longer). */
export function analysisWindow(from: number, to: number, limitMs = FIFTEEN_MINUTE_LIMIT_MS): { from: number; to: number; resolution: '15min' | 'hour' } {
  const resolution = to - from <= limitMs ? '15min' : 'hour';
  const step = resolution === '15min' ? QUARTER_HOUR_MS : HOUR_MS;
  const start = Math.floor(from / step) * step;
  const end = Math.max(start + step, Math.floor(to / step) * step);
  return { from: start, to: end, resolution };
}
