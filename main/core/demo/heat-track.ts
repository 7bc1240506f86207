/**
 * Simulated heat of a building with a boiler and a heat meter: space heating proportional to the heating degrees
 * below 15 °C of the Essen test reference year, plus a constant hot-water base, scaled to the annual heat use; the
 * flow temperature follows a heating curve. Pure function of time, like EnergyTrack.
 */
import { INTERVAL_HOURS, INTERVAL_MS } from '../../../models/time-grid.js';
import { CumulativeProfile } from './cumulative-profile.js';
import { TRACK_EPOCH } from './energy-track.js';
import { INTERVALS_PER_YEAR } from './profile-file.js';

const HEATING_LIMIT_C = 15;
const HOT_WATER_SHARE = 0.12;

export interface HeatValues {
  readonly heatKw: number;
  readonly heatKwh: number;
  readonly flowTemperatureC: number;
}

export class HeatTrack {
  private readonly heatKw: Float64Array;
  private readonly counter: CumulativeProfile;

  constructor(
    private readonly outdoorC: Float64Array,
    annualMwh: number,
    private readonly counterStartKwh: number,
  ) {
    if (outdoorC.length !== INTERVALS_PER_YEAR) throw new Error(`heat track needs ${INTERVALS_PER_YEAR} temperatures`);
    let degreeHours = 0;
    for (const t of outdoorC) degreeHours += Math.max(0, HEATING_LIMIT_C - t) * INTERVAL_HOURS;
    const annualKwh = annualMwh * 1000;
    const baseKw = (annualKwh * HOT_WATER_SHARE) / (INTERVALS_PER_YEAR * INTERVAL_HOURS);
    const kwPerDegree = (annualKwh * (1 - HOT_WATER_SHARE)) / degreeHours;
    this.heatKw = outdoorC.map((t) => baseKw + kwPerDegree * Math.max(0, HEATING_LIMIT_C - t));
    this.counter = new CumulativeProfile(this.heatKw.map((kw) => kw * INTERVAL_HOURS));
  }

  at(ts: number): HeatValues {
    const n = (ts - TRACK_EPOCH) / INTERVAL_MS;
    if (n < 0) throw new Error(`demo time ${new Date(ts).toISOString()} lies before the track epoch`);
    const idx = Math.floor(n) % INTERVALS_PER_YEAR;
    const outdoor = this.outdoorC[idx] as number;
    return {
      heatKw: this.heatKw[idx] as number,
      heatKwh: this.counterStartKwh + this.counter.integral(n),
      // heating curve: 35 °C at the heating limit, +1.2 K per degree colder, at most 70 °C
      flowTemperatureC: Math.min(70, 35 + 1.2 * Math.max(0, HEATING_LIMIT_C - outdoor)),
    };
  }
}
