/** Shared bits of the Modbus integration tests: Device records and fixture loading. */
import { readFileSync, readdirSync } from 'node:fs';
import type { Device, DeviceProtocol } from '../../../models/types.js';

export function modbusDevice(id: string, url: string, profile: string, protocol: DeviceProtocol = 'modbus-tcp'): Device {
  return { id, name: id, buildingId: 'b1', protocol, url, profile, pollIntervalMs: 1000 };
}

export interface ProfileFixture {
  profile: string;
  registers: { fc: 1 | 2 | 3 | 4; address: number; words: number[] }[];
  expected: Record<string, number>;
  identity: Record<string, string>;
}

const FIXTURES = new URL('../../fixtures/modbus/profiles/', import.meta.url);

export function profileFixtureIds(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function profileFixture(id: string): ProfileFixture {
  return JSON.parse(readFileSync(new URL(`${id}.json`, FIXTURES), 'utf8')) as ProfileFixture;
}

/** Relative comparison: float32 registers carry about 7 significant digits. */
export function expectClose(actual: number | undefined, expected: number, what: string): void {
  if (actual === undefined) throw new Error(`${what}: no reading`);
  const tol = Math.max(1e-9, Math.abs(expected) * 1e-6);
  if (Math.abs(actual - expected) > tol) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}
