/** OCPP 2.0.1 SampledValueType to canonical readings; defaults and the multiplier from the ocpp2.0.1 JSON schema. */
import { describe, expect, it } from 'vitest';
import { energyRegisterWh, kwhToWh, meterSamples201 } from '../../../drivers/ocpp/meter-values-201.js';

const TS = '2026-06-01T10:00:00Z';
const T = Date.parse(TS);

describe('meterSamples201', () => {
  it('reads the register in Wh by default, kWh, and with a multiplier (value * 10^multiplier)', () => {
    const { samples, problems } = meterSamples201([{ timestamp: TS, sampledValue: [
      { value: 1500 }, // no measurand, no unit: Energy.Active.Import.Register in Wh -> 1.5 kWh
      { value: 2.25, unitOfMeasure: { unit: 'kWh' } }, // 2.25 kWh
      { value: 3, unitOfMeasure: { unit: 'Wh', multiplier: 3 } }, // 3 * 10^3 Wh = 3 kWh
      { value: 12345, unitOfMeasure: { unit: 'kWh', multiplier: -1 } }, // 12345 / 10 = 1234.5 kWh
      { value: 7.4, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'kW' } }, // 7.4 kW
      { value: 74, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'W', multiplier: 2 } }, // 7400 W = 7.4 kW
    ] }]);
    expect(problems).toEqual([]);
    expect(samples.map((s) => [s.quantity, s.value])).toEqual([
      ['energy', 1.5],
      ['energy', 2.25],
      ['energy', 3],
      ['energy', 1234.5],
      ['power', 7.4],
      ['power', 7.4],
    ]);
    expect(samples.every((s) => s.ts === T && s.context === 'Sample.Periodic')).toBe(true);
  });

  it('leaves out phases, the EV side, other measurands, and names a unit that does not fit', () => {
    const { samples, problems } = meterSamples201([{ timestamp: TS, sampledValue: [
      { value: 230, measurand: 'Voltage', unitOfMeasure: { unit: 'V' } },
      { value: 3667, measurand: 'Power.Active.Import', phase: 'L1' },
      { value: 80, measurand: 'Energy.Active.Import.Register', location: 'EV' },
      { value: 5, unitOfMeasure: { unit: 'kvarh' } },
    ] }]);
    expect(samples).toEqual([]);
    expect(problems).toEqual(["meterValue[0].sampledValue[3]: unit 'kvarh' does not fit Energy.Active.Import.Register"]);
  });
});

describe('energyRegisterWh', () => {
  it('takes the sample of the wanted context, else the latest register', () => {
    const { samples } = meterSamples201([
      { timestamp: '2026-06-01T10:00:00Z', sampledValue: [{ value: 1000, context: 'Transaction.Begin' }] },
      { timestamp: '2026-06-01T10:05:00Z', sampledValue: [{ value: 1200 }] },
    ]);
    expect(energyRegisterWh(samples, 'Transaction.Begin')).toBe(1000);
    expect(energyRegisterWh(samples, 'Transaction.End')).toBe(1200);
    expect(energyRegisterWh([], 'Transaction.End')).toBeUndefined();
  });

  it('turns kWh back into Wh without binary noise', () => {
    // 2016.25 kWh and 1005.5 kWh are exact in binary; 0.1 + 0.2 kWh is not (0.30000000000000004)
    expect(kwhToWh(2016.25)).toBe(2_016_250);
    expect(kwhToWh(0.1 + 0.2)).toBe(300);
  });
});
