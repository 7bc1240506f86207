/** Shared bits of the OPC UA integration tests: fixed PKI folders (certificate generation is slow) and polling. */
import os from 'node:os';
import path from 'node:path';
import type { Device } from '../../../models/types.js';

/** One folder per role under the OS temp dir, created once and reused by every run. */
export const PKI_ROOT = path.join(os.tmpdir(), 'plustwin-opcua-test-pki');
export const SIM_PKI = path.join(PKI_ROOT, 'simulator');
/** Client PKI that trusts nothing by default; tests that need trust use their own copy. */
export const CLIENT_PKI = path.join(PKI_ROOT, 'client');

export function opcuaDevice(url: string, id = 'dev-opcua', pollIntervalMs = 1000): Device {
  return { id, name: id, buildingId: 'school-1', protocol: 'opcua', url, profile: 'opcua', pollIntervalMs };
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
  everyMs = 200,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < until) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
}
