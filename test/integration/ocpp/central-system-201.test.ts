/**
 * The central system's OCPP 2.0.1 side driven by a charging station that is not ours: a separate python3 process
 * writing raw OCPP-J frames over python3-websockets (test/fixtures/ocpp/ocpp-peer.py), against a real
 * SQLite store. The payloads follow OCPP 2.0.1 Part 2 (messages BootNotification, StatusNotification, Authorize,
 * TransactionEvent, MeterValues, NotifyEvent, SecurityEventNotification) and are checked by the ocpp2.0.1 JSON
 * schemas in strict mode on the central system's side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interval } from '../../../models/types.js';
import { startCentralSystem, type CentralSystem } from '../../../main/core/ingest/ocpp/central-system.js';
import { hashChargePointPassword } from '../../../main/core/ingest/ocpp/charge-point-password.js';
import { chargePointPointId } from '../../../main/core/ingest/ocpp/charge-point-points.js';
import { idTagHash } from '../../../main/core/ingest/ocpp/id-tag-hash.js';
import { DEFAULT_OCPP_SETTINGS } from '../../../main/core/store/charging-store.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { building, SITE, tempDir } from '../store/district-fixture.js';
import { requirePythonWebsockets, resultOf, runChargingStation201, type Line, type Step } from './charge-point-process.js';

const tmp = tempDir();
const DB = tmp.file('district.sqlite');
const log: string[] = [];
let store: SqliteStore;
let cs: CentralSystem;

const start = async (port: number) => {
  // rawRetentionDays 0: the test's June samples are older than the default 90 days of raw retention
  store = await openStore(DB, { flushIntervalMs: 50, rawRetentionDays: 0 });
  cs = await startCentralSystem({
    store,
    charging: store.charging,
    settings: { ...DEFAULT_OCPP_SETTINGS, enabled: true, port },
    log: (l) => log.push(l),
  });
};
const stop = async () => {
  await cs.close();
  await store.close();
};

const ID = 'CS-201';
const PASSWORD = 'geheim-201';
const TX = 'b2f3c1d0-7a4e-4e51-9d3a-201000000001';
const RFID = { idToken: 'RFID-2001', type: 'ISO14443' };
const ENERGY = chargePointPointId(ID, 1, 'energy');
const POWER = chargePointPointId(ID, 1, 'power');
const T = (hhmm: string) => Date.parse(`2026-06-01T${hhmm}:00Z`);
const at = (hhmm: string) => `2026-06-01T${hhmm}:00Z`;

const boot: Step = ['BootNotification', { reason: 'PowerUp', chargingStation: { model: 'Wallbox 201', vendorName: 'Testhersteller', firmwareVersion: '2.0.1-test' } }];
const status = (connectorStatus: string, hhmm: string): Step => ['StatusNotification', { timestamp: at(hhmm), connectorStatus, evseId: 1, connectorId: 1 }];
const txEvent = (eventType: string, hhmm: string, seqNo: number, extra: Record<string, unknown>): Step => [
  'TransactionEvent',
  { eventType, timestamp: at(hhmm), triggerReason: 'MeterValuePeriodic', seqNo, transactionInfo: { transactionId: TX }, ...extra },
];
/** password null: the station sends none. */
const station = (steps: readonly Step[], password: string | null = PASSWORD) =>
  runChargingStation201(cs.url, ID, steps, password === null ? {} : { password });
const lastResult = (lines: readonly Line[], action: string) =>
  lines.filter((l): l is { action: string; result: Record<string, unknown> } => 'result' in l && l.action === action).at(-1)?.result;
const agreed = (lines: readonly Line[]) => (lines[0] && 'subprotocol' in lines[0] ? lines[0].subprotocol : undefined);

beforeAll(async () => {
  requirePythonWebsockets();
  const s = await openStore(DB);
  await s.saveDistrict(SITE, [building('A')], [], []);
  await s.charging.saveChargePoint({ id: ID, buildingId: 'A', passwordHash: await hashChargePointPassword(PASSWORD) });
  await s.close();
  await start(0);
});
afterAll(async () => {
  await stop().catch(() => undefined);
  tmp.cleanup();
});

