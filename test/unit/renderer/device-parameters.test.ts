import { describe, expect, it } from 'vitest';
import { withQuery } from '../../../renderer/devices/device-fields.js';

describe('profile parameters in the device address', () => {
  it('sets, replaces and removes one query parameter and keeps the rest of the address', () => {
    expect(withQuery('modbus-tcp://10.0.0.5:502?unit=1', 'energyunit', 'MWh')).toBe('modbus-tcp://10.0.0.5:502?unit=1&energyunit=MWh');
    expect(withQuery('modbus-tcp://10.0.0.5:502?unit=1&energyunit=MWh', 'energyunit', 'GJ')).toBe('modbus-tcp://10.0.0.5:502?unit=1&energyunit=GJ');
    expect(withQuery('modbus-tcp://10.0.0.5:502', 'energyunit', 'kWh')).toBe('modbus-tcp://10.0.0.5:502?energyunit=kWh');
    expect(withQuery('modbus-tcp://10.0.0.5:502?energyunit=kWh', 'energyunit', '')).toBe('modbus-tcp://10.0.0.5:502');
  });
});
