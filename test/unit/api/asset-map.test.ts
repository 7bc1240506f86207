import { describe, expect, it } from 'vitest';
import { buildAssetMap, chargePointState, offlineAfterMs } from '../../../main/core/api/asset-map.js';
import { DEFAULT_OCPP_SETTINGS, type ChargePointRecord, type ConnectorStatus } from '../../../main/core/store/charging-store.js';
import type { DistrictView } from '../../../models/contract/index.js';

const NOW = Date.UTC(2026, 11, 21, 21); // 22:00 CET
const cp = (id: string, lastSeen: number | null, extra: Partial<ChargePointRecord> = {}): ChargePointRecord => ({
  id,
  passwordHash: null,
  buildingId: null,
  boot: null,
  firstSeen: lastSeen,
  lastSeen,
  lon: 7.46,
  lat: 51.51,
  ...extra,
});
const st = (chargePoint: string, connector: number, status: string): ConnectorStatus => ({ chargePoint, connector, status, errorCode: 'NoError', ts: NOW - 1000 });

describe("the map's charge point states", () => {
  it('is offline after two heartbeats and a minute of silence: 300 s -> 660 s', () => {
    expect(offlineAfterMs(300)).toBe(660_000);
    expect(chargePointState(cp('a', NOW - 660_000), [st('a', 1, 'Charging')], NOW, 300).state).toBe('charging');
    expect(chargePointState(cp('a', NOW - 660_001), [st('a', 1, 'Charging')], NOW, 300)).toEqual({ state: 'offline', ocppStatus: null });
    expect(chargePointState(cp('a', null), [], NOW, 300).state).toBe('offline');
  });

  it('maps OCPP 1.6 statuses and lets the worst connector win; connector 0 only for a fault', () => {
    const seen = cp('a', NOW);
    expect(chargePointState(seen, [], NOW, 300)).toEqual({ state: 'available', ocppStatus: null });
    expect(chargePointState(seen, [st('a', 1, 'Available'), st('a', 2, 'SuspendedEV')], NOW, 300)).toEqual({ state: 'charging', ocppStatus: 'SuspendedEV' });
    expect(chargePointState(seen, [st('a', 1, 'Charging'), st('a', 2, 'Faulted')], NOW, 300)).toEqual({ state: 'faulted', ocppStatus: 'Faulted' });
    expect(chargePointState(seen, [st('a', 0, 'Available'), st('a', 1, 'Charging')], NOW, 300).state).toBe('charging');
    expect(chargePointState(seen, [st('a', 0, 'Faulted'), st('a', 1, 'Available')], NOW, 300).state).toBe('faulted');
    expect(chargePointState(seen, [st('a', 1, 'Unavailable')], NOW, 300).state).toBe('offline');
  });

  it("places a charge point without a position at its building's centre, leaves one without either out, and gives the lights' level", () => {
    const view = {
      site: { id: 's', name: 's', origin: { lat: 51.51, lon: 7.46 }, timezone: 'Europe/Berlin' },
      buildings: [{ id: 'b', name: 'b', use: 'office', footprint: [[7.0, 51.0], [7.2, 51.0], [7.2, 51.2], [7.0, 51.2]], heightM: 5 }],
      devices: [],
      points: [],
    } as unknown as DistrictView;
    const map = buildAssetMap(
      NOW,
      NOW,
      view,
      [cp('own', NOW), cp('at-building', NOW, { lon: null, lat: null, buildingId: 'b' }), cp('nowhere', NOW, { lon: null, lat: null })],
      [],
      DEFAULT_OCPP_SETTINGS,
      [{ id: 'L', lon: 7.4653, lat: 51.5136, powerW: 60, led: true, schedule: { steps: [{ until: '22:00', percent: 100 }, { until: '05:00', percent: 50 }], thenPercent: 100 }, meterPointId: null }],
    );
    expect(map.chargePoints.map((m) => [m.id, m.buildingId])).toEqual([
      ['own', null],
      ['at-building', 'b'],
    ]);
    // the mean of the four corners
    expect(map.chargePoints[1]?.lon).toBeCloseTo(7.1, 12);
    expect(map.chargePoints[1]?.lat).toBeCloseTo(51.1, 12);
    // 22:00 CET on 21 December: the step "100 until 22:00" has just ended, 50 % until 05:00
    expect(map.lights).toEqual([{ id: 'L', lon: 7.4653, lat: 51.5136, percent: 50 }]);
  });
});
