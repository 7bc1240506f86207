/**
 * The shape of the simulated building automation system: Objects/BuildingAutomation/<building>/<meter>/<quantity>.
 * Node ids are string ids derived from the path so that they stay the same across server restarts; a client that
 * recreates its subscription after a restart finds the same nodes again.
 */

export type SimQuantity = 'ActivePower' | 'EnergyImport' | 'HeatPower' | 'HeatEnergy' | 'FlowTemperature';

export const ALL_QUANTITIES: readonly SimQuantity[] = [
  'ActivePower',
  'EnergyImport',
  'HeatPower',
  'HeatEnergy',
  'FlowTemperature',
];

export interface SimQuantityInfo {
  /** UNECE unit symbol published in EngineeringUnits (the client converts from it). */
  readonly unit: 'kW' | 'kWh' | '°C';
  readonly isCounter: boolean;
  readonly description: string;
}

export const QUANTITY_INFO: Readonly<Record<SimQuantity, SimQuantityInfo>> = {
  ActivePower: { unit: 'kW', isCounter: false, description: 'Electrical active power, import positive' },
  EnergyImport: { unit: 'kWh', isCounter: true, description: 'Electrical energy imported, cumulative' },
  HeatPower: { unit: 'kW', isCounter: false, description: 'Thermal power delivered' },
  HeatEnergy: { unit: 'kWh', isCounter: true, description: 'Thermal energy delivered, cumulative' },
  FlowTemperature: { unit: '°C', isCounter: false, description: 'Supply (flow) temperature' },
};

export interface SimMeter {
  readonly id: string;
  readonly name?: string;
  /** Which variables the meter has; all five when omitted. */
  readonly quantities?: readonly SimQuantity[];
}

export interface SimBuilding {
  readonly id: string;
  readonly name: string;
  readonly meters: readonly SimMeter[];
}

/** Asked on every sample: the demo feeds it from load profiles, tests from formulas. */
export type SimValueSource = (query: {
  readonly buildingId: string;
  readonly meterId: string;
  readonly quantity: SimQuantity;
  readonly now: number;
}) => number;

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Checks ids before they end up in node ids; names the offending entry. */
export function validateBuildings(buildings: readonly SimBuilding[]): void {
  if (buildings.length === 0) throw new Error('simulator: at least one building is needed');
  const seen = new Set<string>();
  buildings.forEach((b, bi) => {
    if (!ID_PATTERN.test(b.id)) throw new Error(`simulator: buildings[${bi}].id '${b.id}' must match ${ID_PATTERN}`);
    if (seen.has(b.id)) throw new Error(`simulator: buildings[${bi}].id '${b.id}' is used twice`);
    seen.add(b.id);
    const meterIds = new Set<string>();
    b.meters.forEach((m, mi) => {
      const where = `buildings[${bi}].meters[${mi}]`;
      if (!ID_PATTERN.test(m.id)) throw new Error(`simulator: ${where}.id '${m.id}' must match ${ID_PATTERN}`);
      if (meterIds.has(m.id)) throw new Error(`simulator: ${where}.id '${m.id}' is used twice in '${b.id}'`);
      meterIds.add(m.id);
      for (const q of m.quantities ?? []) {
        if (!ALL_QUANTITIES.includes(q)) throw new Error(`simulator: ${where}.quantities has unknown '${String(q)}'`);
      }
    });
  });
}

/** The string part of the node id, e.g. `school-1/M1/ActivePower`. */
export function simNodeKey(buildingId: string, meterId: string, quantity: SimQuantity): string {
  return `${buildingId}/${meterId}/${quantity}`;
}

/** The full node id as clients use it (the server's own namespace is always index 1 in node-opcua). */
export function simNodeId(buildingId: string, meterId: string, quantity: SimQuantity): string {
  return `ns=1;s=${simNodeKey(buildingId, meterId, quantity)}`;
}
