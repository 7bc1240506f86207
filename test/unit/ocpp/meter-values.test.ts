import { describe, expect, it } from 'vitest';
import { meterSamples } from '../../../drivers/ocpp/meter-values.js';

const at = '2026-06-01T10:15:00Z';
const ts = Date.parse(at);

describe('OCPP 1.6 meter values to canonical readings', () => {
  it('takes energy in Wh (also by default) and kWh, power in W and kW, the totals only', () => {
    const { samples, problems } = meterSamples([
      {
        timestamp: at,
        sampledValue: [
          { value: '1002750' }, // default measurand Energy.Active.Import.Register, default unit Wh
          { value: '1002.75', measurand: 'Energy.Active.Import.Register', unit: 'kWh' },
          { value: '11000', measurand: 'Power.Active.Import', unit: 'W' },
          { value: '11', measurand: 'Power.Active.Import', unit: 'kW' },
          { value: '3700', measurand: 'Power.Active.Import', unit: 'W', phase: 'L1' },
          { value: '16.0', measurand: 'Current.Import', unit: 'A' },
          { value: '58', measurand: 'SoC', unit: 'Percent', location: 'EV' },
          { value: '1500', measurand: 'Energy.Active.Import.Register', location: 'EV' },
          { value: 'A1B2C3', format: 'SignedData' },
        ],
      },
    ]);
    expect(problems).toEqual([]);
    expect(samples).toEqual([
      { quantity: 'energy', ts, value: 1002.75 },
      { quantity: 'energy', ts, value: 1002.75 },
      { quantity: 'power', ts, value: 11 },
      { quantity: 'power', ts, value: 11 },
    ]);
  });

  it('names the place of a value it cannot use', () => {
    const { samples, problems } = meterSamples([
      { timestamp: 'gestern', sampledValue: [{ value: '1' }] },
      { timestamp: at, sampledValue: [{ value: 'viel' }, { value: '5', unit: 'W' }, { value: '', measurand: 'Power.Active.Import' }] },
    ]);
    expect(samples).toEqual([]);
    expect(problems).toEqual([
      "meterValue[0].sampledValue[0]: timestamp 'gestern' is not a date",
      "meterValue[1].sampledValue[0]: value 'viel' is not a number",
      "meterValue[1].sampledValue[1]: unit 'W' does not fit Energy.Active.Import.Register",
      "meterValue[1].sampledValue[2]: value '' is not a number",
    ]);
  });
});
