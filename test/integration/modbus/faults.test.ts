import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeviceError } from '../../../drivers/device-driver.js';
import { createModbusDriver, loadProfile, type DeviceProfile, type ModbusDriverOptions } from '../../../drivers/modbus/index.js';
import { profileSimDevice, startModbusTcpSimulator, type ModbusTcpSimulator } from '../../../drivers/simulators/modbus/index.js';
import { expectClose, modbusDevice } from './helpers.js';

// generous enough for a loaded CI machine: the assertions compare against these, not against wall-clock guesses
const FAST: ModbusDriverOptions = { timeoutMs: 300, retries: 1, backoffBaseMs: 600, backoffMaxMs: 1200, connectTimeoutMs: 1000 };
const AFTER_BACKOFF = 1250;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let sdm: DeviceProfile;
const meterValues = (k: string): number => (k === 'power_total' ? -4200 : k.startsWith('energy') ? 1500.5 : 230);
beforeAll(async () => {
  sdm = await loadProfile('eastron-sdm630');
});

async function twoMeters(): Promise<{ sim: ModbusTcpSimulator; ok: Awaited<ReturnType<typeof createModbusDriver>>; bad: Awaited<ReturnType<typeof createModbusDriver>> }> {
  const sim = await startModbusTcpSimulator({ units: { 1: profileSimDevice(sdm, meterValues), 2: profileSimDevice(sdm, meterValues) } });
  cleanups.push(() => sim.close());
  const ok = await createModbusDriver(modbusDevice('ok', `modbus-tcp://127.0.0.1:${sim.port}?unit=1`, 'eastron-sdm630'), FAST);
  const bad = await createModbusDriver(modbusDevice('bad', `modbus-tcp://127.0.0.1:${sim.port}?unit=2`, 'eastron-sdm630'), FAST);
  cleanups.push(() => ok.close(), () => bad.close());
  return { sim, ok, bad };
}

async function expectPower(driver: Awaited<ReturnType<typeof createModbusDriver>>): Promise<void> {
  const r = await driver.read(1);
  expectClose(r.find((x) => x.pointId.endsWith(':power_total'))?.value, -4.2, `${driver.deviceId} power`);
}

async function rejection(p: Promise<unknown>): Promise<DeviceError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DeviceError);
    return e as DeviceError;
  }
  throw new Error('expected the read to fail');
}

describe('injected faults: the driver survives, reports, and the other unit on the bus keeps working', () => {
  it('timeout: reported, unit backs off without touching the bus, recovers', async () => {
    const { sim, ok, bad } = await twoMeters();
    await expectPower(bad);
    sim.setFault(2, { kind: 'timeout' });
    const e = await rejection(bad.read(2));
    expect(e.code).toBe('timeout');
    expect(e.deviceId).toBe('bad');
    await expectPower(ok);
    // during backoff the dead unit fails at once and sends nothing
    const before = sim.requestCount();
    // a timer of the driver's timeout started before the read: if the read waited for a timeout it would settle after
    // this timer; load delays both alike, so the order (not a wall-clock bound) is the test
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), FAST.timeoutMs));
    const first = await Promise.race([rejection(bad.read(3)), timeout]);
    expect(first).not.toBe('timeout');
    const e2 = first as DeviceError;
    expect(e2.message).toMatch(/next try in/);
    expect(sim.requestCount()).toBe(before);
    sim.setFault(2, undefined);
    await sleep(AFTER_BACKOFF);
    await expectPower(bad);
  });

  it.each([4, 6, 11])('exception %i: reported with its name, plan unchanged, recovers', async (code) => {
    const { sim, ok, bad } = await twoMeters();
    const plan = bad.poller.plan.length;
    sim.setFault(2, { kind: 'exception', code });
    const e = await rejection(bad.read(1));
    expect(e.code).toBe('exception');
    expect(e.message).toMatch(new RegExp(`exception ${code} \\(`));
    if (code === 11) expect((await rejection(bad.read(2))).message).toMatch(/next try in/);
    await expectPower(ok);
    expect(bad.poller.plan.length).toBe(plan);
    expect(bad.unsupported.size).toBe(0);
    sim.setFault(2, undefined);
    // 11 = "gateway target failed to respond": the unit is backed off like a dead one
    if (code === 11) await sleep(AFTER_BACKOFF);
    await expectPower(bad);
  });

  it('dropped connection: reported as a connection error, reconnects after backoff', async () => {
    const { sim, ok, bad } = await twoMeters();
    await expectPower(bad);
    sim.setFault(2, { kind: 'drop' });
    const e = await rejection(bad.read(1));
    expect(['connection', 'timeout']).toContain(e.code);
    sim.setFault(2, undefined);
    await sleep(AFTER_BACKOFF);
    await expectPower(ok);
    await expectPower(bad);
  });

  it('server restart (all connections dropped): both units come back', async () => {
    const { sim, ok, bad } = await twoMeters();
    await expectPower(ok);
    sim.dropConnections();
    await sleep(20);
    const results = await Promise.allSettled([ok.read(1), bad.read(1)]);
    await sleep(AFTER_BACKOFF);
    await expectPower(ok);
    await expectPower(bad);
    expect(results).toHaveLength(2);
  });

  it('garbage values: the driver survives and serves real values again afterwards', async () => {
    const { sim, ok, bad } = await twoMeters();
    sim.setFault(2, { kind: 'garbage' });
    for (let i = 0; i < 5; i++) {
      const r = await bad.read(i);
      for (const x of r) expect(Number.isFinite(x.value)).toBe(true);
    }
    await expectPower(ok);
    sim.setFault(2, undefined);
    await expectPower(bad);
  });

  it('malformed answer: reported, then recovers', async () => {
    const { sim, ok, bad } = await twoMeters();
    sim.setFault(2, { kind: 'malformed' });
    const e = await rejection(bad.read(1));
    expect(['decode', 'timeout', 'connection']).toContain(e.code);
    await expectPower(ok);
    sim.setFault(2, undefined);
    await sleep(AFTER_BACKOFF);
    await expectPower(bad);
  });

  it('unreachable port: connection error naming the address', async () => {
    const sim = await startModbusTcpSimulator({ units: {} });
    const port = sim.port;
    await sim.close();
    const d = await createModbusDriver(modbusDevice('gone', `modbus-tcp://127.0.0.1:${port}?unit=1`, 'eastron-sdm630'), FAST);
    cleanups.push(() => d.close());
    const e = await rejection(d.read(1));
    expect(e.code).toBe('connection');
    expect(e.message).toContain(`127.0.0.1:${port}`);
  });
});

