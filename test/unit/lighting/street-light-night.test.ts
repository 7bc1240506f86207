import { describe, expect, it } from 'vitest';
import { nightEnergyKwh, nightOf, nightSegments, SUNRISE_DEPRESSION_DEG, type DimmingSchedule } from '../../../models/lighting/index.js';

const DORTMUND = { lat: 51.5136, lon: 7.4653 };
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString().slice(0, 19));

/**
 * An independent reference: the sunrise/sunset algorithm of the U.S. Naval Observatory's "Almanac for Computers"
 * (1990), steps 1-10 as published at https://edwilliams.org/sunrise_sunset_algorithm.htm, written from those steps
 * (its own low-precision sun, not models/solar). Returns UTC hours of the event on that UTC date.
 */
function usno(year: number, month: number, day: number, lat: number, lon: number, zenith: number, rising: boolean): number {
  const rad = Math.PI / 180;
  const n = Math.floor((275 * month) / 9) - Math.floor((month + 9) / 12) * (1 + Math.floor((year - 4 * Math.floor(year / 4) + 2) / 3)) + day - 30;
  const lngHour = lon / 15;
  const t = n + ((rising ? 6 : 18) - lngHour) / 24;
  const m = 0.9856 * t - 3.289;
  const l = (((m + 1.916 * Math.sin(m * rad) + 0.02 * Math.sin(2 * m * rad) + 282.634) % 360) + 360) % 360;
  let ra = (((Math.atan(0.91764 * Math.tan(l * rad)) / rad) % 360) + 360) % 360;
  ra = (ra + Math.floor(l / 90) * 90 - Math.floor(ra / 90) * 90) / 15;
  const sinDec = 0.39782 * Math.sin(l * rad);
  const cosDec = Math.cos(Math.asin(sinDec));
  const cosH = (Math.cos(zenith * rad) - sinDec * Math.sin(lat * rad)) / (cosDec * Math.cos(lat * rad));
  const h = (rising ? 360 - Math.acos(cosH) / rad : Math.acos(cosH) / rad) / 15;
  const localMean = h + ra - 0.06571 * t - 6.622;
  return (((localMean - lngHour) % 24) + 24) % 24;
}
const utcHours = (t: number | null) => ((t as number) % 86_400_000) / 3_600_000;

describe('civil twilight', () => {
  it('Dortmund, night of 21 to 22 December 2026: dusk 17:03:21 and dawn 07:53:33 CET, within 2 minutes of the USNO algorithm', () => {
    const night = nightOf('2026-12-21', DORTMUND.lat, DORTMUND.lon);
    expect(iso(night.dusk)).toBe('2026-12-21T16:03:21');
    expect(iso(night.dawn)).toBe('2026-12-22T06:53:33');
    expect(Math.abs(utcHours(night.dusk) - usno(2026, 12, 21, DORTMUND.lat, DORTMUND.lon, 96, false)) * 60).toBeLessThan(2);
    expect(Math.abs(utcHours(night.dawn) - usno(2026, 12, 22, DORTMUND.lat, DORTMUND.lon, 96, true)) * 60).toBeLessThan(2);
  });

  it('gives the sunrise and sunset published for Düsseldorf on 21 December 2022 (08:34 and 16:26) to the minute and a half', () => {
    // RP Online, 21.12.2022: "von 8.34 Uhr Sonnenaufgang bis zum -untergang um 16.26 Uhr" (CET = UTC+1)
    const dus = { lat: 51.2277, lon: 6.7735 };
    const evening = nightOf('2022-12-21', dus.lat, dus.lon, SUNRISE_DEPRESSION_DEG).dusk as number;
    const morning = nightOf('2022-12-20', dus.lat, dus.lon, SUNRISE_DEPRESSION_DEG).dawn as number;
    expect(Math.abs(evening - Date.parse('2022-12-21T15:26:30Z')) / 60_000).toBeLessThan(1.5);
    expect(Math.abs(morning - Date.parse('2022-12-21T07:34:30Z')) / 60_000).toBeLessThan(1.5);
  });

  it('finds the civil dusk of a Dortmund midsummer night after 22:00 CEST (the sun still sinks below -6 degrees)', () => {
    const night = nightOf('2026-06-21', DORTMUND.lat, DORTMUND.lon);
    expect(night.dusk).not.toBeNull();
    expect(iso(night.dusk)?.slice(0, 13)).toBe('2026-06-21T20');
  });
});

describe('street light energy over one night', () => {
  const DORTMUND_LED: DimmingSchedule = { steps: [{ until: '22:00', percent: 100 }, { until: '05:00', percent: 50 }], thenPercent: 100 };

  it('a 60 W LED in Dortmund, 100 % until 22:00, 50 % until 05:00, full until dawn: 0.6802 kWh', () => {
    const night = nightOf('2026-12-21', DORTMUND.lat, DORTMUND.lon);
    // by hand from that night's twilight times (CET):
    //   17:03:21 -> 22:00:00 at 100 %: 4 h 56 min 39 s = 4.944167 h
    //   22:00:00 -> 05:00:00 at  50 %: 7 h             = 3.5 h full power
    //   05:00:00 -> 07:53:33 at 100 %: 2 h 53 min 33 s = 2.892500 h
    //   11.336667 h x 0.060 kW = 0.680200 kWh
    const segments = nightSegments(night, DORTMUND_LED);
    expect(segments.map((s) => [iso(s.from), iso(s.to), s.percent])).toEqual([
      ['2026-12-21T16:03:21', '2026-12-21T21:00:00', 100],
      ['2026-12-21T21:00:00', '2026-12-22T04:00:00', 50],
      ['2026-12-22T04:00:00', '2026-12-22T06:53:33', 100],
    ]);
    expect(nightEnergyKwh(60, night, DORTMUND_LED)).toBeCloseTo(0.6802, 4);
  });

  it('clips a step that ends after dawn and lights a full night without a schedule', () => {
    const night = { dusk: Date.parse('2026-06-21T20:30:00Z'), dawn: Date.parse('2026-06-22T02:30:00Z') };
    // 22:30 -> 04:30 CEST = 6 h; the 05:00 step ends after dawn: 1.5 h full (to 00:00 CEST), 4.5 h at 50 %
    const schedule: DimmingSchedule = { steps: [{ until: '00:00', percent: 100 }, { until: '05:00', percent: 50 }], thenPercent: 100 };
    expect(nightEnergyKwh(100, night, schedule)).toBeCloseTo(0.1 * (1.5 + 4.5 * 0.5), 9);
    expect(nightEnergyKwh(100, night, { steps: [], thenPercent: 100 })).toBeCloseTo(0.6, 9);
    expect(nightEnergyKwh(100, { dusk: null, dawn: null }, schedule)).toBe(0);
  });
});
