import { describe, expect, it } from 'vitest';
import type { BuildingBalance } from '../../../models/contract/index.js';
import { metricScale, metricValue } from '../../../renderer/metrics/building-metrics.js';

const balance = (over: Partial<BuildingBalance>): BuildingBalance => ({
  buildingId: 'b',
  from: 0,
  to: 1,
  consumptionKwh: 40,
  generationKwh: 30,
  importKwh: 20,
  exportKwh: 10,
  netKwh: -10,
  coverage: 1,
  ...over,
});

describe('metricValue', () => {
  it('takes the net balance as it is', () => {
    expect(metricValue('net', { balance: balance({}), footprintAreaM2: 100 })).toBe(-10);
    expect(metricValue('net', { balance: undefined, footprintAreaM2: 100 })).toBeNull();
  });

  it('computes self-sufficiency as the share of consumption not imported', () => {
    expect(metricValue('selfSufficiency', { balance: balance({}), footprintAreaM2: 0 })).toBe(0.5);
    expect(metricValue('selfSufficiency', { balance: balance({ consumptionKwh: 0 }), footprintAreaM2: 0 })).toBeNull();
  });

  it('charges grid imports with 560 g/kWh and own PV with nothing', () => {
    expect(metricValue('co2', { balance: balance({}), footprintAreaM2: 0 })).toBe(280);
    expect(metricValue('co2', { balance: balance({ importKwh: 0 }), footprintAreaM2: 0 })).toBe(0);
  });

  it('estimates rooftop PV from the footprint', () => {
    // 110 m² × 0.6 / 5.5 m²/kWp = 12 kWp × 951 kWh/kWp
    expect(metricValue('pvPotential', { balance: undefined, footprintAreaM2: 110 })).toBeCloseTo(12 * 951, 6);
    expect(metricValue('pvPotential', { balance: undefined, footprintAreaM2: 0 })).toBeNull();
  });
});

describe('metricScale', () => {
  it('is diverging for the balance and fixed for shares', () => {
    expect(metricScale('net', [-5, 20]).kind).toBe('diverging');
    expect(metricScale('net', [-5, 20]).min).toBe(-20);
    expect(metricScale('selfSufficiency', [0.2]).max).toBe(1);
    expect(metricScale('pvPotential', [100, 5000, null]).max).toBe(5000);
  });
});
