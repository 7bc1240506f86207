import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import path from 'node:path';
import { OPCUACertificateManager } from 'node-opcua';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceError } from '../../../drivers/device-driver.js';
import type { OpcUaDeviceConfig } from '../../../drivers/opcua/opcua-config.js';
import { createOpcUaDriver } from '../../../drivers/opcua/opcua-driver.js';
import {
  listServerCertificates,
  listUnknownServerCertificates,
  rejectServerCertificate,
  trustServerCertificate,
} from '../../../drivers/opcua/pki.js';
import {
  startBuildingAutomationSimulator,
  type BuildingAutomationSimulator,
} from '../../../drivers/simulators/opcua/building-automation-simulator.js';
import { fixtureBuildings, fixtureValues } from '../../fixtures/opcua/fixture-values.js';
import { PKI_ROOT, SIM_PKI, opcuaDevice, waitFor } from './helpers.js';

// Own client PKI: its trust decisions are cleared at the start, its key and certificate are kept.
const PKI = path.join(PKI_ROOT, 'client-security');
const USER_PKI = path.join(PKI_ROOT, 'user-identity');
const USER_CERT = path.join(USER_PKI, 'own', 'certs', 'user_certificate.pem');

let sim: BuildingAutomationSimulator;
let userKeyFile = '';

async function clearFolder(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  for (const f of await readdir(dir)) {
    if (/\.(pem|der|crt)$/.test(f)) await rm(path.join(dir, f));
  }
}

beforeAll(async () => {
  await clearFolder(path.join(PKI, 'rejected'));
  await clearFolder(path.join(PKI, 'trusted', 'certs'));
  await rm(path.join(PKI, 'plustwin-rejected.json'), { force: true });
  await mkdir(USER_PKI, { recursive: true });
  const userCm = new OPCUACertificateManager({ rootFolder: USER_PKI });
  await userCm.initialize();
  if (!existsSync(USER_CERT)) {
    await userCm.createSelfSignedCertificate({
      outputFile: USER_CERT,
      subject: '/CN=plustwin-test-user/O=PlusTwin',
      applicationUri: 'urn:plustwin:test-user',
      dns: [],
      startDate: new Date(Date.now() - 86_400_000),
      validity: 3650,
    });
  }
  userKeyFile = userCm.privateKey;
  sim = await startBuildingAutomationSimulator({
    pkiDir: SIM_PKI,
    buildings: fixtureBuildings,
    values: fixtureValues,
    users: [{ username: 'operator', password: 'secret-1' }],
  });
});
afterAll(async () => {
  await sim?.close();
});

const cfg = (extra: Partial<OpcUaDeviceConfig>): OpcUaDeviceConfig => ({
  publishingIntervalMs: 100,
  points: [{ key: 'p', nodeId: sim.nodeId('school-1', 'M1', 'ActivePower'), name: 'P', medium: 'electricity', role: 'import', kind: 'power' }],
  ...extra,
});

async function readOnce(config: OpcUaDeviceConfig, id: string): Promise<number> {
  const driver = await createOpcUaDriver(opcuaDevice(sim.endpointUrl, id, 200), config, { pkiDir: PKI });
  try {
    const rs = await waitFor('a reading', async () => {
      const r = await driver.read(Date.now());
      return r.length === 1 ? r : undefined;
    });
    return rs[0]!.value;
  } finally {
    await driver.close();
  }
}

