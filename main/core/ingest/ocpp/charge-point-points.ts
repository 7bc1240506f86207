/**
 * A charge point in the district model: a Device with protocol 'ocpp' and, per connector it reports, an energy
 * counter (kWh) and a power point (kW). Connector 0 is the charge point's main meter, the sum of its connectors, so
 * its points are 'info' and only the connectors' points count as consumption (nothing is counted twice).
 */
import type { Device, Point } from '../../../../models/types.js';
import type { MeterQuantity } from '../../../../drivers/ocpp/meter-values.js';

export const chargePointDeviceId = (chargePointId: string): string => `ocpp-${chargePointId}`;

export const chargePointPointId = (chargePointId: string, connector: number, quantity: MeterQuantity): string =>
  `${chargePointDeviceId(chargePointId)}:c${connector}.${quantity}`;

export function chargePointDevice(chargePointId: string, buildingId: string, heartbeatS: number): Device {
  return {
    id: chargePointDeviceId(chargePointId),
    name: chargePointId,
    buildingId,
    protocol: 'ocpp',
    url: `ocpp://${encodeURIComponent(chargePointId)}`,
    profile: 'ocpp',
    // no polling: the charge point sends; this is the heartbeat it is asked for, the longest silence that is normal
    pollIntervalMs: heartbeatS * 1000,
  };
}

export function connectorPoints(chargePointId: string, buildingId: string, connector: number): Point[] {
  const deviceId = chargePointDeviceId(chargePointId);
  const role = connector === 0 ? 'info' : 'consumption';
  return [
    {
      id: chargePointPointId(chargePointId, connector, 'energy'),
      deviceId,
      buildingId,
      name: `${chargePointId} #${connector} Energy.Active.Import.Register`,
      unit: 'kWh',
      medium: 'electricity',
      role,
      kind: 'energy-counter',
    },
    {
      id: chargePointPointId(chargePointId, connector, 'power'),
      deviceId,
      buildingId,
      name: `${chargePointId} #${connector} Power.Active.Import`,
      unit: 'kW',
      medium: 'electricity',
      role,
      kind: 'power',
    },
  ];
}
