import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModbusDriver, readProfileFile } from '../../../drivers/modbus/index.js';
import { profileSimDevice, startModbusTcpSimulator, type ModbusTcpSimulator } from '../../../drivers/simulators/modbus/index.js';
import { modbusDevice } from './helpers.js';

let dir: string;
let sim: ModbusTcpSimulator;
const state: Record<string, number> = { pump_running: 1, fault: 0, alarm_high: 1, flow_temp: 65.5 };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'plustwin-bits-'));
  const profile = {
    id: 'boiler-plc',
    manufacturer: 'Test',
    model: 'PLC with coils',
    source: 'test register map',
    protocols: ['modbus-tcp'],
    defaults: { medium: 'heat' },
    points: [
      { key: 'pump_running', name: 'Pump running', address: 0, functionCode: 1, type: 'bool', unit: '', role: 'info', kind: 'other' },
      { key: 'fault', name: 'Fault', address: 7, functionCode: 1, type: 'bool', unit: '', role: 'info', kind: 'other' },
      { key: 'alarm_high', name: 'High temperature alarm', address: 1200, functionCode: 2, type: 'bool', unit: '', role: 'info', kind: 'other' },
      { key: 'flow_temp', name: 'Flow temperature', address: 10, functionCode: 3, type: 'int16', scale: 0.1, unit: '°C', role: 'info', kind: 'temperature' },
    ],
  };
  await writeFile(path.join(dir, 'boiler-plc.json'), JSON.stringify(profile));
  const loaded = await readProfileFile(path.join(dir, 'boiler-plc.json'));
  sim = await startModbusTcpSimulator({ units: { 1: profileSimDevice(loaded, (k) => state[k]) } });
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('coils and discrete inputs (FC 1 and 2)', () => {
  it('reads bits as 0/1 next to registers', async () => {
    const d = await createModbusDriver(modbusDevice('plc', `modbus-tcp://127.0.0.1:${sim.port}`, 'boiler-plc'), { profileDir: dir });
    try {
      expect(d.poller.plan.map((b) => b.fc)).toEqual([1, 2, 3]);
      let r = new Map((await d.read(1)).map((x) => [x.pointId, x.value]));
      expect([r.get('plc:pump_running'), r.get('plc:fault'), r.get('plc:alarm_high')]).toEqual([1, 0, 1]);
      expect(r.get('plc:flow_temp')).toBeCloseTo(65.5, 9);
      state.pump_running = 0;
      state.fault = 1;
      r = new Map((await d.read(2)).map((x) => [x.pointId, x.value]));
      expect([r.get('plc:pump_running'), r.get('plc:fault')]).toEqual([0, 1]);
    } finally {
      await d.close();
    }
  });
});