describe('OCPP 2.0.1 central system with a python3-websockets charging station', () => {
  let port = 0;

  it('agrees on the version the station prefers among those it offers (Part 4, Sec-WebSocket-Protocol)', async () => {
    port = cs.port;
    expect(agreed(await runChargingStation201(cs.url, ID, [], { password: PASSWORD, subprotocols: ['ocpp2.0.1', 'ocpp1.6'] }))).toBe('ocpp2.0.1');
    expect(agreed(await runChargingStation201(cs.url, ID, [], { password: PASSWORD, subprotocols: ['ocpp1.6', 'ocpp2.0.1'] }))).toBe('ocpp1.6');
    // a version the central system does not speak is refused at the handshake
    expect(await runChargingStation201(cs.url, ID, [], { password: PASSWORD, subprotocols: ['ocpp2.1'] })).toEqual([{ refused: 400 }]);
  });

  it('boots, reports status, starts a transaction and sends meter values in Wh and in kWh with a multiplier', async () => {
    const lines = await station([
      boot,
      status('Available', '09:59'),
      ['SecurityEventNotification', { type: 'StartupOfTheDevice', timestamp: at('09:59') }],
      ['Authorize', { idToken: RFID }],
      status('Occupied', '09:59'),
      txEvent('Started', '10:00', 0, {
        triggerReason: 'Authorized',
        transactionInfo: { transactionId: TX, chargingState: 'Charging' },
        evse: { id: 1, connectorId: 1 },
        idToken: RFID,
        // the register at the start, in Wh named explicitly
        meterValue: [{ timestamp: at('10:00'), sampledValue: [{ value: 2_000_000, context: 'Transaction.Begin', measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } }] }],
      }),
      // MeterValues (J01): the register with no unit (Wh by default), the power in W, one phase's power (left out)
      ['MeterValues', { evseId: 1, meterValue: [{ timestamp: at('10:15'), sampledValue: [
        { value: 2_002_500 },
        { value: 11000, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'W' } },
        { value: 3667, measurand: 'Power.Active.Import', phase: 'L1', unitOfMeasure: { unit: 'W' } },
      ] }] }],
      // in kWh with multiplier 1: 200.5 * 10^1 = 2005 kWh; power 110 W * 10^2 = 11000 W
      txEvent('Updated', '10:30', 1, { meterValue: [{ timestamp: at('10:30'), sampledValue: [
        { value: 200.5, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'kWh', multiplier: 1 } },
        { value: 110, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'W', multiplier: 2 } },
      ] }] }),
      ['NotifyEvent', { generatedAt: at('10:31'), seqNo: 0, eventData: [{
        eventId: 1, timestamp: at('10:31'), trigger: 'Alerting', actualValue: 'true', eventNotificationType: 'HardWiredNotification',
        component: { name: 'EVSE' }, variable: { name: 'Problem' },
      }] }],
      ['Heartbeat', {}],
    ]);
    expect(agreed(lines)).toBe('ocpp2.0.1');
    expect(lines.some((l) => 'unexpected' in l || 'error' in l), JSON.stringify(lines)).toBe(false);
    const bootConf = resultOf(lines, 'BootNotification');
    expect(bootConf).toMatchObject({ status: 'Accepted', interval: 300 });
    expect(Number.isFinite(Date.parse(bootConf['currentTime'] as string))).toBe(true);
    expect(resultOf(lines, 'Authorize')).toEqual({ idTokenInfo: { status: 'Accepted' } });
    expect(resultOf(lines, 'TransactionEvent')).toEqual({ idTokenInfo: { status: 'Accepted' } });
    expect(resultOf(lines, 'StatusNotification')).toEqual({});
    expect(resultOf(lines, 'MeterValues')).toEqual({});
    expect(resultOf(lines, 'NotifyEvent')).toEqual({});
    expect(resultOf(lines, 'SecurityEventNotification')).toEqual({});
    expect(typeof resultOf(lines, 'Heartbeat')['currentTime']).toBe('string');

    const session = await store.charging.sessionOfTransaction(ID, TX);
    expect(session).toMatchObject({ chargePoint: ID, connector: 1, start: T('10:00'), meterStartWh: 2_000_000, stop: null, ocppTransactionId: TX });
    expect(session?.idTagHash).toBe(idTagHash(await store.charging.idTagSalt(), 'RFID-2001'));
    // EVSE 1's status in the 1.6 words the map colours: Occupied, then chargingState Charging from the transaction
    expect(await store.charging.connectorStatuses()).toEqual([{ chargePoint: ID, connector: 1, status: 'Charging', errorCode: '', ts: T('10:00') }]);
    expect((await store.charging.chargePoint(ID))?.boot).toMatchObject({ reason: 'PowerUp', chargingStation: { vendorName: 'Testhersteller' } });
    const view = await store.getDistrict();
    expect(view?.devices.find((d) => d.id === `ocpp-${ID}`)).toMatchObject({ protocol: 'ocpp', buildingId: 'A' });
    expect(view?.points.map((p) => p.id)).toEqual(expect.arrayContaining([ENERGY, POWER]));
    expect(log).toContain(`ocpp: ${ID} security event StartupOfTheDevice at ${at('09:59')}`);
  });

  it('refuses a station nobody registered, a wrong password and none, at the WebSocket handshake', async () => {
    expect(await runChargingStation201(cs.url, 'CS-STRANGER', [boot])).toEqual([{ refused: 401 }]);
    expect(await station([boot], 'falsch')).toEqual([{ refused: 401 }]);
    expect(await station([boot], null)).toEqual([{ refused: 401 }]);
    expect(await store.charging.chargePoint('CS-STRANGER')).toBeUndefined();
    expect(log.some((l) => l.includes("'CS-STRANGER' is not registered"))).toBe(true);
  });

  it('answers a call that breaks the OCPP 2.0.1 schema (a 1.6 BootNotification) with a CALLERROR', async () => {
    const lines = await station([['BootNotification', { chargePointVendor: 'ABL', chargePointModel: 'eMH3' }]]);
    // ocpp-rpc names the missing required fields with the 1.6 spelling of the code, OccurenceConstraintViolation
    expect(lines[1]).toEqual({ action: 'BootNotification', error: expect.stringMatching(/Violation$/) });
    expect(lines).toHaveLength(2);
  });

  it('ends the transaction after a restart of the central system: energy = end register - start register', async () => {
    await stop();
    await start(port);
    expect(cs.port).toBe(port);
    const lines = await station([
      boot,
      // Wh with multiplier 3: 2012 * 10^3 Wh = 2012 kWh
      txEvent('Updated', '11:00', 2, { meterValue: [{ timestamp: at('11:00'), sampledValue: [{ value: 2012, unitOfMeasure: { unit: 'Wh', multiplier: 3 } }] }] }),
      ['MeterValues', { evseId: 1, meterValue: [{ timestamp: at('11:15'), sampledValue: [{ value: 2_015_500, unitOfMeasure: { unit: 'Wh' } }] }] }],
      txEvent('Ended', '11:20', 3, {
        triggerReason: 'StopAuthorized',
        transactionInfo: { transactionId: TX, stoppedReason: 'Local' },
        idToken: RFID,
        meterValue: [{ timestamp: at('11:20'), sampledValue: [
          { value: 2016.25, context: 'Transaction.End', unitOfMeasure: { unit: 'kWh' } },
          { value: 9.6, context: 'Transaction.End', measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'kW' } },
        ] }],
      }),
      status('Available', '11:21'),
    ]);
    expect(lines.some((l) => 'error' in l), JSON.stringify(lines)).toBe(false);
    // the Updated event named no idToken, the Ended one did (TransactionEventResponse.idTokenInfo)
    expect(resultOf(lines, 'TransactionEvent')).toEqual({});
    expect(lastResult(lines, 'TransactionEvent')).toEqual({ idTokenInfo: { status: 'Accepted' } });

    // start 2,000,000 Wh (Transaction.Begin, before the restart), end 2016.25 kWh = 2,016,250 Wh (Transaction.End):
    // 2,016,250 - 2,000,000 = 16,250 Wh = 16.25 kWh
    expect(await store.charging.sessions(T('00:00'), T('23:59'))).toEqual([
      expect.objectContaining({ ocppTransactionId: TX, connector: 1, start: T('10:00'), stop: T('11:20'), meterStopWh: 2_016_250, stopReason: 'Local', energyKwh: 16.25 }),
    ]);
    expect(await store.charging.connectorStatuses()).toEqual([{ chargePoint: ID, connector: 1, status: 'Available', errorCode: '', ts: T('11:21') }]);
    await store.flush();

    const intervals: Interval[] = [];
    for await (const i of store.intervals([ENERGY], T('09:00'), T('12:00'))) intervals.push(i);
    // Register readings (kWh): 10:00 2000 (Started), 10:15 2002.5 (MeterValues, Wh), 10:30 2005 (kWh x 10^1),
    // then after the restart 11:00 2012 (Wh x 10^3), 11:15 2015.5, 11:20 2016.25 (Ended). Steps up to 15 min are
    // measured; the 30-minute step 10:30-11:00 (7 kWh) is interpolated and spread by time over its two slots:
    //   10:00  2002.5 - 2000    = 2.5   measured
    //   10:15  2005 - 2002.5    = 2.5   measured
    //   10:30  7 * 15/30        = 3.5   interpolated
    //   10:45  7 * 15/30        = 3.5   interpolated
    //   11:00  2015.5 - 2012    = 3.5   measured
    //   11:15  2016.25 - 2015.5 = 0.75  measured
    // sum 16.25 kWh = the session's energy.
    const expected: [string, number, string][] = [
      ['10:00', 2.5, 'measured'],
      ['10:15', 2.5, 'measured'],
      ['10:30', 3.5, 'interpolated'],
      ['10:45', 3.5, 'interpolated'],
      ['11:00', 3.5, 'measured'],
      ['11:15', 0.75, 'measured'],
    ];
    expect(intervals.map((i) => [new Date(i.start).toISOString().slice(11, 16), i.quality])).toEqual(expected.map(([t, , q]) => [t, q]));
    intervals.forEach((i, k) => expect(i.kwh, expected[k]![0]).toBeCloseTo(expected[k]![1], 9));
    expect(intervals.reduce((s, i) => s + i.kwh, 0)).toBeCloseTo(16.25, 9);

    const raw = await store.sqlite.all<{ ts: number; value: number }>(
      'SELECT s.ts, s.value FROM samples s JOIN points p ON p.pk = s.point WHERE p.id = ? ORDER BY s.ts',
      [POWER],
    );
    // 11000 W, 110 W x 10^2 and the Transaction.End 9.6 kW; the phase L1 value is not the total and is left out
    expect(raw).toEqual([
      { ts: T('10:15'), value: 11 },
      { ts: T('10:30'), value: 11 },
      { ts: T('11:20'), value: 9.6 },
    ]);
  });

  it('opens a session whose Started named neither EVSE nor register once an event brings both; Ended without a register takes the latest', async () => {
    const TX2 = 'tx-plugged-in-after-authorize';
    const ev = (eventType: string, hhmm: string, seqNo: number, extra: Record<string, unknown>): Step => [
      'TransactionEvent',
      { eventType, timestamp: at(hhmm), seqNo, transactionInfo: { transactionId: TX2 }, ...extra },
    ];
    const lines = await station([
      // E03 (Start Transaction - IdToken First): authorized first, the EV is plugged in later, so 'Started' knows no EVSE yet
      ev('Started', '12:00', 0, { triggerReason: 'Authorized', idToken: RFID }),
      ev('Updated', '12:02', 1, {
        triggerReason: 'CablePluggedIn',
        transactionInfo: { transactionId: TX2, chargingState: 'EVConnected' },
        evse: { id: 1, connectorId: 1 },
        meterValue: [{ timestamp: at('12:02'), sampledValue: [{ value: 2_016_250, context: 'Transaction.Begin' }] }],
      }),
      ev('Updated', '12:15', 2, { triggerReason: 'MeterValuePeriodic', meterValue: [{ timestamp: at('12:15'), sampledValue: [{ value: 2_018_000 }] }] }),
      ev('Ended', '12:20', 3, { triggerReason: 'EVDeparted', transactionInfo: { transactionId: TX2, stoppedReason: 'EVDisconnected' } }),
    ]);
    expect(lines.some((l) => 'error' in l), JSON.stringify(lines)).toBe(false);
    // start 2,016,250 Wh (Transaction.Begin at 12:02), end the latest register 2,018,000 Wh (12:15):
    // 2,018,000 - 2,016,250 = 1,750 Wh = 1.75 kWh; the session starts when 'Started' said, 12:00
    expect(await store.charging.sessionOfTransaction(ID, TX2)).toMatchObject({
      connector: 1, start: T('12:00'), meterStartWh: 2_016_250, stop: T('12:20'), meterStopWh: 2_018_000, stopReason: 'EVDisconnected', energyKwh: 1.75,
    });
    expect((await store.charging.sessionOfTransaction(ID, TX2))?.idTagHash).toBe(idTagHash(await store.charging.idTagSalt(), 'RFID-2001'));
  });
});
