import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeviceError } from '../../../drivers/device-driver.js';
import { createModbusDriver, loadProfile, type DeviceProfile, type ModbusDriverOptions } from '../../../drivers/modbus/index.js';
import {
  profileSimDevice,
  startModbusRtuOverTcpSimulator,
  startModbusRtuSimulator,
  sunSpecSimDevice,
} from '../../../drivers/simulators/modbus/index.js';
import { expectClose, modbusDevice } from './helpers.js';
import { ptyPair } from './pty-pair.js';

const OPTS: ModbusDriverOptions = { timeoutMs: 800, retries: 0, backoffBaseMs: 4000, backoffMaxMs: 8000 };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

let sdm630: DeviceProfile;
let sdm72: DeviceProfile;
beforeAll(async () => {
  sdm630 = await loadProfile('eastron-sdm630');
  sdm72 = await loadProfile('eastron-sdm72');
});
const values = (k: string): number => (k === 'power_total' ? 1234.5 : k.startsWith('energy') ? 9876.5 : 231);

describe('Modbus RTU on a serial line (socat pty pair)', () => {
  it('reads the live units while a dead unit on the same bus fails fast', async () => {
    const pty = await ptyPair();
    cleanups.push(() => pty.close());
    const line = await startModbusRtuSimulator({
      path: pty.device,
      baudRate: 19200,
      units: { 1: profileSimDevice(sdm630, values), 3: profileSimDevice(sdm72, values), 4: sunSpecSimDevice([1, 103], (k) => (k === '103.W' ? 2500 : undefined)) },
    });
    cleanups.push(() => line.close());
    const url = (unit: number) => `modbus-rtu://${pty.master}?baud=19200&unit=${unit}`;
    const m1 = await createModbusDriver(modbusDevice('m1', url(1), 'eastron-sdm630', 'modbus-rtu'), OPTS);
    const dead = await createModbusDriver(modbusDevice('m2', url(2), 'eastron-sdm630', 'modbus-rtu'), OPTS);
    const m3 = await createModbusDriver(modbusDevice('m3', url(3), 'eastron-sdm72', 'modbus-rtu'), OPTS);
    const inv = await createModbusDriver(modbusDevice('inv', url(4), 'sunspec', 'modbus-rtu'), OPTS);
    cleanups.push(() => m1.close(), () => dead.close(), () => m3.close(), () => inv.close());
    // one bus for all four devices
    expect(new Set([m1.bus, dead.bus, m3.bus, inv.bus]).size).toBe(1);

    // all at once: the queue serialises them on the line
    const round = () => Promise.allSettled([m1.read(1), dead.read(1), m3.read(1), inv.read(1)]);
    const first = await round();
    expect(first[1]!.status).toBe('rejected');
    const e = (first[1] as PromiseRejectedResult).reason as DeviceError;
    expect(e).toBeInstanceOf(DeviceError);
    expect(e.code).toBe('timeout');
    for (const i of [0, 2, 3]) expect(first[i]!.status).toBe('fulfilled');

    // during the dead unit's backoff a full round costs no timeout at all: the dead unit is refused from its backoff
    // without a frame on the line, so the round sends exactly one request per live unit's plan (counted, not timed:
    // a wall-clock bound fails on a loaded machine)
    const sentBefore = m1.bus.requestsSent;
    const second = await round();
    const liveRequests = m1.poller.plan.length + m3.poller.plan.length + inv.poller.plan.length;
    expect(m1.bus.requestsSent - sentBefore).toBe(liveRequests);
    expect(((second[1] as PromiseRejectedResult).reason as Error).message).toMatch(/next try in/);
    const get = (i: number, key: string) =>
      ((second[i] as PromiseFulfilledResult<{ pointId: string; value: number }[]>).value ?? []).find((r) => r.pointId.endsWith(`:${key}`))?.value;
    expectClose(get(0, 'power_total'), 1.2345, 'unit 1 power');
    expectClose(get(2, 'energy_import'), 9876.5, 'unit 3 energy');
    expectClose(get(3, 'inverter_ac_power'), 2.5, 'unit 4 SunSpec power');
    expect(second[1]!.status).toBe('rejected');

    // the unit comes alive: it is read again once its backoff has passed
    line.setDevice(2, profileSimDevice(sdm630, values));
    await new Promise((r) => setTimeout(r, 4100));
    const back = await dead.read(3);
    expectClose(back.find((r) => r.pointId === 'm2:power_total')?.value, 1.2345, 'unit 2 back');
  });
});

describe('Modbus RTU over a TCP gateway', () => {
  it('reads units behind the gateway and keeps going past a dead one', async () => {
    const gw = await startModbusRtuOverTcpSimulator({ units: { 1: profileSimDevice(sdm630, values), 2: profileSimDevice(sdm72, values) } });
    cleanups.push(() => gw.close());
    const url = (unit: number) => `modbus-rtu-tcp://127.0.0.1:${gw.port}?unit=${unit}`;
    const a = await createModbusDriver(modbusDevice('a', url(1), 'eastron-sdm630', 'modbus-rtu-tcp'), OPTS);
    const b = await createModbusDriver(modbusDevice('b', url(2), 'eastron-sdm72', 'modbus-rtu-tcp'), OPTS);
    const c = await createModbusDriver(modbusDevice('c', url(9), 'eastron-sdm72', 'modbus-rtu-tcp'), OPTS);
    cleanups.push(() => a.close(), () => b.close(), () => c.close());
    const [ra, rb, rc] = await Promise.allSettled([a.read(1), b.read(1), c.read(1)]);
    expect(rc!.status).toBe('rejected');
    expectClose((ra as PromiseFulfilledResult<{ pointId: string; value: number }[]>).value.find((r) => r.pointId === 'a:power_total')?.value, 1.2345, 'a');
    expectClose((rb as PromiseFulfilledResult<{ pointId: string; value: number }[]>).value.find((r) => r.pointId === 'b:voltage_l1')?.value, 231, 'b');
  });
});
