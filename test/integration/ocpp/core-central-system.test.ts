/**
 * The core starts the district's central system when the district file's OCPP settings enable it, lets unknown
 * charge points in only when allowed, attaches them to the configured building and closes the endpoint with the core.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startCore, type Core } from '../../../main/core/app/app-core.js';
import { DEFAULT_OCPP_SETTINGS } from '../../../main/core/store/charging-store.js';
import { openStore } from '../../../main/core/store/open-store.js';
import { userDataDir } from '../devices/core-helpers.js';
import { requirePythonWebsockets, resultOf, runChargePoint } from './charge-point-process.js';

let dir = '';
let core: Core | undefined;
afterAll(async () => {
  await core?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('runs the central system of a district whose settings enable it, with unknown charge points allowed', async () => {
  requirePythonWebsockets();
  dir = await userDataDir('plustwin-ocpp-core-');
  const store = await openStore(path.join(dir, 'district.sqlite'));
  await store.charging.saveOcppSettings({ ...DEFAULT_OCPP_SETTINGS, enabled: true, port: 0, allowUnknown: true, unknownBuildingId: 'gym' });
  await store.close();

  core = await startCore({ dataDir: dir, demo: false, transport: 'http' });
  const url = core.ocpp?.url as string;
  expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/ocpp\/$/);
  const lines = await runChargePoint(url, 'NOX-LATERNE-17', [
    ['BootNotification', { chargePointVendor: 'ubitricity', chargePointModel: 'Heinz' }],
    ['MeterValues', { connectorId: 1, meterValue: [{ timestamp: '2026-03-02T18:00:00Z', sampledValue: [{ value: '4.2', unit: 'kWh' }] }] }],
  ]);
  expect(resultOf(lines, 'BootNotification')['status']).toBe('Accepted');
  const view = await core.store.getDistrict();
  expect(view?.devices.find((d) => d.id === 'ocpp-NOX-LATERNE-17')).toMatchObject({ protocol: 'ocpp', buildingId: 'gym' });
  // an inbound device is never handed to the poller
  expect(core.collector.status().devices.map((d) => d.deviceId)).not.toContain('ocpp-NOX-LATERNE-17');
  await core.close();
  core = undefined;
  await expect(runChargePoint(url, 'NOX-LATERNE-17', [])).rejects.toThrow(/exited with 1/);
});
