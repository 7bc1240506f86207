// Not a benchmark (no hyphen in the name, so the runner skips it): timing helpers the benchmarks share.
/** The shortest wall time of fn over runs, ms: the run least disturbed by other processes on a shared machine. */
export function bestOf(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}
