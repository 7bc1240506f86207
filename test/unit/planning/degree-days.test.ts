/** Degree days G20/15 and the degree-day factor, worked by hand. */
import { describe, expect, it } from 'vitest';
import { dailyMeans, degreeDayFactor, degreeDays } from '../../../models/planning/degree-days.js';
import { parseDegreeDays, yearCorrection, NO_WEATHER_INPUTS } from '../../../models/planning/weather-correction.js';

describe('degree days G20/15', () => {
  it('sums 20 °C minus the daily mean over the days below 15 °C', () => {
    // 0 °C: 20; 10 °C: 10; 14.9 °C: 5.1; 15 °C and 20 °C are no heating days -> 35.1 Kd
    expect(degreeDays([0, 10, 14.9, 15, 20])).toBeCloseTo(35.1, 12);
    expect(degreeDays([])).toBe(0);
  });

  it('averages a regular series per day, dropping an incomplete last day', () => {
    // two slots a day: (1 + 3) / 2 = 2, (5 + 7) / 2 = 6; the lone 9 makes no day
    expect(dailyMeans([1, 3, 5, 7, 9], 2)).toEqual([2, 6]);
  });

  it('scales by reference over year and reads YYYY=G', () => {
    // a year of 3,000 Kd against a reference of 3,300 Kd: 3,300 / 3,000 = 1.1
    expect(degreeDayFactor(3300, 3000)).toBeCloseTo(1.1, 12);
    expect(parseDegreeDays('2024=3120,5', 'DWD Essen')).toEqual({ year: 2024, g: 3120.5, source: 'DWD Essen' });
    expect(parseDegreeDays('2024=-1', 's')).toBeNull();
    expect(yearCorrection(2024, NO_WEATHER_INPUTS)).toEqual({ factor: 1, basis: 'try-default' });
  });
});
