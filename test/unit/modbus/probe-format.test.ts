import { describe, expect, it } from 'vitest';
import { formatProbeResult } from '../../../drivers/modbus/probe-modbus.js';

describe('formatProbeResult', () => {
  it('prints identity, values with units and notes', () => {
    const text = formatProbeResult({
      url: 'modbus-tcp://10.0.0.2:502?unit=1',
      protocol: 'modbus-tcp',
      identity: { manufacturer: 'Eastron', model: 'SDM630', serial: '12345' },
      values: [
        { key: 'power_total', name: 'Total system power', value: -1.23456789, unit: 'kW', quality: 'good' },
        { key: 'energy_import', name: 'Import', value: 12345678.9, unit: 'kWh', quality: 'good' },
        { key: 'voltage_l1', name: 'Voltage', value: null, unit: 'V', quality: 'bad' },
      ],
      notes: ['profile eastron-sdm630'],
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('modbus-tcp://10.0.0.2:502?unit=1 (modbus-tcp)');
    expect(lines[1]).toBe('  manufacturer: Eastron');
    expect(lines[3]).toBe('  serial:       12345');
    expect(text).toMatch(/power_total\s+-1\.2346 kW\s+Total system power/);
    expect(text).toMatch(/energy_import\s+1\.2346e\+7 kWh/);
    expect(text).toMatch(/voltage_l1\s+n\/a\s+Voltage/);
    expect(lines.at(-1)).toBe('  note: profile eastron-sdm630');
  });

  it('shows unknown identity fields as ?', () => {
    const text = formatProbeResult({ url: 'u', protocol: 'modbus-rtu', identity: {}, values: [], notes: [] });
    expect(text).toContain('  model:        ?');
    expect(text).not.toContain('values:');
  });
});
