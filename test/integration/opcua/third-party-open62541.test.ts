/**
 * Our OPC UA client (drivers/opcua, node-opcua) against a server we did not write: open62541 1.4
 * (test/fixtures/opcua/open62541/server.c). Browse, read, subscriptions, reconnect after the server was killed with
 * SIGKILL and restarted, security None and Basic256Sha256 SignAndEncrypt with a username.
 *
 * The server's values, worked out in server.c: Power 36 kW and SupplyTemperature 70 °C, constant; Energy
 * 1000 kWh + 0.005 kWh per 500 ms tick (36 kW x 0.5 s / 3600 s/h), so every reading is 1000 + 0.005 n.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeviceError } from '../../../drivers/device-driver.js';
import type { OpcUaDeviceConfig } from '../../../drivers/opcua/opcua-config.js';
import { createOpcUaDriver } from '../../../drivers/opcua/opcua-driver.js';
import { browseOpcUa, pickVariable } from '../../../drivers/opcua/opcua-browse-session.js';
import { listUnknownServerCertificates, trustServerCertificate } from '../../../drivers/opcua/pki.js';
import type { Reading } from '../../../models/types.js';
import { PKI_ROOT, opcuaDevice, waitFor } from './helpers.js';
import { open62541Binary, open62541Certificate, startOpen62541, type Open62541Server } from './open62541-server.js';

// own client PKI: its trust decisions are cleared at the start, its key and certificate are kept
const PKI = path.join(PKI_ROOT, 'client-open62541');
const USER = { name: 'operator', password: 'heat-2045' };

const point = (key: string, name: string, kind: 'power' | 'energy-counter' | 'temperature') =>
  ({ key, nodeId: `ns=1;s=HeatMeter.${name}`, name, medium: 'heat', role: 'consumption', kind }) as const;
const POINTS = [point('p', 'Power', 'power'), point('e', 'Energy', 'energy-counter'), point('t', 'SupplyTemperature', 'temperature')];
const cfg = (extra: Partial<OpcUaDeviceConfig> = {}): OpcUaDeviceConfig => ({ publishingIntervalMs: 200, points: [...POINTS], ...extra });

const value = (rs: readonly Reading[], key: string) => rs.find((r) => r.pointId.endsWith(`:${key}`))?.value;
/** n in 1000 + 0.005 n, the server's tick count behind an energy reading. */
const ticks = (kwh: number) => (kwh - 1000) / 0.005;

const servers: Open62541Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
const start = async (...args: Parameters<typeof startOpen62541>) => {
  const s = await startOpen62541(...args);
  servers.push(s);
  return s;
};

beforeAll(async () => {
  open62541Binary();
  open62541Certificate();
  for (const dir of [path.join(PKI, 'rejected'), path.join(PKI, 'trusted', 'certs')]) {
    if (!existsSync(dir)) continue;
    for (const f of await readdir(dir)) if (/\.(pem|der|crt)$/.test(f)) await rm(path.join(dir, f));
  }
  await rm(path.join(PKI, 'plustwin-rejected.json'), { force: true });
}, 120_000);

describe('open62541 1.4: browse and read (security None, anonymous)', () => {
  it('browses the heat meter and takes each unit from its EUInformation', async () => {
    const server = await start();
    const tree = await browseOpcUa(server.endpointUrl, { pkiDir: PKI, depth: 2 });
    const meter = tree.find((n) => n.nodeId === 'ns=1;s=HeatMeter');
    expect(meter?.displayName).toBe('HeatMeter');
    // the units are the EUInformation display names server.c publishes (kW, kWh, °C): the picker guesses from them
    expect(meter?.children?.map((c) => [c.nodeId, c.nodeClass, c.dataType, c.unit])).toEqual([
      ['ns=1;s=HeatMeter.Power', 'Variable', 'Double', 'kW'],
      ['ns=1;s=HeatMeter.Energy', 'Variable', 'Double', 'kWh'],
      ['ns=1;s=HeatMeter.SupplyTemperature', 'Variable', 'Double', '°C'],
    ]);
    // server.c publishes UNECE KWH = 0x4B5748 with the symbol kWh
    const picked = await pickVariable(
      server.endpointUrl,
      { pkiDir: PKI },
      { nodeId: 'ns=1;s=HeatMeter.Energy', key: 'e', medium: 'heat', role: 'consumption', kind: 'energy-counter' },
    );
    expect(picked).toMatchObject({ nodeId: 'ns=1;s=HeatMeter.Energy', name: 'Energy', unit: 'kWh', kind: 'energy-counter' });
    // each of the two calls opened a session and closed it again
    await server.waitForSessions((s) => s.current === 0 && s.cumulated >= 2);
  });

  it.each(['subscription', 'poll'] as const)('reads the values by %s, in canonical units', async (acquisition) => {
    const server = await start();
    const driver = await createOpcUaDriver(opcuaDevice(server.endpointUrl, `o6-${acquisition}`, 200), cfg({ acquisition }), { pkiDir: PKI });
    try {
      expect(driver.points.map((p) => [p.name, p.unit])).toEqual([
        ['Power', 'kW'],
        ['Energy', 'kWh'],
        ['SupplyTemperature', '°C'],
      ]);
      const first = await waitFor('three readings', async () => {
        const r = await driver.read(Date.now());
        return r.length === 3 ? r : undefined;
      });
      expect(first.every((r) => r.quality === 'good')).toBe(true);
      expect(value(first, 'p')).toBe(36);
      expect(value(first, 't')).toBe(70);
      const n = ticks(value(first, 'e')!);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(Math.abs(n - Math.round(n))).toBeLessThan(1e-6);
      // the counter moves: a later reading is a later tick
      const later = await waitFor('a later energy reading', async () => {
        const e = value(await driver.read(Date.now()), 'e');
        return e !== undefined && e > value(first, 'e')! ? e : undefined;
      });
      expect(ticks(later)).toBeGreaterThan(n);
      if (acquisition === 'subscription') expect(driver.diagnostics().notifications).toBeGreaterThanOrEqual(4);
      expect(server.sessions().current).toBe(1);
    } finally {
      await driver.close();
    }
    await server.waitForSessions((s) => s.current === 0);
  });
});

