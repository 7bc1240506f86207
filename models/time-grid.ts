/** The German metering grid: 15-minute intervals aligned to UTC. */
export const INTERVAL_MS = 15 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** Start of the 15-minute interval that contains ts. */
export const intervalStart = (ts: number): number => Math.floor(ts / INTERVAL_MS) * INTERVAL_MS;

/** Hours covered by one interval, for power (kW) to energy (kWh). */
export const INTERVAL_HOURS = INTERVAL_MS / HOUR_MS;
