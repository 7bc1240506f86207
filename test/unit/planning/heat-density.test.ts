import { describe, expect, it } from 'vitest';
import { heatDensityClass, heatDensityMwhPerHaA } from '../../../models/planning/heat-density.js';

describe('heat density (KEA-BW Leitfaden Wärmeplanung classes)', () => {
  it('is MWh per hectare and year', () => {
    // 95,710 kWh/a in a 100 m x 100 m cell: 95.71 MWh over 10,000 m² = 1 ha -> 95.71 MWh/(ha*a)
    expect(heatDensityMwhPerHaA(95_710, 100 * 100)).toBeCloseTo(95.71, 10);
    // 350,000 kWh/a over a 50 m cell (0.25 ha): 350 MWh / 0.25 ha = 1,400 MWh/(ha*a)
    expect(heatDensityMwhPerHaA(350_000, 50 * 50)).toBeCloseTo(1400, 10);
  });

  it('puts a value on a boundary into the lower class', () => {
    expect(heatDensityClass(0)).toBe('none');
    expect(heatDensityClass(70)).toBe('none');
    expect(heatDensityClass(70.001)).toBe('new-development');
    expect(heatDensityClass(175)).toBe('new-development');
    expect(heatDensityClass(196)).toBe('existing-low-temperature');
    expect(heatDensityClass(415)).toBe('existing-low-temperature');
    expect(heatDensityClass(1050)).toBe('existing-conventional');
    expect(heatDensityClass(1050.5)).toBe('very-high');
  });
});
