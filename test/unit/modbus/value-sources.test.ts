import { describe, expect, it } from 'vitest';
import { meterValues, withCounterOffset, withCounterReset } from '../../../drivers/simulators/modbus/value-sources.js';

describe('meterValues', () => {
  it('integrates power into import and export counters', () => {
    // +3600 W for the first hour, -1800 W for the second
    const v = meterValues({ power: (t) => (t < 3_600_000 ? 3600 : -1800), startImportWh: 1000, energyUnit: 'Wh', other: () => 230 });
    expect(v('energy_import', 0)).toBe(1000);
    expect(v('power_total', 10)).toBe(3600);
    expect(v('energy_import', 1_800_000)).toBeCloseTo(1000 + 1800, 6);
    expect(v('energy_import', 3_600_000)).toBeCloseTo(1000 + 3600, 6);
    expect(v('energy_export', 7_200_000)).toBeCloseTo(1800, 6);
    expect(v('energy_import', 7_200_000)).toBeCloseTo(4600, 6);
    expect(v('voltage_l1', 0)).toBe(230);
  });

  it('reports kWh and kW when the profile uses them, and never runs backwards', () => {
    const v = meterValues({ power: () => 2000, powerUnit: 'kW' });
    expect(v('power_total', 0)).toBe(2);
    v('energy_import', 0);
    const a = v('energy_import', 3_600_000)!;
    expect(a).toBeCloseTo(2, 9);
    expect(v('energy_import', 1_000)).toBe(a);
  });
});

describe('counter faults', () => {
  it('resets a counter at a time and offsets one towards rollover', () => {
    const base = (k: string, now: number) => (k === 'e' ? 500 + now : 1);
    const reset = withCounterReset(base, 'e', 100);
    expect(reset('e', 50)).toBe(550);
    expect(reset('e', 100)).toBe(0);
    expect(reset('e', 130)).toBe(30);
    expect(reset('x', 130)).toBe(1);
    const near = withCounterOffset(base, 'e', 2 ** 32 - 600);
    expect(near('e', 0)).toBe(2 ** 32 - 100);
  });
});
