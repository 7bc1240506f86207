/** An OCPP 2.0.1 EVSE's connector statuses and charging state in the OCPP 1.6 words the store and map use. */
import { expect, it } from 'vitest';
import { EvseStatuses } from '../../../main/core/ingest/ocpp/ocpp201-status.js';

it('follows plug-in, charging, a second connector marked Unavailable, a fault and unplugging', () => {
  const s = new EvseStatuses();
  expect(s.connector('CS', 1, 1, 'Available')).toBe('Available');
  expect(s.connector('CS', 1, 2, 'Available')).toBe('Available');
  expect(s.connector('CS', 1, 1, 'Occupied')).toBe('Preparing');
  // while connector 1 is in use the station marks connector 2 of the same EVSE Unavailable: still in use
  expect(s.connector('CS', 1, 2, 'Unavailable')).toBe('Preparing');
  expect(s.chargingState('CS', 1, 'Charging')).toBe('Charging');
  expect(s.chargingState('CS', 1, 'SuspendedEV')).toBe('SuspendedEV');
  expect(s.connector('CS', 1, 2, 'Unavailable')).toBe('SuspendedEV');
  // another EVSE of the station is its own
  expect(s.connector('CS', 2, 1, 'Faulted')).toBe('Faulted');
  // the transaction ends with the cable still in, then the car leaves
  expect(s.chargingState('CS', 1, undefined)).toBe('Preparing');
  expect(s.connector('CS', 1, 1, 'Available')).toBe('Available');
  expect(s.connector('CS', 1, 2, 'Available')).toBe('Available');
});

it('reports an EVSE whose every connector is unavailable as Unavailable', () => {
  const s = new EvseStatuses();
  expect(s.connector('CS', 1, 1, 'Unavailable')).toBe('Unavailable');
  expect(s.connector('CS', 1, 2, 'Reserved')).toBe('Reserved');
});
