/**
 * Device URLs:
 *   modbus-tcp://host:502?unit=1                         Modbus TCP
 *   modbus-rtu:///dev/ttyUSB0?baud=9600&parity=none&unit=3  RTU on a local serial port
 *   modbus-rtu-tcp://host:4001?unit=2                    RTU frames through a transparent TCP gateway
 * Optional query: timeout (ms), base (SunSpec base register), databits, stopbits.
 */
import { DeviceError } from '../device-driver.js';

export type BusTarget =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'rtu-tcp'; readonly host: string; readonly port: number }
  | {
      readonly kind: 'rtu';
      readonly path: string;
      readonly baudRate: number;
      readonly parity: 'none' | 'even' | 'odd';
      readonly dataBits: 7 | 8;
      readonly stopBits: 1 | 2;
    };

export interface ModbusAddress {
  readonly target: BusTarget;
  readonly unit: number;
  /** False when the URL has no unit parameter (then a profile's default unit applies, else 1). */
  readonly unitGiven: boolean;
  /** Identifies the shared bus: one request at a time per key. */
  readonly busKey: string;
  readonly timeoutMs?: number;
  readonly sunSpecBase?: number;
}

function intParam(q: URLSearchParams, name: string, min: number, max: number, url: string): number | undefined {
  const raw = q.get(name);
  if (raw === null) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new DeviceError('config', `${url}: "${name}" must be an integer ${min}..${max}, got "${raw}"`);
  }
  return n;
}

export function parseModbusUrl(url: string): ModbusAddress {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DeviceError('config', `not a URL: "${url}"`);
  }
  const q = u.searchParams;
  const givenUnit = intParam(q, 'unit', 0, 255, url);
  const unit = givenUnit ?? 1;
  const unitGiven = givenUnit !== undefined;
  const timeoutMs = intParam(q, 'timeout', 10, 60_000, url);
  const sunSpecBase = intParam(q, 'base', 0, 65535, url);
  const extra = { ...(timeoutMs !== undefined ? { timeoutMs } : {}), ...(sunSpecBase !== undefined ? { sunSpecBase } : {}) };
  const scheme = u.protocol.replace(/:$/, '');
  if (scheme === 'modbus-tcp' || scheme === 'modbus-rtu-tcp') {
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (host === '') throw new DeviceError('config', `${url}: no host`);
    const port = u.port === '' ? 502 : Number(u.port);
    const kind = scheme === 'modbus-tcp' ? 'tcp' : 'rtu-tcp';
    return { target: { kind, host, port }, unit, unitGiven, busKey: `${kind}://${host}:${port}`, ...extra };
  }
  if (scheme === 'modbus-rtu') {
    const path = decodeURIComponent(u.pathname);
    if (path === '' || path === '/') throw new DeviceError('config', `${url}: no serial port path`);
    const parity = q.get('parity') ?? 'none';
    if (parity !== 'none' && parity !== 'even' && parity !== 'odd') {
      throw new DeviceError('config', `${url}: "parity" must be none, even or odd, got "${parity}"`);
    }
    const baudRate = intParam(q, 'baud', 300, 921_600, url) ?? 9600;
    const dataBits = (intParam(q, 'databits', 7, 8, url) ?? 8) as 7 | 8;
    const stopBits = (intParam(q, 'stopbits', 1, 2, url) ?? 1) as 1 | 2;
    return { target: { kind: 'rtu', path, baudRate, parity, dataBits, stopBits }, unit, unitGiven, busKey: `rtu://${path}`, ...extra };
  }
  throw new DeviceError('config', `${url}: unsupported scheme "${scheme}" (modbus-tcp, modbus-rtu, modbus-rtu-tcp)`);
}
