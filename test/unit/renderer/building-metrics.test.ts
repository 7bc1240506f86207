import { describe, expect, it } from 'vitest';
import type { BuildingOverview, ColourMetrics } from '../../../models/contract/index.js';
import { metricScale, metricValue } from '../../../renderer/metrics/building-metrics.js';
import { NO_DATA_RGB, rgbToCss } from '../../../renderer/scene/color-scale.js';

const overview = (colours: Partial<ColourMetrics>): BuildingOverview => ({
  buildingId: 'b',
  from: 0,
  to: 1,
  consumptionKwh: 40,
  generationKwh: 30,
  importKwh: 20,
  exportKwh: 10,
  netKwh: 10,
  coverage: 1,
  finalEnergyNetKwh: 10,
  verdict: { energyPlus: false, coverage: 1, provisional: false },
  colours: { netKwh: 10, selfSufficiency: 0.4, co2IntensityGPerKwh: 210, pvPotentialKwh: 12_000, heatDensityMwhPerHaA: 300, heatDensityClass: 'existing-low-temperature', ...colours },
});

describe('metricValue', () => {
  it('shows the values the analysis computed, and nothing of its own', () => {
    const o = overview({});
    expect(metricValue('net', o)).toBe(10);
    expect(metricValue('selfSufficiency', o)).toBe(0.4);
    expect(metricValue('co2', o)).toBe(210);
    expect(metricValue('pvPotential', o)).toBe(12_000);
    expect(metricValue('heatDensity', o)).toBe(300);
  });

  it('has no value without the analysis or where the analysis has none', () => {
    expect(metricValue('net', undefined)).toBeNull();
    expect(metricValue('co2', overview({ co2IntensityGPerKwh: null }))).toBeNull();
  });
});

describe('metricScale', () => {
  it('is diverging for the net figure, deficit (positive) red and surplus green, and fixed for shares', () => {
    const net = metricScale('net', [-5, 20]);
    expect(net.kind).toBe('diverging');
    expect(net.min).toBe(-20);
    const red = net.color(20);
    const green = net.color(-20);
    expect(red[0]).toBeGreaterThan(red[1]);
    expect(green[1]).toBeGreaterThan(green[0]);
    expect(net.color(null)).toEqual(NO_DATA_RGB);
    expect(metricScale('selfSufficiency', [0.2]).max).toBe(1);
    expect(metricScale('pvPotential', [100, 5000, null]).max).toBe(5000);
    expect(metricScale('co2', [100, 300, null]).max).toBe(300);
  });

  it("colours heat density by the KEA-BW classes, a value on a bound in the lower class, whatever the district's range", () => {
    const s = metricScale('heatDensity', [10, 20]);
    const css = (v: number | null) => rgbToCss(s.color(v));
    // classes 0-70, 70-175, 175-415, 415-1050, > 1050 MWh/(ha*a)
    expect(css(0)).toBe('rgb(255 255 178)');
    expect(css(70)).toBe('rgb(255 255 178)');
    expect(css(70.1)).toBe('rgb(254 204 92)');
    expect(css(175)).toBe('rgb(254 204 92)');
    expect(css(415)).toBe('rgb(253 141 60)');
    expect(css(1050)).toBe('rgb(227 26 28)');
    expect(css(1050.1)).toBe('rgb(128 0 38)');
    expect(s.color(null)).toEqual(NO_DATA_RGB);
    // the legend's bar would span 0 .. 1.25 x 1050
    expect(s.max).toBe(1312.5);
  });
});
