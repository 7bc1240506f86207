/**
 * A building's simulated electricity, as a pure function of time so that the backfilled history, the live
 * simulators and a restart all agree on every counter value (no artificial resets in the demo).
 *
 * Power is constant within each 15-minute interval (as the profiles are means over the interval). Counters are
 * integrals from a fixed epoch (CumulativeProfile).
 */
import { INTERVAL_MS, INTERVAL_HOURS } from '../../../models/time-grid.js';
import { INTERVALS_PER_YEAR } from './profile-file.js';
import { CumulativeProfile } from './cumulative-profile.js';

/** Counters start here; the profile year is laid from this instant (CET midnight) and repeats. */
export const TRACK_EPOCH = Date.UTC(2020, 0, 1) - 60 * 60 * 1000;

export interface TrackValues {
  readonly loadKw: number;
  readonly pvKw: number;
  /** Net power at the grid connection: positive = import. */
  readonly gridKw: number;
  readonly importKwh: number;
  readonly exportKwh: number;
  readonly generationKwh: number;
}

export class EnergyTrack {
  private readonly load: Float64Array;
  private readonly pv: Float64Array;
  private readonly imports: CumulativeProfile;
  private readonly exports: CumulativeProfile;
  private readonly generation: CumulativeProfile;

  /**
   * @param loadKw  a year of interval-mean load, kW
   * @param pvKw    a year of interval-mean PV output, kW
   * @param counterStartKwh meter readings at TRACK_EPOCH, so that counters look like real, installed meters
   */
  constructor(loadKw: Float64Array, pvKw: Float64Array, private readonly counterStartKwh = { import: 0, export: 0, generation: 0 }) {
    if (loadKw.length !== INTERVALS_PER_YEAR || pvKw.length !== INTERVALS_PER_YEAR) {
      throw new Error(`energy track needs ${INTERVALS_PER_YEAR} intervals of load and PV`);
    }
    this.load = loadKw;
    this.pv = pvKw;
    const imp = new Float64Array(INTERVALS_PER_YEAR);
    const exp = new Float64Array(INTERVALS_PER_YEAR);
    const gen = new Float64Array(INTERVALS_PER_YEAR);
    for (let i = 0; i < INTERVALS_PER_YEAR; i++) {
      const net = (loadKw[i] as number) - (pvKw[i] as number);
      imp[i] = Math.max(net, 0) * INTERVAL_HOURS;
      exp[i] = Math.max(-net, 0) * INTERVAL_HOURS;
      gen[i] = (pvKw[i] as number) * INTERVAL_HOURS;
    }
    this.imports = new CumulativeProfile(imp);
    this.exports = new CumulativeProfile(exp);
    this.generation = new CumulativeProfile(gen);
  }

  at(ts: number): TrackValues {
    const n = (ts - TRACK_EPOCH) / INTERVAL_MS;
    if (n < 0) throw new Error(`demo time ${new Date(ts).toISOString()} lies before the track epoch`);
    const idx = Math.floor(n) % INTERVALS_PER_YEAR;
    const loadKw = this.load[idx] as number;
    const pvKw = this.pv[idx] as number;
    return {
      loadKw,
      pvKw,
      gridKw: loadKw - pvKw,
      importKwh: this.counterStartKwh.import + this.imports.integral(n),
      exportKwh: this.counterStartKwh.export + this.exports.integral(n),
      generationKwh: this.counterStartKwh.generation + this.generation.integral(n),
    };
  }
}
