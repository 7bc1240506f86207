import { describe, expect, it } from 'vitest';
import { applyConversion, conversionFor, findUnit, uneceCodeToUnitId } from '../../../drivers/opcua/eu-units.js';

describe('EUInformation to canonical units', () => {
  it('packs UNECE codes like OPC UA Part 8 (KWT = 4937556)', () => {
    expect(uneceCodeToUnitId('KWT')).toBe(4937556);
    expect(uneceCodeToUnitId('CEL')).toBe(4408652);
  });

  it('prefers the unit id over the display name', () => {
    expect(findUnit({ unitId: uneceCodeToUnitId('WTT'), symbol: 'kW' })?.code).toBe('WTT');
    expect(findUnit({ unitId: -1, symbol: 'MWh' })?.code).toBe('MWH');
    expect(findUnit({ symbol: 'furlong' })).toBeUndefined();
  });

  it.each([
    ['power', { symbol: 'W' }, 2500, 2.5, 'kW'],
    ['power', { unitId: uneceCodeToUnitId('MAW') }, 1.2, 1200, 'kW'],
    ['energy-counter', { symbol: 'Wh' }, 123_000, 123, 'kWh'],
    ['energy-counter', { symbol: 'MWh' }, 2.5, 2500, 'kWh'],
    ['energy-counter', { symbol: 'GJ' }, 3.6, 1000, 'kWh'],
    ['temperature', { symbol: 'K' }, 343.15, 70, '°C'],
    ['temperature', { unitId: uneceCodeToUnitId('CEL') }, 65.5, 65.5, '°C'],
  ] as const)('%s in %j: %d -> %d %s', (kind, unit, raw, expected, canonical) => {
    const c = conversionFor(kind, unit);
    expect(c.canonicalUnit).toBe(canonical);
    expect(applyConversion(c, raw)).toBeCloseTo(expected, 9);
  });

  it('refuses units that do not fit the kind, naming both', () => {
    expect(() => conversionFor('power', { symbol: 'kWh' })).toThrow(/unit 'kWh' does not fit a power point \(expected kW\)/);
    expect(() => conversionFor('energy-counter', {})).toThrow(/unit 'no unit' is not known for a energy-counter point/);
  });

  it('passes other kinds through unchanged', () => {
    expect(conversionFor('other', { symbol: 'ppm' })).toEqual({ canonicalUnit: 'ppm', factor: 1, offset: 0 });
    expect(conversionFor('voltage', { symbol: 'V' }).canonicalUnit).toBe('V');
  });
});
