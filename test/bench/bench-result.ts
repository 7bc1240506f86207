/** One figure a benchmark reports; the runner (test/bench/run.ts) writes them to bench-results.json and the README. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The same work done the naive way in the same run, because these machines are noisy. */
  readonly baseline?: { readonly name: string; readonly value: number };
  readonly note?: string;
}
