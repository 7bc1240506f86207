import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Building, Device, Point, Site } from '../../../models/types.js';

export const SITE: Site = { id: 'site-1', name: 'Testquartier', origin: { lat: 51.45, lon: 7.05 }, timezone: 'Europe/Berlin' };

export const building = (id: string): Building => ({
  id,
  name: `Haus ${id}`,
  use: 'single-family',
  footprint: [
    [7.05, 51.45],
    [7.0501, 51.45],
    [7.0501, 51.4501],
  ],
  heightM: 8,
});

export const device = (id: string, buildingId: string, pollIntervalMs = 10_000): Device => ({
  id,
  name: id,
  buildingId,
  protocol: 'modbus-tcp',
  url: 'modbus-tcp://127.0.0.1:1502?unit=1',
  profile: 'test',
  pollIntervalMs,
});

export const point = (id: string, deviceId: string, buildingId: string, role: Point['role'], kind: Point['kind']): Point => ({
  id,
  deviceId,
  buildingId,
  name: id,
  unit: kind === 'energy-counter' ? 'kWh' : 'kW',
  medium: 'electricity',
  role,
  kind,
});

/** Building A: import and export counters, PV generation counter, grid and PV power. Building B: power only. */
export function twoBuildings() {
  const buildings = [building('A'), building('B')];
  const devices = [device('meter-A', 'A'), device('pv-A', 'A'), device('meter-B', 'B')];
  const points = [
    point('A.imp', 'meter-A', 'A', 'import', 'energy-counter'),
    point('A.exp', 'meter-A', 'A', 'export', 'energy-counter'),
    point('A.grid', 'meter-A', 'A', 'import', 'power'),
    point('A.pv', 'pv-A', 'A', 'generation', 'energy-counter'),
    point('A.pvkw', 'pv-A', 'A', 'generation', 'power'),
    point('B.grid', 'meter-B', 'B', 'import', 'power'),
  ];
  return { site: SITE, buildings, devices, points };
}

export function tempDir(): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'plustwin-store-'));
  return { dir, file: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** 2024-06-03 00:00 UTC, a Monday in summer time. */
export const T0 = Date.UTC(2024, 5, 3);
export const MIN = 60_000;
