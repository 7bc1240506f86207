/**
 * OCPP 1.6J messages (OCPP 1.6 edition 2, chapter 4 "Operations initiated by Charge Point") onto the district:
 * meter values become readings of the connector's points, StartTransaction/StopTransaction a charging session
 * whose id is the transactionId handed out here, statuses the connector's last status. Read-only: every call is
 * answered 'Accepted'.
 */
import { meterSamples, type OcppMeterValue } from '../../../../drivers/ocpp/meter-values.js';
import type { OcppHandler } from '../../../../drivers/ocpp/ocpp-endpoint.js';
import { idTagHash } from './id-tag-hash.js';
import { num, str, timeOr, type OcppContext } from './ocpp-context.js';

/** The calls a charge point makes to the central system in OCPP 1.6 (Core, Firmware and Diagnostics profiles). */
export const CHARGE_POINT_CALLS_16 = [
  'BootNotification',
  'Heartbeat',
  'StatusNotification',
  'MeterValues',
  'Authorize',
  'StartTransaction',
  'StopTransaction',
  'DataTransfer',
  'DiagnosticsStatusNotification',
  'FirmwareStatusNotification',
] as const;
export type ChargePointCall16 = (typeof CHARGE_POINT_CALLS_16)[number];

export function ocpp16Calls(ctx: OcppContext): Record<ChargePointCall16, OcppHandler> {
  const { charging, settings, salt, now, log } = ctx;

  const meterValues = async (cpId: string, connector: number, values: readonly OcppMeterValue[]): Promise<void> => {
    const { samples, problems } = meterSamples(values);
    for (const p of problems) log(`ocpp: ${cpId} connector ${connector}: ${p}`);
    await ctx.storeSamples(cpId, connector, samples);
  };

  /** meterStart/meterStop are integer Wh of the energy import register (OCPP 1.6 sections 6.46 and 6.50). */
  const registerReading = (cpId: string, connector: number, timestamp: string, wh: number) =>
    ctx.storeSamples(cpId, connector, Number.isFinite(Date.parse(timestamp)) ? [{ quantity: 'energy', ts: Date.parse(timestamp), value: wh / 1000 }] : []);

  const accepted = { idTagInfo: { status: 'Accepted' } };
  return {
    BootNotification: async (cpId, params) => {
      await charging.noteChargePoint(cpId, now(), params);
      return { status: 'Accepted', currentTime: new Date(now()).toISOString(), interval: settings.heartbeatS };
    },
    Heartbeat: async (cpId) => {
      await charging.noteChargePoint(cpId, now());
      return { currentTime: new Date(now()).toISOString() };
    },
    StatusNotification: async (cpId, p) => {
      await charging.saveConnectorStatus({
        chargePoint: cpId,
        connector: num(p['connectorId']),
        status: str(p['status']),
        errorCode: str(p['errorCode']),
        ts: timeOr(p['timestamp'], now),
      });
      return {};
    },
    MeterValues: async (cpId, p) => {
      await meterValues(cpId, num(p['connectorId']), p['meterValue'] as OcppMeterValue[]);
      return {};
    },
    Authorize: async () => accepted,
    StartTransaction: async (cpId, p) => {
      const connector = num(p['connectorId']);
      const transactionId = await charging.startSession({
        chargePoint: cpId,
        connector,
        idTagHash: idTagHash(salt, str(p['idTag'])),
        start: timeOr(p['timestamp'], now),
        meterStartWh: num(p['meterStart']),
      });
      await registerReading(cpId, connector, str(p['timestamp']), num(p['meterStart']));
      return { transactionId, ...accepted };
    },
    StopTransaction: async (cpId, p) => {
      const id = num(p['transactionId']);
      const session = await charging.stopSession(id, {
        ts: timeOr(p['timestamp'], now),
        meterStopWh: num(p['meterStop']),
        reason: typeof p['reason'] === 'string' ? p['reason'] : null,
      });
      const known = session ?? (await charging.session(id));
      if (!known || known.chargePoint !== cpId) log(`ocpp: ${cpId} stopped transaction ${id}, which it never started here`);
      else {
        await registerReading(cpId, known.connector, str(p['timestamp']), num(p['meterStop']));
        await meterValues(cpId, known.connector, (p['transactionData'] as OcppMeterValue[] | undefined) ?? []);
      }
      return typeof p['idTag'] === 'string' ? accepted : {};
    },
    DataTransfer: async () => ({ status: 'UnknownVendorId' }),
    DiagnosticsStatusNotification: async () => ({}),
    FirmwareStatusNotification: async () => ({}),
  };
}
