import { describe, expect, it } from 'vitest';
import type { BuildingOverview, ColourMetrics } from '../../../models/contract/index.js';
import { metricScale, metricValue } from '../../../renderer/metrics/building-metrics.js';
import { NO_DATA_RGB } from '../../../renderer/scene/color-scale.js';

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
  colours: { netKwh: 10, selfSufficiency: 0.4, co2IntensityGPerKwh: 210, pvPotentialKwh: 12_000, ...colours },
});

describe('metricValue', () => {
  it('shows the values the analysis computed, and nothing of its own', () => {
    const o = overview({});
    expect(metricValue('net', o)).toBe(10);
    expect(metricValue('selfSufficiency', o)).toBe(0.4);
    expect(metricValue('co2', o)).toBe(210);
    expect(metricValue('pvPotential', o)).toBe(12_000);
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
});
