import { describe, expect, it } from 'vitest';
import type { DistrictView, ImplausibleInterval } from '../../../models/contract/index.js';
import { implausibleAlarms, implausibleWindow } from '../../../renderer/panels/implausible-alarms.js';

const district = {
  site: { id: 's', name: 's', origin: { lat: 51, lon: 7 }, timezone: 'Europe/Berlin' },
  buildings: [{ id: 'b1', name: 'Schule', use: 'school', footprint: [], heightM: 9 }],
  devices: [],
  points: [{ id: 'p1', deviceId: 'd', buildingId: 'b1', name: 'PV Wechselrichter', unit: 'kW', medium: 'electricity', role: 'generation', kind: 'power' }],
} as unknown as DistrictView;

const iv = (pointId: string, buildingId: string, start: number, kwh: number, peakKw: number | null, limitKw: number): ImplausibleInterval => ({
  pointId,
  buildingId,
  start,
  kwh,
  avgKw: kwh * 4,
  peakKw,
  limitKw,
});

describe('implausible-value alarms', () => {
  it('names building and point, prefers the peak sample, else the average power, and keeps the limit', () => {
    const [a, b] = implausibleAlarms([iv('p1', 'b1', 1000, 5, 80, 20), iv('gone', 'b9', 2000, 3000, null, 1000)], district);
    expect(b).toMatchObject({ pointName: 'PV Wechselrichter', buildingName: 'Schule', valueKw: 80, valueKind: 'peak', limitKw: 20, start: 1000 });
    // unknown point and building keep their ids
    expect(a).toMatchObject({ pointName: 'gone', buildingName: 'b9', valueKw: 12000, valueKind: 'average', limitKw: 1000 });
  });

  it('lists the newest first, the larger excess first at the same time, at most max', () => {
    const list = implausibleAlarms(
      [iv('p1', 'b1', 1000, 1, 30, 20), iv('p1', 'b1', 3000, 1, 25, 20), iv('x', 'b1', 3000, 1, 90, 20), iv('y', 'b1', 2000, 1, 50, 20)],
      district,
      3,
    );
    expect(list.map((a) => a.key)).toEqual(['x|3000', 'p1|3000', 'y|2000']);
    expect(implausibleAlarms([], district)).toEqual([]);
  });

  it('searches the last 24 hours up to the running quarter hour live, the shown period in replay', () => {
    const Q = 15 * 60_000;
    const now = Date.UTC(2025, 5, 10, 10, 7);
    const live = implausibleWindow(true, { from: 0, to: now }, now);
    expect(live).toEqual({ from: Date.UTC(2025, 5, 9, 10, 15), to: Date.UTC(2025, 5, 10, 10, 15) });
    const replay = implausibleWindow(false, { from: Date.UTC(2025, 5, 9, 22), to: Date.UTC(2025, 5, 10, 3, 5) }, now);
    expect(replay).toEqual({ from: Date.UTC(2025, 5, 9, 22), to: Date.UTC(2025, 5, 10, 3, 15) });
    // never an empty window
    const first = implausibleWindow(false, { from: Date.UTC(2025, 5, 9, 22), to: Date.UTC(2025, 5, 9, 22) + 1 }, now);
    expect(first.to - first.from).toBe(Q);
  });
});
