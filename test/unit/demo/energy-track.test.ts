import { describe, expect, it } from 'vitest';
import { EnergyTrack, TRACK_EPOCH } from '../../../main/core/demo/energy-track.js';
import { INTERVALS_PER_YEAR } from '../../../main/core/demo/profile-file.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';

/** load 2 kW all year; PV 0 kW in even intervals and 6 kW in odd ones */
function track() {
  const load = new Float64Array(INTERVALS_PER_YEAR).fill(2);
  const pv = new Float64Array(INTERVALS_PER_YEAR).map((_, i) => (i % 2 === 1 ? 6 : 0));
  return new EnergyTrack(load, pv, { import: 100, export: 10, generation: 50 });
}

describe('EnergyTrack', () => {
  it('starts at the meter readings and integrates power per interval', () => {
    const t = track();
    expect(t.at(TRACK_EPOCH)).toMatchObject({ importKwh: 100, exportKwh: 10, generationKwh: 50, gridKw: 2 });
    // interval 0: import 2 kW * 0.25 h; interval 1: export 4 kW * 0.25 h, generation 6 kW * 0.25 h
    const after2 = t.at(TRACK_EPOCH + 2 * INTERVAL_MS);
    expect(after2.importKwh).toBeCloseTo(100.5, 10);
    expect(after2.exportKwh).toBeCloseTo(11, 10);
    expect(after2.generationKwh).toBeCloseTo(51.5, 10);
  });

  it('is linear inside an interval and continuous across the year boundary', () => {
    const t = track();
    const mid = t.at(TRACK_EPOCH + INTERVAL_MS / 2);
    expect(mid.importKwh).toBeCloseTo(100.25, 10);
    const yearEnd = TRACK_EPOCH + INTERVALS_PER_YEAR * INTERVAL_MS;
    const before = t.at(yearEnd - 1).importKwh;
    const after = t.at(yearEnd + 1).importKwh;
    expect(after).toBeGreaterThanOrEqual(before);
    expect(after - before).toBeLessThan(0.001);
    // a full year: half the intervals import 0.5 kWh
    expect(t.at(yearEnd).importKwh - 100).toBeCloseTo((INTERVALS_PER_YEAR / 2) * 0.5, 6);
  });

  it('refuses times before its epoch and wrongly sized profiles', () => {
    expect(() => track().at(TRACK_EPOCH - 1)).toThrow(/before the track epoch/);
    expect(() => new EnergyTrack(new Float64Array(10), new Float64Array(10))).toThrow(/35040/);
  });
});