describe('OPC UA security', () => {
  it('does not trust an unknown server certificate until the user trusts it', async () => {
    const serverCert = new X509Certificate(readFileSync(path.join(SIM_PKI, 'server', 'own', 'certs', 'server_certificate.pem')));
    const expectedThumb = serverCert.fingerprint.replace(/:/g, '').toLowerCase();
    const secure = cfg({ securityMode: 'SignAndEncrypt', securityPolicy: 'Basic256Sha256' });

    const first = await createOpcUaDriver(opcuaDevice(sim.endpointUrl, 'untrusted'), secure, { pkiDir: PKI }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(DeviceError);
    expect((first as DeviceError).code).toBe('config');
    expect((first as DeviceError).message).toContain(expectedThumb);

    const unknown = await listUnknownServerCertificates(PKI);
    expect(unknown.map((c) => c.thumbprint)).toEqual([expectedThumb]);
    expect(unknown[0]!.currentlyValid).toBe(true);
    expect(unknown[0]!.subject).toMatch(/CN=/);
    expect(Date.parse(unknown[0]!.validTo)).toBeGreaterThan(Date.now());

    // rejected by the user: no longer a question, still refused
    await rejectServerCertificate(PKI, expectedThumb);
    expect(await listUnknownServerCertificates(PKI)).toEqual([]);
    expect((await listServerCertificates(PKI)).find((c) => c.thumbprint === expectedThumb)?.status).toBe('rejected');
    const again = await createOpcUaDriver(opcuaDevice(sim.endpointUrl, 'rejected'), secure, { pkiDir: PKI }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DeviceError);

    // trusted by the user: connects
    await trustServerCertificate(PKI, expectedThumb);
    expect((await listServerCertificates(PKI)).find((c) => c.thumbprint === expectedThumb)?.status).toBe('trusted');
    expect(await readOnce(secure, 'trusted')).toBeGreaterThan(0);
  });

  it.each([
    ['Sign', 'Basic256Sha256'],
    ['Sign', 'Aes128_Sha256_RsaOaep'],
    ['SignAndEncrypt', 'Basic256Sha256'],
    ['SignAndEncrypt', 'Aes128_Sha256_RsaOaep'],
    ['None', 'None'],
  ] as const)('reads with %s / %s', async (securityMode, securityPolicy) => {
    const v = await readOnce(cfg({ securityMode, securityPolicy }), `sec-${securityMode}-${securityPolicy}`);
    expect(v).toBeGreaterThan(15);
  });

  it('logs in with username and password, refuses a wrong password', async () => {
    const secure = { securityMode: 'SignAndEncrypt', securityPolicy: 'Basic256Sha256' } as const;
    const ok = await readOnce(cfg({ ...secure, identity: { kind: 'username', username: 'operator', password: 'secret-1' } }), 'user-ok');
    expect(ok).toBeGreaterThan(15);
    const bad = await createOpcUaDriver(
      opcuaDevice(sim.endpointUrl, 'user-bad'),
      cfg({ ...secure, identity: { kind: 'username', username: 'operator', password: 'wrong' } }),
      { pkiDir: PKI },
    ).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(DeviceError);
    expect((bad as DeviceError).message).toMatch(/session refused \(username identity\)/);
    expect(sim.sessionCount()).toBe(0);
  });

  it('logs in with a user certificate', async () => {
    const v = await readOnce(
      cfg({
        securityMode: 'Sign',
        securityPolicy: 'Aes128_Sha256_RsaOaep',
        identity: { kind: 'certificate', certificateFile: USER_CERT, privateKeyFile: userKeyFile },
      }),
      'user-cert',
    );
    expect(v).toBeGreaterThan(15);
  });

  it('logs in anonymously', async () => {
    expect(await readOnce(cfg({ identity: { kind: 'anonymous' } }), 'anon')).toBeGreaterThan(15);
  });
});

describe('a server that allows no anonymous login', () => {
  it('refuses the anonymous session with a config error and keeps no session', async () => {
    const strict = await startBuildingAutomationSimulator({
      pkiDir: SIM_PKI,
      buildings: fixtureBuildings,
      values: fixtureValues,
      allowAnonymous: false,
      users: [{ username: 'operator', password: 'secret-1' }],
    });
    try {
      const config = cfg({});
      const err = await createOpcUaDriver(opcuaDevice(strict.endpointUrl, 'anon-refused'), config, { pkiDir: PKI }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DeviceError);
      expect((err as DeviceError).code).toBe('config');
      expect((err as DeviceError).message).toMatch(/session refused \(anonymous identity\)/);
      expect(strict.sessionCount()).toBe(0);
    } finally {
      await strict.close();
    }
  });
});
