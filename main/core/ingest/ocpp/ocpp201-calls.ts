/**
 * OCPP 2.0.1 messages (Part 2 - Specification; the ocpp2.0.1 JSON schemas ocpp-rpc validates against) onto the
 * same district as 1.6 (ocpp16-calls.ts): an EVSE takes the place of a 1.6 connector, so its meter values are
 * readings of the points of connector = evseId (evseId 0 = the station's main meter, like 1.6 connector 0), its
 * status is the connector status in the 1.6 words (ocpp201-status.ts), its transactions are charging sessions
 * (ocpp201-transactions.ts). Read-only: every call is accepted and nothing is ever sent to the station.
 *
 * Answered: BootNotification (B01: status Accepted, interval = heartbeat, currentTime), Heartbeat (G02),
 * StatusNotification (G01), MeterValues (J01, meter values outside a transaction), TransactionEvent (E01-E07),
 * Authorize (C01: Accepted; the idToken is not stored), and minimally what a station may send unasked:
 * NotifyEvent (N07), SecurityEventNotification (A04), FirmwareStatusNotification, LogStatusNotification,
 * DataTransfer (P02: UnknownVendorId, no vendor extensions here).
 *
 * Read for this (the message fields are checked against the schemas, not taken from these): the Open Charge
 * Alliance's ocpp2.0.1 JSON schemas as ocpp-rpc ships them (node_modules/ocpp-rpc/lib/schemas/ocpp2_0_1.json, their
 * field descriptions quote Part 2's data types); summaries of Part 2 and Part 4 at
 * https://ocpplab.com/docs/protocols/ocpp-2-0-1/actions/transaction-event,
 * https://www.ocpplab.com/docs/protocols/ocpp-2-0-1/actions/ocpp-j and
 * https://tzi.app/developers/ocpp/2.0.1/transactions (section E: station-made transaction ids, one transaction
 * per EVSE).
 */
import { meterSamples201, type Ocpp201MeterValue } from '../../../../drivers/ocpp/meter-values-201.js';
import type { OcppHandler } from '../../../../drivers/ocpp/ocpp-endpoint.js';
import { num, str, timeOr, type OcppContext } from './ocpp-context.js';
import { EvseStatuses } from './ocpp201-status.js';
import { ocpp201Transactions, saveStatus } from './ocpp201-transactions.js';

export function ocpp201Calls(ctx: OcppContext): Record<string, OcppHandler> {
  const { charging, settings, now, log } = ctx;
  const statuses = new EvseStatuses();
  const currentTime = () => new Date(now()).toISOString();
  const accepted = { idTokenInfo: { status: 'Accepted' } };

  return {
    BootNotification: async (cpId, params) => {
      await charging.noteChargePoint(cpId, now(), params);
      return { status: 'Accepted', currentTime: currentTime(), interval: settings.heartbeatS };
    },
    Heartbeat: async (cpId) => {
      await charging.noteChargePoint(cpId, now());
      return { currentTime: currentTime() };
    },
    StatusNotification: async (cpId, p) => {
      const evse = num(p['evseId']);
      const status = statuses.connector(cpId, evse, num(p['connectorId']), str(p['connectorStatus']));
      await saveStatus(ctx, cpId, evse, status, timeOr(p['timestamp'], now));
      return {};
    },
    MeterValues: async (cpId, p) => {
      const evse = num(p['evseId']);
      const { samples, problems } = meterSamples201(p['meterValue'] as Ocpp201MeterValue[]);
      for (const line of problems) log(`ocpp: ${cpId} EVSE ${evse}: ${line}`);
      await ctx.storeSamples(cpId, evse, samples);
      return {};
    },
    TransactionEvent: ocpp201Transactions(ctx, statuses),
    Authorize: async () => accepted,
    NotifyEvent: async (cpId, p) => {
      const events = Array.isArray(p['eventData']) ? p['eventData'].length : 0;
      log(`ocpp: ${cpId} reported ${events} event(s) (NotifyEvent); not evaluated`);
      return {};
    },
    SecurityEventNotification: async (cpId, p) => {
      log(`ocpp: ${cpId} security event ${str(p['type'])} at ${str(p['timestamp'])}`);
      return {};
    },
    FirmwareStatusNotification: async () => ({}),
    LogStatusNotification: async () => ({}),
    DataTransfer: async () => ({ status: 'UnknownVendorId' }),
  };
}
