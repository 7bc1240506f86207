/**
 * Delay before the next try after consecutive failures: exponential, capped, with jitter in the upper half, so
 * that many devices failing together (a switch reboots) do not all come back in the same millisecond, and a dead
 * device is never retried at once. Shared by the Modbus buses, the collector and the device supervisor.
 */
export function retryBackoff(failures: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
