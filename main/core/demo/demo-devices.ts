/**
 * The demo's simulated hardware: per building a small Modbus TCP gateway on 127.0.0.1 with the grid meter
 * (Eastron SDM630 register map) at unit 1 and, where the building has PV, a SunSpec inverter (models 1 and 103)
 * at unit 2. Register values follow the building's EnergyTrack on the collector's clock, so the real driver reads
 * what the profiles say.
 */
import type { Device } from '../../../models/types.js';
import {
  profileSimDevice,
  startModbusTcpSimulator,
  sunSpecSimDevice,
  type ModbusTcpSimulator,
  type SimDevice,
} from '../../../drivers/simulators/modbus/index.js';
import { loadProfile } from '../../../drivers/modbus/index.js';
import type { Clock } from '../ingest/collector/clock.js';
import type { DemoBuilding } from './demo-district.js';
import type { EnergyTrack } from './energy-track.js';

export const METER_PROFILE = 'eastron-sdm630';
export const DEMO_POLL_MS = 15_000;
const NOMINAL_V = 230;

export interface DemoGateway {
  readonly simulator: ModbusTcpSimulator;
  readonly devices: readonly Device[];
}

/** SDM630 values in its own units (W, kWh, V, A, Hz), split evenly over three phases. */
function meterValues(track: EnergyTrack, now: () => number, serial: number) {
  return (key: string): number | undefined => {
    const v = track.at(now());
    const perPhaseW = (v.gridKw * 1000) / 3;
    switch (key) {
      case 'power_total':
        return v.gridKw * 1000;
      case 'power_l1':
      case 'power_l2':
      case 'power_l3':
        return perPhaseW;
      case 'energy_import':
        return v.importKwh;
      case 'energy_export':
        return v.exportKwh;
      case 'energy_import_l1':
      case 'energy_import_l2':
      case 'energy_import_l3':
        return v.importKwh / 3;
      case 'energy_export_l1':
      case 'energy_export_l2':
      case 'energy_export_l3':
        return v.exportKwh / 3;
      case 'voltage_l1':
      case 'voltage_l2':
      case 'voltage_l3':
        return NOMINAL_V;
      case 'current_l1':
      case 'current_l2':
      case 'current_l3':
        return Math.abs(perPhaseW) / NOMINAL_V;
      case 'frequency':
        return 50;
      case 'power_factor_total':
        return 0.97;
      case 'serial_number':
        return serial;
      default:
        return undefined;
    }
  };
}

/** SunSpec model 103 values in the model's units (W, Wh, A, V, Hz). */
function inverterValues(track: EnergyTrack, now: () => number) {
  return (key: string): number | undefined => {
    const v = track.at(now());
    const w = v.pvKw * 1000;
    switch (key) {
      case '103.W':
        return w;
      case '103.WH':
        return v.generationKwh * 1000;
      case '103.A':
        return w / NOMINAL_V;
      case '103.AphA':
      case '103.AphB':
      case '103.AphC':
        return w / 3 / NOMINAL_V;
      case '103.PhVphA':
      case '103.PhVphB':
      case '103.PhVphC':
        return NOMINAL_V;
      case '103.Hz':
        return 50;
      case '103.DCW':
        return w / 0.96;
      case '103.TmpCab':
        return 25 + v.pvKw;
      default:
        return undefined;
    }
  };
}

export async function startDemoGateway(demo: DemoBuilding, track: EnergyTrack, clock: Clock, serialSeed: number): Promise<DemoGateway> {
  const now = () => clock.now();
  const units: Record<number, SimDevice> = {
    1: profileSimDevice(await loadProfile(METER_PROFILE), meterValues(track, now, 21_000_000 + serialSeed)),
  };
  if (demo.pvKwp > 0) {
    units[2] = sunSpecSimDevice(
      [
        {
          id: 1,
          strings: { Mn: 'PlusTwin Demo', Md: `SimInverter ${demo.pvKwp} kWp`, SN: `PTD${String(100_000 + serialSeed)}`, Vr: '1.0.0' },
        },
        { id: 103 },
      ],
      inverterValues(track, now),
    );
  }
  const simulator = await startModbusTcpSimulator({ units, host: '127.0.0.1', port: 0, now });
  const base = `modbus-tcp://127.0.0.1:${simulator.port}`;
  const { id, name } = demo.building;
  const devices: Device[] = [
    { id: `${id}-meter`, name: `${name}: Netzzähler`, buildingId: id, protocol: 'modbus-tcp', url: `${base}?unit=1`, profile: METER_PROFILE, pollIntervalMs: DEMO_POLL_MS },
  ];
  if (demo.pvKwp > 0) {
    devices.push({ id: `${id}-pv`, name: `${name}: PV-Wechselrichter`, buildingId: id, protocol: 'modbus-tcp', url: `${base}?unit=2`, profile: 'sunspec', pollIntervalMs: DEMO_POLL_MS });
  }
  return { simulator, devices };
}
