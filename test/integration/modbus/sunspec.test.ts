import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createModbusDriver, probeModbus } from '../../../drivers/modbus/index.js';
import { modbusProbeText } from '../../../main/shells/cli/probe-text.js';
import { numberFormatter } from '../../../main/shells/cli/number-format.js';
import { startModbusTcpSimulator, sunSpecSimDevice, type ModbusTcpSimulator } from '../../../drivers/simulators/modbus/index.js';
import { expectClose, modbusDevice } from './helpers.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function sim(units: Parameters<typeof startModbusTcpSimulator>[0]['units']): Promise<ModbusTcpSimulator> {
  const s = await startModbusTcpSimulator({ units });
  cleanups.push(() => s.close());
  return s;
}

const inverterValues: Record<string, number> = {
  '103.W': 7321.4,
  '103.WH': 48_123_456,
  '103.PhVphA': 231.2,
  '103.PhVphB': 229.8,
  '103.PhVphC': 230.5,
  '103.Hz': 49.98,
  '103.DCW': 7612,
  '160.module[0].DCW': 3900,
  '160.module[1].DCW': 3712,
  '160.module[0].DCWH': 21_000_000,
  '203.W': -2500,
  '203.WphA': -800,
  '203.WphB': -900,
  '203.WphC': -800,
  '203.TotWhImp': 3_456_789,
  '203.TotWhExp': 12_345_678,
};

describe('SunSpec against our simulator', () => {
  it.each([0, 40000, 50000])('discovers the model chain at base %i and maps inverter, MPPT and meter points', async (base) => {
    const s = await sim({
      1: sunSpecSimDevice(
        [{ id: 1, strings: { Mn: 'SMA', Md: 'STP 8.0', SN: '3008123456', Vr: '4.1' } }, 103, { id: 160, repeats: 2 }, 203],
        (k) => inverterValues[k],
        { base },
      ),
    });
    const url = `modbus-tcp://127.0.0.1:${s.port}?unit=1`;
    const driver = await createModbusDriver(modbusDevice('inv', url, 'sunspec'));
    cleanups.push(() => driver.close());
    expect(driver.sunSpec?.base).toBe(base);
    expect(driver.sunSpec?.models.map((m) => m.id)).toEqual([1, 103, 160, 203]);
    const r = new Map((await driver.read(1)).map((x) => [x.pointId, x.value]));
    // int16 W: 7321.4 W does not fit at W_SF -1, so the device serves W_SF 0 and 7321 W
    expectClose(r.get('inv:inverter_ac_power'), 7.321, 'W');
    expectClose(r.get('inv:inverter_energy_total'), 48_123.456, 'WH');
    expectClose(r.get('inv:inverter_voltage_l2'), 229.8, 'V L2');
    expectClose(r.get('inv:inverter_frequency'), 49.98, 'Hz');
    expectClose(r.get('inv:mppt2_dc_power'), 3.712, 'MPPT 2');
    expectClose(r.get('inv:mppt1_dc_energy'), 21_000, 'MPPT 1 energy');
    expectClose(r.get('inv:meter_ac_power'), -2.5, 'meter W');
    expectClose(r.get('inv:meter_ac_power_l2'), -0.9, 'meter W L2');
    expectClose(r.get('inv:meter_energy_import'), 3456.789, 'import');
    expectClose(r.get('inv:meter_energy_export'), 12_345.678, 'export');
    // not served (sentinel) -> no reading rather than a made-up value
    expect(r.has('inv:inverter_temperature_cabinet')).toBe(false);
    expect(r.has('inv:meter_energy_import_l1')).toBe(false);
    const roles = new Map(driver.points.map((p) => [p.id, [p.role, p.kind, p.unit]]));
    expect(roles.get('inv:inverter_ac_power')).toEqual(['generation', 'power', 'kW']);
    expect(roles.get('inv:meter_ac_power')).toEqual(['import', 'power', 'kW']);
    expect(roles.get('inv:meter_energy_export')).toEqual(['export', 'energy-counter', 'kWh']);

    const probe = await probeModbus(url);
    expect(probe.identity).toEqual({ manufacturer: 'SMA', model: 'STP 8.0', serial: '3008123456', version: '4.1' });
    expect(probe.notes[0]).toBe(`SunSpec at base ${base}: models 1, 103, 160, 203`);
    expect(modbusProbeText(probe, numberFormatter('en'))).toMatch(/inverter_ac_power\s+7\.321 kW/);
    expect(modbusProbeText(probe, numberFormatter('de'))).toMatch(/inverter_ac_power\s+7,321 kW/);
  });

  it('decodes float models (113, 213) and DER (701)', async () => {
    const values: Record<string, number> = {
      '113.W': 5123.25,
      '113.WH': 1_234_567.5,
      '213.W': 812.5,
      '213.TotWhImp': 99_000,
      '213.TotWhExp': 1500,
      '701.W': 4000,
      '701.TotWhInj': 7_000_000,
      '701.TotWhAbs': 12_000,
      '701.VL1': 230.1,
    };
    const s = await sim({ 2: sunSpecSimDevice([1, 113, 213, 701], (k) => values[k]) });
    const driver = await createModbusDriver(modbusDevice('d', `modbus-tcp://127.0.0.1:${s.port}?unit=2`, 'sunspec'));
    cleanups.push(() => driver.close());
    const r = new Map((await driver.read(1)).map((x) => [x.pointId, x.value]));
    expectClose(r.get('d:inverter_ac_power'), 5.12325, 'float W');
    expectClose(r.get('d:inverter_energy_total'), 1234.5675, 'float WH');
    expectClose(r.get('d:meter_ac_power'), 0.8125, 'float meter W');
    expectClose(r.get('d:meter_energy_export'), 1.5, 'float export');
    expectClose(r.get('d:der_ac_power'), 4, 'DER W');
    expectClose(r.get('d:der_energy_injected'), 7000, 'DER injected');
    expectClose(r.get('d:der_energy_absorbed'), 12, 'DER absorbed');
    expectClose(r.get('d:der_voltage_l1'), 230.1, 'DER V');
  });

  it('reports a device without SunSpec clearly', async () => {
    const s = await sim({ 1: sunSpecSimDevice([1, 103], () => 1, { base: 12345 }) });
    await expect(createModbusDriver(modbusDevice('x', `modbus-tcp://127.0.0.1:${s.port}?unit=1`, 'sunspec'))).rejects.toThrow(
      /SunSpec discovery failed: no SunSpec device: 40000: .*illegal data address.*; 0: .*; 50000: /,
    );
  });
});

