import { describe, expect, it } from 'vitest';
import { parseKlimafaktor, weatherCorrectedKwh } from '../../../models/planning/weather-correction.js';

describe('weather correction with the DWD Klimafaktor', () => {
  it('scales the heating share only', () => {
    // 120,000 kWh of which 20,000 hot water, Klimafaktor 1.12: 100,000 x 1.12 + 20,000 = 132,000
    expect(weatherCorrectedKwh(120_000, 1.12, 20_000)).toBeCloseTo(132_000, 9);
    // without a hot-water share the whole heat: 10,980 x 1.2 = 13,176
    expect(weatherCorrectedKwh(10_980, 1.2)).toBeCloseTo(13_176, 9);
  });

  it('reads YYYY=F with a decimal point or comma and refuses anything else', () => {
    expect(parseKlimafaktor('2024=1,12', 'DWD, PLZ 45127')).toEqual({ year: 2024, factor: 1.12, source: 'DWD, PLZ 45127' });
    expect(parseKlimafaktor(' 2023=0.95 ', 's')).toEqual({ year: 2023, factor: 0.95, source: 's' });
    expect(['2024', '2024=', '24=1.1', '2024=-1', '2024=0', '2024=1.1.2'].map((t) => parseKlimafaktor(t, 's'))).toEqual([null, null, null, null, null, null]);
  });
});
