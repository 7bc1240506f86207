/**
 * A year of per-interval energies that repeats, integrated in O(1): the counter value at any instant is whole
 * years + a prefix sum + the elapsed part of the current interval. This is what lets the demo's history, its live
 * simulators and a restart agree on every counter without keeping state.
 */
import { INTERVALS_PER_YEAR } from './profile-file.js';

export class CumulativeProfile {
  private readonly prefix: Float64Array;
  readonly yearTotal: number;

  /** @param perInterval energy in each 15-minute interval of the year (kWh) */
  constructor(private readonly perInterval: Float64Array) {
    if (perInterval.length !== INTERVALS_PER_YEAR) throw new Error(`a cumulative profile needs ${INTERVALS_PER_YEAR} intervals`);
    this.prefix = new Float64Array(perInterval.length + 1);
    for (let i = 0; i < perInterval.length; i++) this.prefix[i + 1] = (this.prefix[i] as number) + (perInterval[i] as number);
    this.yearTotal = this.prefix[perInterval.length] as number;
  }

  /** Energy from interval 0 to the (fractional) interval position n >= 0. */
  integral(n: number): number {
    const whole = Math.floor(n);
    const years = Math.floor(whole / INTERVALS_PER_YEAR);
    const idx = whole - years * INTERVALS_PER_YEAR;
    return years * this.yearTotal + (this.prefix[idx] as number) + (n - whole) * (this.perInterval[idx] as number);
  }
}
