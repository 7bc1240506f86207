/**
 * OCPP security profile 2 (OCPP 1.6 security whitepaper; OCPP 2.0.1 Part 2, section A): TLS (1.2 at least) and
 * HTTP basic auth, for a 1.6J charge point and a 2.0.1 charging station on the same endpoint. The certificate is made by Debian's openssl for
 * 127.0.0.1 at test time; the python3-websockets charge point trusts exactly that certificate.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCentralSystem, type CentralSystem } from '../../../main/core/ingest/ocpp/central-system.js';
import { hashChargePointPassword } from '../../../main/core/ingest/ocpp/charge-point-password.js';
import { DEFAULT_OCPP_SETTINGS } from '../../../main/core/store/charging-store.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { building, SITE, tempDir } from '../store/district-fixture.js';
import { requirePythonWebsockets, resultOf, runChargePoint, runChargingStation201 } from './charge-point-process.js';

const tmp = tempDir();
let store: SqliteStore;
let cs: CentralSystem;

beforeAll(async () => {
  requirePythonWebsockets();
  const made = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', tmp.file('key.pem'), '-out', tmp.file('cert.pem'),
  ], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate (sudo apt-get install openssl): ${made.stderr}`);
  store = await openStore(tmp.file('district.sqlite'));
  await store.saveDistrict(SITE, [building('A')], [], []);
  await store.charging.saveChargePoint({ id: 'CP-TLS', buildingId: 'A', passwordHash: await hashChargePointPassword('tls-geheim') });
  await store.charging.saveChargePoint({ id: 'CS-TLS-201', buildingId: 'A', passwordHash: await hashChargePointPassword('tls-geheim-201') });
  cs = await startCentralSystem({
    store,
    charging: store.charging,
    settings: { ...DEFAULT_OCPP_SETTINGS, enabled: true, port: 0 },
    tls: { cert: readFileSync(tmp.file('cert.pem')), key: readFileSync(tmp.file('key.pem')) },
  });
});
afterAll(async () => {
  await cs?.close();
  await store?.close();
  tmp.cleanup();
});

it('accepts a charge point over wss:// with its password and refuses it without', async () => {
  expect(cs.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/ocpp\/$/);
  const boot = ['BootNotification', { chargePointVendor: 'Alfen', chargePointModel: 'Eve Single Pro-line' }] as const;
  const ok = await runChargePoint(cs.url, 'CP-TLS', [boot], 'tls-geheim', tmp.file('cert.pem'));
  expect(resultOf(ok, 'BootNotification')['status']).toBe('Accepted');
  expect(await runChargePoint(cs.url, 'CP-TLS', [boot], undefined, tmp.file('cert.pem'))).toEqual([{ refused: 401 }]);
});

it('accepts an OCPP 2.0.1 charging station over wss:// with its password and refuses it with a wrong one', async () => {
  const boot = ['BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'Alfen', model: 'Eve Double Pro' } }] as const;
  const caFile = tmp.file('cert.pem');
  const ok = await runChargingStation201(cs.url, 'CS-TLS-201', [boot], { password: 'tls-geheim-201', caFile });
  expect(ok[0]).toEqual({ subprotocol: 'ocpp2.0.1' });
  expect(resultOf(ok, 'BootNotification')['status']).toBe('Accepted');
  expect(await runChargingStation201(cs.url, 'CS-TLS-201', [boot], { password: 'tls-geheim', caFile })).toEqual([{ refused: 401 }]);
});
