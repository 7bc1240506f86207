import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModbusDriver, listProfiles, loadProfile, probeModbus } from '../../../drivers/modbus/index.js';
import { canonicalUnit } from '../../../drivers/modbus/canonical-units.js';
import { registerCount } from '../../../drivers/modbus/register-types.js';
import type { DeviceProfile, ProfilePoint } from '../../../drivers/profiles/device-profile.js';
import {
  profileSimDevice,
  registerSimDevice,
  startModbusTcpSimulator,
  type ModbusTcpSimulator,
} from '../../../drivers/simulators/modbus/index.js';
import { expectClose, modbusDevice, profileFixture, profileFixtureIds } from './helpers.js';

/** A value every point can carry exactly enough: integers in the raw domain, times the scale. */
function roundTripValue(p: ProfilePoint, index: number): number {
  const raw = p.type === 'uint16' || p.type === 'int16' ? 1000 + index * 7 : 100_000 + index * 1013;
  const signed = p.kind === 'power' && p.type.startsWith('int') ? -raw : raw;
  return p.type.startsWith('float') ? signed / 4 : signed * p.scale;
}

/** The first choice of every parameter the profile requires, as URL query (the fixtures are in those units). */
const choices = (p: DeviceProfile, sep: '?' | '&') =>
  (p.parameters ?? []).map((x, i) => `${i === 0 ? sep : '&'}${x.key}=${x.choices[0]}`).join('');

describe('device profiles', () => {
  let profiles: DeviceProfile[];
  const sims: ModbusTcpSimulator[] = [];
  beforeAll(async () => {
    profiles = await Promise.all((await listProfiles()).map((s) => loadProfile(s.id)));
  });
  afterAll(async () => {
    await Promise.all(sims.map((s) => s.close()));
  });

  it('ships at least 10 profiles, each with a test fixture', async () => {
    expect(profiles.length).toBeGreaterThanOrEqual(10);
    expect(profileFixtureIds()).toEqual(profiles.map((p) => p.id).sort());
  });

  it.each(profileFixtureIds())('%s decodes its fixture registers to canonical values', async (id) => {
    const fx = profileFixture(id);
    const profile = await loadProfile(id);
    const sim = await startModbusTcpSimulator({ units: { 7: registerSimDevice(fx.registers) } });
    sims.push(sim);
    const driver = await createModbusDriver(modbusDevice(`dev-${id}`, `modbus-tcp://127.0.0.1:${sim.port}?unit=7${choices(profile, '&')}`, id));
    try {
      const readings = await driver.read(1_700_000_000_000);
      const byKey = new Map(readings.map((r) => [r.pointId.split(':')[1], r]));
      expect(Object.keys(fx.expected).length).toBeGreaterThan(5);
      for (const [key, value] of Object.entries(fx.expected)) {
        expectClose(byKey.get(key)?.value, value, `${id} ${key}`);
        expect(byKey.get(key)?.quality).toBe('good');
        expect(byKey.get(key)?.ts).toBe(1_700_000_000_000);
      }
      // coalescing: far fewer requests than points
      expect(driver.poller.plan.length).toBeLessThan(profile.points.length);
      const probe = await probeModbus(`modbus-tcp://127.0.0.1:${sim.port}?unit=7${choices(profile, '&')}`, { profile: id });
      expect(probe.identity.manufacturer).toBe(profile.manufacturer);
      for (const [field, value] of Object.entries(fx.identity)) {
        expect(probe.identity[field as 'serial']).toBe(value);
      }
    } finally {
      await driver.close();
    }
  });

  it.each(profileFixtureIds())('%s round-trips every point through the profile simulator', async (id) => {
    const profile = await loadProfile(id);
    const values = new Map(profile.points.map((p, i) => [p.key, roundTripValue(p, i)]));
    // no unit in the URL: the driver must ask the unit the profile names (SMA 3, Socomec 5, others 1)
    const sim = await startModbusTcpSimulator({ units: { [profile.defaultUnit ?? 1]: profileSimDevice(profile, (k) => values.get(k)) } });
    sims.push(sim);
    const driver = await createModbusDriver(modbusDevice('rt', `modbus-tcp://127.0.0.1:${sim.port}${choices(profile, '?')}`, id));
    expect(driver.unit).toBe(profile.defaultUnit ?? 1);
    try {
      const readings = await driver.read(5);
      const measured = profile.points.filter((p) => p.identity === undefined);
      expect(readings).toHaveLength(measured.length);
      for (const p of measured) {
        const r = readings.find((x) => x.pointId === `rt:${p.key}`);
        expectClose(r?.value, values.get(p.key)! * canonicalUnit(p.unit).factor, `${id} ${p.key}`);
      }
      const point = driver.points.find((p) => p.id === `rt:${measured[0]!.key}`)!;
      expect(point.role).toBe(measured[0]!.role);
      expect(point.unit).toBe(canonicalUnit(measured[0]!.unit).unit);
      expect(registerCount(measured[0]!)).toBeGreaterThan(0);
    } finally {
      await driver.close();
    }
  });
});