describe('counters on the wire', () => {
  it('shows a 32-bit rollover and a counter reset exactly as a meter sends them', async () => {
    const sma = await loadProfile('sma-sunny-tripower');
    let wh = 2 ** 32 - 10;
    const sim = await startModbusTcpSimulator({ units: { 3: profileSimDevice(sma, (k) => (k === 'energy_total' ? wh : 1000)) } });
    cleanups.push(() => sim.close());
    const d = await createModbusDriver(modbusDevice('inv', `modbus-tcp://127.0.0.1:${sim.port}?unit=3`, 'sma-sunny-tripower'), FAST);
    cleanups.push(() => d.close());
    const energy = async () => (await d.read(1)).find((r) => r.pointId === 'inv:energy_total')?.value;
    expectClose(await energy(), (2 ** 32 - 10) / 1000, 'before rollover');
    wh = 2 ** 32 + 5; // past the register's range: the register wraps
    expectClose(await energy(), 0.005, 'after rollover');
    wh = 0; // meter reset
    expect(await energy()).toBe(0);
  });
});

describe('read plan against the device', () => {
  it('splits a coalesced block the device refuses and keeps the split plan', async () => {
    const sim = await startModbusTcpSimulator({ units: { 1: profileSimDevice(sdm, meterValues, { gaps: 'exception' }) } });
    cleanups.push(() => sim.close());
    const d = await createModbusDriver(modbusDevice('m', `modbus-tcp://127.0.0.1:${sim.port}`, 'eastron-sdm630'), FAST);
    cleanups.push(() => d.close());
    const initial = d.poller.plan.length;
    const r1 = await d.read(1);
    expect(r1).toHaveLength(d.points.length);
    expect(d.poller.plan.length).toBeGreaterThan(initial);
    const before = sim.requestCount();
    const r2 = await d.read(2);
    expect(r2).toHaveLength(d.points.length);
    expect(sim.requestCount() - before).toBe(d.poller.plan.length);
    expect(d.lastErrors).toHaveLength(0);
  });

  it('drops a point the device does not have and keeps reading the rest', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'plustwin-profiles-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const raw = JSON.parse(JSON.stringify({
      id: 'sdm630-plus',
      manufacturer: 'Eastron',
      model: 'SDM630 with a wrong extra register',
      source: 'test',
      protocols: ['modbus-tcp'],
      defaults: { functionCode: 4, medium: 'electricity' },
      points: [
        { key: 'power_total', name: 'Total system power', address: 52, type: 'float32', unit: 'W', role: 'import', kind: 'power' },
        { key: 'not_there', name: 'Not on this meter', address: 1000, type: 'float32', unit: 'W', role: 'import', kind: 'power' },
      ],
    }));
    await writeFile(path.join(dir, 'sdm630-plus.json'), JSON.stringify(raw));
    const sim = await startModbusTcpSimulator({ units: { 1: profileSimDevice(sdm, meterValues) } });
    cleanups.push(() => sim.close());
    const d = await createModbusDriver(modbusDevice('m', `modbus-tcp://127.0.0.1:${sim.port}`, 'sdm630-plus'), { ...FAST, profileDir: dir });
    cleanups.push(() => d.close());
    const r = await d.read(1);
    expect(r.map((x) => x.pointId)).toEqual(['m:power_total']);
    expect(d.unsupported.get('not_there')).toMatch(/illegal data address/);
    expect(d.lastErrors[0]?.code).toBe('exception');
    const before = sim.requestCount();
    await d.read(2);
    expect(sim.requestCount() - before).toBe(1);
  });
});

describe('configuration mistakes', () => {
  it('refuses a device whose protocol does not match its URL, and an unknown profile', async () => {
    await expect(createModbusDriver(modbusDevice('x', 'modbus-tcp://127.0.0.1:1', 'eastron-sdm630', 'modbus-rtu'))).rejects.toThrow(
      /x: protocol is modbus-rtu but the URL modbus-tcp:\/\/127\.0\.0\.1:1 is modbus-tcp/,
    );
    const e = await rejection(createModbusDriver(modbusDevice('y', 'modbus-tcp://127.0.0.1:1', 'no-such-meter')));
    expect(e.code).toBe('config');
    expect(e.message).toMatch(/unknown profile "no-such-meter"/);
  });
});

describe('slow answers', () => {
  it('accepts an answer inside the timeout and reports one outside it', async () => {
    const { sim, bad } = await twoMeters();
    sim.setFault(2, { kind: 'delay', ms: 60 });
    await expectPower(bad);
    sim.setFault(2, { kind: 'delay', ms: 800 });
    const e = await rejection(bad.read(2));
    expect(e.code).toBe('timeout');
    sim.setFault(2, undefined);
    await sleep(AFTER_BACKOFF);
    await expectPower(bad);
  });
});
