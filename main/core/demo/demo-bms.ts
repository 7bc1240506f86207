/**
 * The demo's building automation server: one simulated OPC UA server on 127.0.0.1 with a heat meter ("WMZ1") for
 * every demo building that has a boiler, polled by the real OPC UA driver with a subscription. Security mode None
 * and anonymous login, as many plant-room servers are configured; the app's PKI folder keeps its certificate so
 * start-up does not regenerate it.
 */
import path from 'node:path';
import type { Device } from '../../../models/types.js';
import { startBuildingAutomationSimulator, type BuildingAutomationSimulator } from '../../../drivers/simulators/opcua/building-automation-simulator.js';
import type { SimQuantity } from '../../../drivers/simulators/opcua/building-model.js';
import type { OpcUaDeviceConfig } from '../../../drivers/opcua/opcua-config.js';
import type { Clock } from '../ingest/collector/clock.js';
import type { DemoBuilding } from './demo-district.js';
import type { HeatTrack } from './heat-track.js';
import { DEMO_POLL_MS } from './demo-devices.js';

const METER = 'WMZ1';
const QUANTITIES: readonly SimQuantity[] = ['HeatPower', 'HeatEnergy', 'FlowTemperature'];

export interface DemoBms {
  readonly simulator: BuildingAutomationSimulator;
  readonly devices: readonly Device[];
}

export async function startDemoBms(buildings: readonly DemoBuilding[], heat: ReadonlyMap<string, HeatTrack>, clock: Clock, pkiDir: string): Promise<DemoBms> {
  const heated = buildings.filter((b) => heat.has(b.building.id));
  const simulator = await startBuildingAutomationSimulator({
    host: '127.0.0.1',
    pkiDir: path.join(pkiDir, 'demo-bms-server'),
    buildings: heated.map((b) => ({ id: b.building.id, name: b.building.name, meters: [{ id: METER, name: 'Wärmemengenzähler Kessel', quantities: QUANTITIES }] })),
    values: ({ buildingId, quantity }) => {
      const v = heat.get(buildingId)!.at(clock.now());
      if (quantity === 'HeatPower') return v.heatKw;
      if (quantity === 'HeatEnergy') return v.heatKwh;
      return v.flowTemperatureC;
    },
    allowAnonymous: true,
    securityModes: ['None'],
    productName: 'PlusTwin Demo-GLT',
  });
  const devices = heated.map((b): Device => {
    const config: OpcUaDeviceConfig = {
      securityMode: 'None',
      securityPolicy: 'None',
      identity: { kind: 'anonymous' },
      // the server pushes changes every second; the collector takes the latest on its own schedule
      publishingIntervalMs: 1000,
      points: [
        { key: 'heat_power', nodeId: simulator.nodeId(b.building.id, METER, 'HeatPower'), name: 'Wärmeleistung', medium: 'heat', role: 'consumption', kind: 'power' },
        { key: 'heat_energy', nodeId: simulator.nodeId(b.building.id, METER, 'HeatEnergy'), name: 'Wärmemenge', medium: 'heat', role: 'consumption', kind: 'energy-counter' },
        { key: 'flow_temperature', nodeId: simulator.nodeId(b.building.id, METER, 'FlowTemperature'), name: 'Vorlauftemperatur', medium: 'heat', role: 'info', kind: 'temperature' },
      ],
    };
    return {
      id: `${b.building.id}-heat`,
      name: `${b.building.name}: Wärmemengenzähler`,
      buildingId: b.building.id,
      protocol: 'opcua',
      url: simulator.endpointUrl,
      profile: 'opcua',
      pollIntervalMs: DEMO_POLL_MS,
      config: config as unknown as Readonly<Record<string, unknown>>,
    };
  });
  return { simulator, devices };
}
