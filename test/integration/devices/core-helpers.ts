/** Shared bits of the device-management tests: a data folder holding a user's district, calls through dispatch(). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArgsOf, MethodName, ResultOf } from '../../../models/contract/index.js';
import type { Building, Site } from '../../../models/types.js';
import type { ApiError } from '../../../models/result.js';
import { dispatch } from '../../../main/core/api/dispatch.js';
import type { Core } from '../../../main/core/app/app-core.js';
import { openStore } from '../../../main/core/store/open-store.js';

export const USER_SITE: Site = { id: 'site-bottrop', name: 'Bottrop Schulzentrum', origin: { lat: 51.52, lon: 6.93 }, timezone: 'Europe/Berlin' };
export const USER_BUILDINGS: Building[] = [
  { id: 'school', name: 'Gesamtschule', use: 'school', footprint: [[6.93, 51.52], [6.9305, 51.52], [6.9305, 51.5203], [6.93, 51.5203]], heightM: 12 },
  { id: 'gym', name: 'Turnhalle', use: 'school', footprint: [[6.931, 51.52], [6.9314, 51.52], [6.9314, 51.5202], [6.931, 51.5202]], heightM: 8 },
];

/** A fresh data folder whose district.sqlite holds a user's district with two buildings and no devices. */
export async function userDataDir(prefix: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const store = await openStore(path.join(dir, 'district.sqlite'));
  await store.saveDistrict(USER_SITE, USER_BUILDINGS, [], []);
  await store.close();
  return dir;
}

export async function call<M extends MethodName>(core: Core, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const r = await dispatch(core.handlers, method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.kind}: ${r.error.message}`);
  return r.value as ResultOf<M>;
}

/** The error a call answers; fails the test when the call succeeds. */
export async function callError(core: Core, method: string, args: unknown): Promise<ApiError> {
  const r = await dispatch(core.handlers, method, args);
  if (r.ok) throw new Error(`${method} should have failed but answered ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}`);
}