describe('open62541 1.4: reconnect after SIGKILL', () => {
  it('resumes the subscription after a restart with exactly one session', async () => {
    const first = await start();
    const events: string[] = [];
    const driver = await createOpcUaDriver(opcuaDevice(first.endpointUrl, 'o6-restart', 500), cfg(), {
      pkiDir: PKI,
      onStateChange: (s) => events.push(s),
    });
    try {
      await waitFor('readings before the crash', async () => ((await driver.read(Date.now())).length === 3 ? true : undefined));
      expect(first.sessions()).toEqual({ current: 1, cumulated: 1 });

      await first.kill9();
      const gap = await waitFor('a failing read while the server is down', () =>
        driver.read(Date.now()).then(
          () => undefined,
          (e: unknown) => e,
        ),
      );
      expect(gap).toBeInstanceOf(DeviceError);
      expect(['connection', 'timeout']).toContain((gap as DeviceError).code);

      const second = await start({}, first.port);
      // fresh data from the new server: its counter restarted at 1000 kWh and moves on under our subscription
      const e1 = await waitFor(
        'readings from the restarted server',
        async () => {
          const r = await driver.read(Date.now());
          return r.length === 3 && r.every((x) => x.quality === 'good') ? value(r, 'e') : undefined;
        },
        60_000,
        250,
      );
      const e2 = await waitFor('the counter moving after the restart', async () => {
        const e = value(await driver.read(Date.now()), 'e');
        return e !== undefined && ticks(e) >= ticks(e1) + 6 ? e : undefined;
      });
      expect(e2).toBeGreaterThan(e1);
      expect(events).toContain('reconnecting');
      expect(events.at(-1)).toBe('connected');
      // three seconds of data (6 ticks) later the restarted server has seen one session, ever
      expect(second.sessions()).toEqual({ current: 1, cumulated: 1 });
      expect(driver.diagnostics().reconnections).toBeGreaterThanOrEqual(1);
    } finally {
      await driver.close();
    }
  }, 180_000);
});

describe('open62541 1.4: Basic256Sha256 SignAndEncrypt with a username', () => {
  it('refuses the server until its certificate is trusted, then logs in; a wrong password leaves no session', async () => {
    const server = await start({ secure: true, user: USER });
    const der = readFileSync(open62541Certificate().cert);
    const thumbprint = new X509Certificate(der).fingerprint.replace(/:/g, '').toLowerCase();
    const secure = { securityMode: 'SignAndEncrypt', securityPolicy: 'Basic256Sha256' } as const;
    const asUser = (password: string) => cfg({ ...secure, identity: { kind: 'username', username: USER.name, password } });

    const untrusted = await createOpcUaDriver(opcuaDevice(server.endpointUrl, 'o6-untrusted'), asUser(USER.password), { pkiDir: PKI }).catch(
      (e: unknown) => e,
    );
    expect(untrusted).toBeInstanceOf(DeviceError);
    expect((untrusted as DeviceError).code).toBe('config');
    expect((untrusted as DeviceError).message).toContain(thumbprint);
    expect((await listUnknownServerCertificates(PKI)).map((c) => c.thumbprint)).toEqual([thumbprint]);
    await trustServerCertificate(PKI, thumbprint);

    const driver = await createOpcUaDriver(opcuaDevice(server.endpointUrl, 'o6-user', 200), asUser(USER.password), { pkiDir: PKI });
    try {
      const rs = await waitFor('readings over SignAndEncrypt', async () => {
        const r = await driver.read(Date.now());
        return r.length === 3 ? r : undefined;
      });
      expect(value(rs, 'p')).toBe(36);
      expect(value(rs, 't')).toBe(70);
      expect(server.sessions().current).toBe(1);
    } finally {
      await driver.close();
    }
    await server.waitForSessions((s) => s.current === 0);

    const refused = await createOpcUaDriver(opcuaDevice(server.endpointUrl, 'o6-wrong'), asUser('wrong'), { pkiDir: PKI }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DeviceError);
    expect((refused as DeviceError).message).toMatch(/session refused \(username identity\)/);
    expect(server.sessions().current).toBe(0);

    // the same server still serves anonymous clients on its None endpoint
    const anonymous = await createOpcUaDriver(opcuaDevice(server.endpointUrl, 'o6-anon', 200), cfg(), { pkiDir: PKI });
    try {
      await waitFor('an anonymous reading', async () => (value(await anonymous.read(Date.now()), 'p') === 36 ? true : undefined));
    } finally {
      await anonymous.close();
    }
  }, 120_000);
});
