/**
 * What `plustwin probe` prints for a Modbus device, in English and German: labels from the CLI's table, values with
 * the language's decimal mark, up to four decimals, an exponent for huge values, and '?' for what the device did
 * not say.
 */
import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../../drivers/probe-result.js';
import { modbusProbeText } from '../../../main/shells/cli/probe-text.js';
import { numberFormatter } from '../../../main/shells/cli/number-format.js';

const sdm630: ProbeResult = {
  url: 'modbus-tcp://10.0.0.2:502?unit=1',
  protocol: 'modbus-tcp',
  identity: { manufacturer: 'Eastron', model: 'SDM630', serial: '12345' },
  values: [
    { key: 'power_total', name: 'Total system power', value: -1.23456789, unit: 'kW', quality: 'good' },
    { key: 'energy_import', name: 'Import', value: 12345678.9, unit: 'kWh', quality: 'good' },
    { key: 'voltage_l1', name: 'Voltage', value: null, unit: 'V', quality: 'bad' },
  ],
  notes: ['profile eastron-sdm630'],
};

describe('probe text', () => {
  it('prints identity, values with units and notes in English', () => {
    expect(modbusProbeText(sdm630, numberFormatter('en')).split('\n')).toEqual([
      'modbus-tcp://10.0.0.2:502?unit=1 (modbus-tcp)',
      '  manufacturer: Eastron',
      '  model:        SDM630',
      '  serial:       12345',
      '  values:',
      '    power_total          -1.2346 kW  Total system power',
      '    energy_import     1.2346e+7 kWh  Import',
      '    voltage_l1                  n/a  Voltage',
      '  note: profile eastron-sdm630',
    ]);
  });

  it('prints the same in German, with decimal commas', () => {
    expect(modbusProbeText(sdm630, numberFormatter('de')).split('\n')).toEqual([
      'modbus-tcp://10.0.0.2:502?unit=1 (modbus-tcp)',
      '  Hersteller:   Eastron',
      '  Modell:       SDM630',
      '  Seriennummer: 12345',
      '  Werte:',
      '    power_total          -1,2346 kW  Total system power',
      '    energy_import     1,2346e+7 kWh  Import',
      '    voltage_l1                k. A.  Voltage',
      '  Hinweis: profile eastron-sdm630',
    ]);
  });

  it('shows unknown identity fields as ? and no values heading without values', () => {
    const text = modbusProbeText({ url: 'u', protocol: 'modbus-rtu', identity: {}, values: [], notes: [] }, numberFormatter('en'));
    expect(text).toContain('  model:        ?');
    expect(text).not.toContain('values:');
  });
});