describe('"not implemented" values', () => {
  it('drops points whose registers hold the profile sentinel (ABB: signed maximum)', async () => {
    const fx = profileFixture('abb-b23');
    const registers = fx.registers.map((r) => (r.address === 23316 ? { ...r, words: [0x7fff, 0xffff] } : r));
    const sim = await startModbusTcpSimulator({ units: { 1: registerSimDevice(registers) } });
    const driver = await createModbusDriver(modbusDevice('abb', `modbus-tcp://127.0.0.1:${sim.port}?unit=1`, 'abb-b23'));
    try {
      const keys = (await driver.read(1)).map((r) => r.pointId);
      expect(keys).not.toContain('abb:power_total');
      expect(keys).toContain('abb:power_l1');
      expect(keys).toContain('abb:energy_import');
    } finally {
      await driver.close();
      await sim.close();
    }
  });
});

describe('Carlo Gavazzi EM24: the RS-485 and the Ethernet map', () => {
  it('reads frequency, import and export at 37h/42h/5Ch (RS-485) and 33h/34h/4Eh (EM24_E1), as mbmd maps them', async () => {
    const rs485 = await loadProfile('carlo-gavazzi-em24');
    const e1 = await loadProfile('carlo-gavazzi-em24-e1');
    const at = (p: DeviceProfile, key: string) => p.points.find((x) => x.key === key)!;
    // mbmd meters/rs485/carlogavazzi-em24.go and carlogavazzi-em24_e1.go, both FC 04
    expect(['frequency', 'energy_import', 'energy_export'].map((k) => at(rs485, k).address)).toEqual([0x37, 0x42, 0x5c]);
    expect(['frequency', 'energy_import', 'energy_export'].map((k) => at(e1, k).address)).toEqual([0x33, 0x34, 0x4e]);
    expect(rs485.points.every((p) => p.functionCode === 4) && e1.points.every((p) => p.functionCode === 4)).toBe(true);
  });

  it('an RS-485 EM24 that answers "illegal data address" for export reads everything else and names export unavailable', async () => {
    // the fixture without the export register: 5Ch lies beyond the served range, so the simulator answers exception 2
    const fx = profileFixture('carlo-gavazzi-em24');
    const registers = fx.registers.filter((r) => r.address !== 0x5c);
    const sim = await startModbusTcpSimulator({ units: { 1: registerSimDevice(registers) } });
    const driver = await createModbusDriver(modbusDevice('em', `modbus-tcp://127.0.0.1:${sim.port}?unit=1`, 'carlo-gavazzi-em24'));
    try {
      const readings = await driver.read(1);
      const keys = readings.map((r) => r.pointId);
      expect(keys).not.toContain('em:energy_export');
      expectClose(readings.find((r) => r.pointId === 'em:energy_import')?.value, fx.expected.energy_import!, 'import');
      expectClose(readings.find((r) => r.pointId === 'em:frequency')?.value, fx.expected.frequency!, 'frequency');
      expect(driver.unsupported.get('energy_export')).toMatch(/illegal data address/);
    } finally {
      await driver.close();
      await sim.close();
    }
  });
});

describe('Kamstrup MULTICAL 603: the energy unit is a required choice', () => {
  it('refuses a device without the unit, and reads the same register as kWh, MWh or GJ as chosen', async () => {
    const fx = profileFixture('kamstrup-multical603-mbus-gateway');
    const sim = await startModbusTcpSimulator({ units: { 1: registerSimDevice(fx.registers) } });
    const base = `modbus-tcp://127.0.0.1:${sim.port}?unit=1`;
    try {
      await expect(createModbusDriver(modbusDevice('k', base, 'kamstrup-multical603-mbus-gateway'))).rejects.toThrow(
        /needs "energyunit" \(energy unit the meter is configured for \(B-code\)\): one of kWh, MWh, GJ, nothing was chosen/,
      );
      await expect(probeModbus(`${base}&energyunit=Gcal`, { profile: 'kamstrup-multical603-mbus-gateway' })).rejects.toThrow(/one of kWh, MWh, GJ, got "Gcal"/);
      const read = async (unit: string) => {
        const d = await createModbusDriver(modbusDevice('k', `${base}&energyunit=${unit}`, 'kamstrup-multical603-mbus-gateway'));
        try {
          return (await d.read(1)).find((r) => r.pointId === 'k:energy_heat')!.value;
        } finally {
          await d.close();
        }
      };
      const raw = fx.expected.energy_heat!; // the fixture's register in kWh
      expectClose(await read('kWh'), raw, 'kWh');
      expectClose(await read('MWh'), raw * 1000, 'MWh'); // 1 MWh = 1,000 kWh
      expectClose(await read('GJ'), (raw * 1e6) / 3600, 'GJ'); // 1 GJ = 10^9 J / 3.6 x 10^6 J per kWh = 277.78 kWh
    } finally {
      await sim.close();
    }
  });
});
