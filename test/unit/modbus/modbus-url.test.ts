import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../drivers/modbus/modbus-bus.js';
import { parseModbusUrl } from '../../../drivers/modbus/modbus-url.js';

describe('parseModbusUrl', () => {
  it('parses TCP, RTU and RTU-over-TCP URLs', () => {
    expect(parseModbusUrl('modbus-tcp://127.0.0.1:1502?unit=3')).toEqual({
      target: { kind: 'tcp', host: '127.0.0.1', port: 1502 },
      unit: 3,
      unitGiven: true,
      busKey: 'tcp://127.0.0.1:1502',
    });
    expect(parseModbusUrl('modbus-tcp://meter.local')).toMatchObject({ target: { kind: 'tcp', host: 'meter.local', port: 502 }, unit: 1, unitGiven: false });
    expect(parseModbusUrl('modbus-rtu:///dev/ttyUSB0?baud=19200&parity=even&unit=7')).toEqual({
      target: { kind: 'rtu', path: '/dev/ttyUSB0', baudRate: 19200, parity: 'even', dataBits: 8, stopBits: 1 },
      unit: 7,
      unitGiven: true,
      busKey: 'rtu:///dev/ttyUSB0',
    });
    expect(parseModbusUrl('modbus-rtu-tcp://10.0.0.5:4001?unit=2&timeout=500&base=50000')).toMatchObject({
      target: { kind: 'rtu-tcp', host: '10.0.0.5', port: 4001 },
      timeoutMs: 500,
      sunSpecBase: 50000,
    });
  });

  it('shares one bus key between units on the same line', () => {
    expect(parseModbusUrl('modbus-rtu:///dev/ttyS1?unit=1').busKey).toBe(parseModbusUrl('modbus-rtu:///dev/ttyS1?unit=9&baud=9600').busKey);
  });

  it.each([
    ['http://x', /unsupported scheme "http"/],
    ['modbus-tcp://x?unit=300', /"unit" must be an integer 0\.\.255, got "300"/],
    ['modbus-rtu:///dev/ttyS0?parity=mark', /"parity" must be none, even or odd/],
    ['modbus-rtu://', /no serial port path/],
    ['not a url', /not a URL/],
  ])('rejects %s with a clear message', (url, pattern) => {
    expect(() => parseModbusUrl(url)).toThrow(pattern);
  });
});

describe('backoffDelay', () => {
  it('doubles per failure, stays within [50 %, 100 %] of the step and is capped', () => {
    expect(backoffDelay(1, 1000, 300_000, () => 1)).toBe(1000);
    expect(backoffDelay(1, 1000, 300_000, () => 0)).toBe(500);
    expect(backoffDelay(4, 1000, 300_000, () => 1)).toBe(8000);
    expect(backoffDelay(40, 1000, 300_000, () => 1)).toBe(300_000);
    expect(backoffDelay(40, 1000, 300_000, () => 0)).toBe(150_000);
  });
});
