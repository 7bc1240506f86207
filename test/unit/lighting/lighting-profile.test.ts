import { describe, expect, it } from 'vitest';
import { levelAt, lightingProfile, nightAfter, nightOf, nightSegments, parseSchedule, type DimmingSchedule } from '../../../models/lighting/index.js';

const DORTMUND = { lat: 51.5136, lon: 7.4653 };
const DIMMED = parseSchedule('100@22:00 50@05:00 100') as DimmingSchedule;
const QH = 900_000;
/** 21 December 2026, 12:00 CET (= 11:00 UTC). */
const NOON = Date.UTC(2026, 11, 21, 11);

describe('street lights per quarter hour and at a moment', () => {
  it("spreads one night of a dimmed 60 W LED over quarter hours, worked by hand from that night's twilight", () => {
    // Night of 21 to 22 December 2026 in Dortmund: dusk 17:03:21, dawn 07:53:33 CET (street-light-night.test.ts).
    // The profile computes the night at the position rounded to 0.05 degree (51.50, 7.45): a few seconds earlier
    // or later, so the figures below hold to about 0.0001 kWh.
    // 17:00-17:15 CET: lit from 17:03:21, 699 s at 100 %: 0.06 kW x 699/3600 h = 0.011650 kWh
    // 21:45-22:00: 100 % all of it: 0.06 x 0.25 = 0.015 kWh; 22:00-22:15: 50 %: 0.06 x 0.5 x 0.25 = 0.0075 kWh
    // 07:45-08:00 (22 Dec): back at 100 % from 05:00, lit until 07:53:33 = 513 s: 0.06 x 513/3600 = 0.00855 kWh
    // whole night: 0.06 x (4.944 h x 1 + 7 h x 0.5 + 2.893 h x 1) = 0.6802 kWh
    const light = { ...DORTMUND, powerW: 60, schedule: DIMMED };
    const from = NOON;
    const to = NOON + 24 * 3_600_000;
    const p = lightingProfile([light], from, to, QH);
    const at = (hCet: number, mCet: number, nextDay = false) => p[((nextDay ? 24 : 0) + hCet - 12) * 4 + mCet / 15] as number;
    expect(at(17, 0)).toBeCloseTo(0.01165, 3);
    expect(at(21, 45)).toBeCloseTo(0.015, 6);
    expect(at(22, 0)).toBeCloseTo(0.0075, 6);
    expect(at(7, 45, true)).toBeCloseTo(0.00855, 3);
    expect(at(12, 0)).toBe(0);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(0.6802, 3);
    // two lights at the same place make twice the energy (grouped, one twilight search)
    expect(lightingProfile([light, light], from, to, QH).reduce((a, b) => a + b, 0)).toBeCloseTo(2 * 0.6802, 3);
  });

  it('says whether a light burns, and how bright, at a moment', () => {
    const light = { ...DORTMUND, schedule: DIMMED };
    expect(levelAt(NOON, light)).toBe(0);
    expect(levelAt(Date.UTC(2026, 11, 21, 17), light)).toBe(100); // 18:00 CET
    expect(levelAt(Date.UTC(2026, 11, 21, 22), light)).toBe(50); // 23:00 CET
    expect(levelAt(Date.UTC(2026, 11, 22, 5), light)).toBe(100); // 06:00 CET, back to full power after 05:00
    expect(levelAt(Date.UTC(2026, 11, 22, 7), light)).toBe(0); // 08:00 CET, after dawn 07:53:33
  });

  it('skips a step that is over before dusk: in June "100 % until 22:00" ends before the light comes on', () => {
    // Dortmund, 21 June 2026: civil dusk after 22:00 CEST and dawn before 05:00 CEST, so the whole night is at 50 %
    // (a step's time lies in the night that began on dusk's date, never a day later)
    const night = nightOf('2026-06-21', DORTMUND.lat, DORTMUND.lon);
    const segs = nightSegments(night, DIMMED);
    expect(new Date(night.dusk as number).toISOString() > '2026-06-21T20:00:00').toBe(true);
    expect(new Date(night.dawn as number).toISOString() < '2026-06-22T03:00:00').toBe(true);
    expect(segs).toEqual([{ from: night.dusk, to: night.dawn, percent: 50 }]);
  });

  it("finds a night from the day before's as the full search does, also across the change to summer time", () => {
    for (const [before, date] of [['2026-03-28', '2026-03-29'], ['2026-06-20', '2026-06-21'], ['2026-12-20', '2026-12-21']] as const) {
      const full = nightOf(date, DORTMUND.lat, DORTMUND.lon);
      const near = nightAfter(nightOf(before, DORTMUND.lat, DORTMUND.lon), date, DORTMUND.lat, DORTMUND.lon);
      // both bisect to the second; they may differ by the rounding of that last step
      expect(Math.abs((near.dusk as number) - (full.dusk as number))).toBeLessThanOrEqual(1000);
      expect(Math.abs((near.dawn as number) - (full.dawn as number))).toBeLessThanOrEqual(1000);
    }
  });
});
