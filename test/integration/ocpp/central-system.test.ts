/**
 * The OCPP 1.6J central system driven by a charge point that is not ours: a separate python3 process speaking raw
 * OCPP-J frames over python3-websockets (test/fixtures/ocpp/ocpp-peer.py), against a real SQLite store.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interval } from '../../../models/types.js';
import { startCentralSystem, type CentralSystem } from '../../../main/core/ingest/ocpp/central-system.js';
import { hashChargePointPassword } from '../../../main/core/ingest/ocpp/charge-point-password.js';
import { chargePointPointId } from '../../../main/core/ingest/ocpp/charge-point-points.js';
import { idTagHash } from '../../../main/core/ingest/ocpp/id-tag-hash.js';
import { DEFAULT_OCPP_SETTINGS, type OcppSettings } from '../../../main/core/store/charging-store.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { building, SITE, tempDir } from '../store/district-fixture.js';
import { requirePythonWebsockets, resultOf, runChargePoint, type Step } from './charge-point-process.js';

const tmp = tempDir();
const DB = tmp.file('district.sqlite');
const log: string[] = [];
let store: SqliteStore;
let cs: CentralSystem;

const settings = (port: number): OcppSettings => ({ ...DEFAULT_OCPP_SETTINGS, enabled: true, port });
const start = async (port: number) => {
  // rawRetentionDays 0: the test's June samples are older than the default 90 days of raw retention
  store = await openStore(DB, { flushIntervalMs: 50, rawRetentionDays: 0 });
  cs = await startCentralSystem({ store, charging: store.charging, settings: settings(port), log: (l) => log.push(l) });
};
const stop = async () => {
  await cs.close();
  await store.close();
};

const boot: Step = ['BootNotification', { chargePointVendor: 'ABL', chargePointModel: 'eMH3', firmwareVersion: '1.8p4' }];
const status = (s: string, timestamp: string): Step => ['StatusNotification', { connectorId: 1, errorCode: 'NoError', status: s, timestamp }];
const meter = (timestamp: string, sampledValue: Record<string, string>[], transactionId?: number): Step => [
  'MeterValues',
  { connectorId: 1, ...(transactionId === undefined ? {} : { transactionId }), meterValue: [{ timestamp, sampledValue }] },
];

const ENERGY = chargePointPointId('CP-1', 1, 'energy');
const POWER = chargePointPointId('CP-1', 1, 'power');
const T = (hhmm: string) => Date.parse(`2026-06-01T${hhmm}:00Z`);

beforeAll(async () => {
  requirePythonWebsockets();
  const s = await openStore(DB);
  await s.saveDistrict(SITE, [building('A')], [], []);
  await s.charging.saveChargePoint({ id: 'CP-1', buildingId: 'A', passwordHash: await hashChargePointPassword('geheim-1') });
  await s.close();
  await start(0);
});
afterAll(async () => {
  await stop().catch(() => undefined);
  tmp.cleanup();
});

describe('OCPP 1.6J central system with a python3-websockets charge point', () => {
  let transactionId = 0;
  let port = 0;

  it('accepts the registered charge point with its password, stores the session start and meter values in Wh and kWh', async () => {
    port = cs.port;
    const lines = await runChargePoint(cs.url, 'CP-1', [
      boot,
      status('Available', '2026-06-01T09:59:00Z'),
      ['Authorize', { idTag: 'RFID-0001' }],
      ['StartTransaction', { connectorId: 1, idTag: 'RFID-0001', meterStart: 1_000_000, timestamp: '2026-06-01T10:00:00Z' }],
      status('Charging', '2026-06-01T10:00:05Z'),
      // in Wh, measurand and unit named
      ['MeterValues', { connectorId: 1, transactionId: 1, meterValue: [{ timestamp: '2026-06-01T10:15:00Z', sampledValue: [
        { value: '1002750', measurand: 'Energy.Active.Import.Register', unit: 'Wh', context: 'Sample.Periodic' },
        { value: '11000', measurand: 'Power.Active.Import', unit: 'W' },
        { value: '3667', measurand: 'Power.Active.Import', unit: 'W', phase: 'L1' },
      ] }] }],
      // in kWh
      ['MeterValues', { connectorId: 1, transactionId: 1, meterValue: [{ timestamp: '2026-06-01T10:30:00Z', sampledValue: [
        { value: '1005.5', measurand: 'Energy.Active.Import.Register', unit: 'kWh' },
        { value: '11.0', measurand: 'Power.Active.Import', unit: 'kW' },
      ] }] }],
      ['Heartbeat', {}],
    ], 'geheim-1');
    expect(lines.some((l) => 'unexpected' in l), 'a read-only central system sends no command').toBe(false);
    const bootConf = resultOf(lines, 'BootNotification');
    expect(bootConf['status']).toBe('Accepted');
    expect(bootConf['interval']).toBe(300);
    expect(resultOf(lines, 'Authorize')).toEqual({ idTagInfo: { status: 'Accepted' } });
    const startConf = resultOf(lines, 'StartTransaction');
    transactionId = startConf['transactionId'] as number;
    // the first session of a new district file is row 1
    expect(transactionId).toBe(1);
    expect(typeof resultOf(lines, 'Heartbeat')['currentTime']).toBe('string');

    const session = await store.charging.session(transactionId);
    expect(session).toMatchObject({ chargePoint: 'CP-1', connector: 1, start: T('10:00'), meterStartWh: 1_000_000, stop: null });
    expect(session?.idTagHash).toBe(idTagHash(await store.charging.idTagSalt(), 'RFID-0001'));
    const statuses = await store.charging.connectorStatuses();
    expect(statuses).toEqual([{ chargePoint: 'CP-1', connector: 1, status: 'Charging', errorCode: 'NoError', ts: Date.parse('2026-06-01T10:00:05Z') }]);
    expect((await store.charging.chargePoint('CP-1'))?.boot).toMatchObject({ chargePointVendor: 'ABL', chargePointModel: 'eMH3' });
    const view = await store.getDistrict();
    expect(view?.devices.find((d) => d.id === 'ocpp-CP-1')).toMatchObject({ protocol: 'ocpp', buildingId: 'A' });
    expect(view?.points.map((p) => p.id)).toEqual(expect.arrayContaining([ENERGY, POWER]));
  });

  it('takes a reconnect with a meter value that names neither measurand nor unit (Wh by default)', async () => {
    const lines = await runChargePoint(cs.url, 'CP-1', [boot, meter('2026-06-01T10:40:00Z', [{ value: '1007333' }], transactionId)], 'geheim-1');
    expect(resultOf(lines, 'MeterValues')).toEqual({});
  });

  it('refuses a charge point nobody registered, and a wrong password, at the WebSocket handshake', async () => {
    expect(await runChargePoint(cs.url, 'CP-STRANGER', [boot])).toEqual([{ refused: 401 }]);
    expect(await runChargePoint(cs.url, 'CP-1', [boot], 'falsch')).toEqual([{ refused: 401 }]);
    expect(await runChargePoint(cs.url, 'CP-1', [boot])).toEqual([{ refused: 401 }]);
    expect(await store.charging.chargePoint('CP-STRANGER')).toBeUndefined();
    expect(log.some((l) => l.includes("'CP-STRANGER' is not registered"))).toBe(true);
  });

  it('answers a call that breaks the OCPP 1.6 schema with a CALLERROR and stores nothing from it', async () => {
    const lines = await runChargePoint(cs.url, 'CP-1', [['BootNotification', { chargePointVendor: 'ABL' }]], 'geheim-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toHaveProperty('error');
  });

  it('stops the transaction after a restart of the central system and makes 15-minute intervals with quality flags', async () => {
    await stop();
    await start(port);
    expect(cs.port).toBe(port);
    const lines = await runChargePoint(cs.url, 'CP-1', [
      boot,
      meter('2026-06-01T11:15:00Z', [{ value: '1014200', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }], transactionId),
      ['StopTransaction', {
        transactionId, idTag: 'RFID-0001', meterStop: 1_015_000, timestamp: '2026-06-01T11:20:00Z', reason: 'EVDisconnected',
        transactionData: [{ timestamp: '2026-06-01T11:20:00Z', sampledValue: [{ value: '9600', measurand: 'Power.Active.Import', unit: 'W', context: 'Transaction.End' }] }],
      }],
      status('Available', '2026-06-01T11:20:05Z'),
    ], 'geheim-1');
    expect(resultOf(lines, 'StopTransaction')).toEqual({ idTagInfo: { status: 'Accepted' } });

    // (1,015,000 - 1,000,000) Wh = 15 kWh
    expect(await store.charging.sessions(T('00:00'), T('23:59'))).toEqual([
      expect.objectContaining({ id: transactionId, stop: T('11:20'), meterStopWh: 1_015_000, stopReason: 'EVDisconnected', energyKwh: 15 }),
    ]);
    await store.flush();

    const intervals: Interval[] = [];
    for await (const i of store.intervals([ENERGY], T('09:00'), T('12:00'))) intervals.push(i);
    // Counter readings (kWh): 10:00 1000 (meterStart), 10:15 1002.75, 10:30 1005.5, 10:40 1007.333 (after the
    // reconnect), 11:15 1014.2 (after the restart), 11:20 1015 (meterStop). Steps up to 15 min are measured, the
    // 35-minute step 10:40-11:15 is interpolated and spread by time over the slots it touches:
    //   10:00  1002.75 - 1000                          = 2.75   measured
    //   10:15  1005.5 - 1002.75                        = 2.75   measured
    //   10:30  1007.333 - 1005.5 = 1.833, + 6.867 * 5/35 = 0.981 -> 2.814  interpolated (the worse flag wins)
    //   10:45  6.867 * 15/35                           = 2.943  interpolated
    //   11:00  6.867 * 15/35                           = 2.943  interpolated
    //   11:15  1015 - 1014.2                           = 0.8    measured
    // sum 15.0 kWh = the session's energy.
    const expected: [string, number, string][] = [
      ['10:00', 2.75, 'measured'],
      ['10:15', 2.75, 'measured'],
      ['10:30', 1.833 + (6.867 * 5) / 35, 'interpolated'],
      ['10:45', (6.867 * 15) / 35, 'interpolated'],
      ['11:00', (6.867 * 15) / 35, 'interpolated'],
      ['11:15', 0.8, 'measured'],
    ];
    expect(intervals.map((i) => [new Date(i.start).toISOString().slice(11, 16), i.quality])).toEqual(expected.map(([t, , q]) => [t, q]));
    intervals.forEach((i, k) => expect(i.kwh, expected[k]![0]).toBeCloseTo(expected[k]![1], 6));
    expect(intervals.reduce((s, i) => s + i.kwh, 0)).toBeCloseTo(15, 9);

    const raw = await store.sqlite.all<{ ts: number; value: number }>(
      'SELECT s.ts, s.value FROM samples s JOIN points p ON p.pk = s.point WHERE p.id = ? ORDER BY s.ts',
      [POWER],
    );
    // 11000 W, 11.0 kW and the Transaction.End 9600 W; the phase L1 value is not the total and is left out
    expect(raw).toEqual([
      { ts: T('10:15'), value: 11 },
      { ts: T('10:30'), value: 11 },
      { ts: T('11:20'), value: 9.6 },
    ]);
  });

  it('keeps no id tag and no password in the district file', async () => {
    await stop();
    const bytes = readFileSync(DB).toString('latin1');
    expect(bytes).not.toContain('RFID-0001');
    expect(bytes).not.toContain('geheim-1');
    await start(port);
  });
});