const PY_SERVER = fileURLToPath(new URL('../../fixtures/modbus/pymodbus-sunspec-server.py', import.meta.url));

async function startPymodbus(base: number): Promise<{ port: number; proc: ChildProcess }> {
  const proc = spawn('/usr/bin/python3', [PY_SERVER, String(base)], { stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(() => {
    proc.kill('SIGTERM');
  });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    proc.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    proc.once('exit', (code) => reject(new Error(`pymodbus server exited ${code}: ${err}`)));
  });
  return { port, proc };
}

describe('SunSpec against a python3-pymodbus server laid out from the definitions', () => {
  it.each([40000, 0, 50000])('discovers and decodes at base %i', async (base) => {
    const { port } = await startPymodbus(base);
    const url = `modbus-tcp://127.0.0.1:${port}?unit=1`;
    const driver = await createModbusDriver(modbusDevice('py', url, 'sunspec'));
    cleanups.push(() => driver.close());
    expect(driver.sunSpec?.base).toBe(base);
    expect(driver.sunSpec?.models.map((m) => m.id)).toEqual([1, 103, 160, 203, 64999]);
    const r = new Map((await driver.read(1)).map((x) => [x.pointId, x.value]));
    expectClose(r.get('py:inverter_ac_power'), 2.1605, 'W with W_SF -1');
    expectClose(r.get('py:inverter_energy_total'), 123_456.78, 'WH with WH_SF +1');
    expectClose(r.get('py:inverter_current_l1'), 4.83, 'A with A_SF -2');
    expectClose(r.get('py:inverter_voltage_l3'), 230.3, 'V');
    expectClose(r.get('py:mppt1_dc_power'), 2.3, 'MPPT 1');
    expectClose(r.get('py:mppt2_dc_voltage'), 601.1, 'MPPT 2 V');
    expectClose(r.get('py:mppt2_dc_energy'), 4800, 'MPPT 2 energy');
    expectClose(r.get('py:meter_ac_power'), -1.5, 'meter W');
    expectClose(r.get('py:meter_energy_import'), 987.654, 'meter import');
    expectClose(r.get('py:meter_energy_export'), 45.678, 'meter export');
    expectClose(r.get('py:meter_frequency'), 50.01, 'meter Hz');
    expect(r.has('py:inverter_temperature_cabinet')).toBe(false);

    const probe = await probeModbus(url, { allPoints: true });
    expect(probe.identity).toEqual({ manufacturer: 'PyModbus Solar', model: 'PV-10K-3P', serial: 'PM-000815', version: '1.2.3' });
    expect(probe.notes).toContain('model 64999 at ' + (base + 2 + 68 + 52 + 50 + 107) + ' (L=4): no definition shipped, not decoded');
    const all = new Map(probe.values.map((v) => [v.key, v]));
    expect(all.get('103.St')?.value).toBe(4);
    expect(all.get('160.module[1].IDStr')?.value).toBe('String B');
    expect(all.get('203.TotWhImp')).toMatchObject({ value: 987.654, unit: 'kWh' });
  });
});

describe('probe without a profile on a non-SunSpec device', () => {
  it('says which bases it tried', async () => {
    const { loadProfile } = await import('../../../drivers/modbus/index.js');
    const { profileSimDevice } = await import('../../../drivers/simulators/modbus/index.js');
    const s = await sim({ 1: profileSimDevice(await loadProfile('eastron-sdm630'), () => 1) });
    await expect(probeModbus(`modbus-tcp://127.0.0.1:${s.port}?unit=1`)).rejects.toMatchObject({
      code: 'config',
      message: expect.stringMatching(/no SunSpec device: 40000: .*exception 2 \(illegal data address\).*; 0: .*; 50000: /),
      // the code the UI translates, with the registers searched in the order of SUNSPEC_BASES
      detail: { code: 'sunspec.notFound', params: { registers: '40000, 0, 50000' } },
    });
  });
});
