/**
 * OCPP 2.0.1 TransactionEventRequest (Part 2, message TransactionEvent; use cases E01-E07 and E06 "Stop
 * Transaction options") onto the charging sessions that 1.6 StartTransaction/StopTransaction fill:
 *
 * - The charging station names the transaction (transactionInfo.transactionId) and sends one event 'Started',
 *   any number 'Updated' and one 'Ended'; the session is found again by (charge point, transactionId), so it
 *   survives a restart of PlusTwin (schema 9).
 * - A session needs its EVSE (the connector of the points) and its start register. Both are optional in 'Started':
 *   evse must be sent in the first event after the EV and EVSE are associated, and the meter values of 'Started'
 *   are the configured TxStartedMeasurands, possibly none. So a transaction waits in memory until an event brings
 *   both; its start time stays that of 'Started'. The start register is the energy sample in context
 *   Transaction.Begin, else the first register the transaction reports.
 * - 'Ended' closes the session with the register in context Transaction.End (else the latest reported), so
 *   energy = end register - start register, as for 1.6 (meterStop - meterStart).
 * - Every event's meter values are also readings of the EVSE's points (interval engine); the idToken is stored only
 *   as the salted hash (id-tag-hash.ts), like a 1.6 id tag.
 */
import { energyRegisterWh, meterSamples201, type Ocpp201MeterValue } from '../../../../drivers/ocpp/meter-values-201.js';
import { idTagHash } from './id-tag-hash.js';
import { num, str, timeOr, type OcppContext } from './ocpp-context.js';
import type { EvseStatuses } from './ocpp201-status.js';

interface Pending {
  readonly start: number;
  evse: number | undefined;
  idTagHash: string;
  startWh: number | undefined;
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

export function ocpp201Transactions(ctx: OcppContext, statuses: EvseStatuses) {
  const { charging, salt, now, log } = ctx;
  const pending = new Map<string, Pending>();
  /** The latest energy register (Wh) each open transaction reported, for an 'Ended' that carries none. */
  const latestWh = new Map<string, number>();

  return async (cpId: string, p: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const info = obj(p['transactionInfo']);
    const tx = str(info['transactionId']);
    const key = `${cpId}\u0000${tx}`;
    const eventType = str(p['eventType']);
    const ts = timeOr(p['timestamp'], now);
    const idToken = p['idToken'] === undefined ? undefined : str(obj(p['idToken'])['idToken']);
    const { samples, problems } = meterSamples201((p['meterValue'] as Ocpp201MeterValue[] | undefined) ?? []);
    for (const line of problems) log(`ocpp: ${cpId} transaction ${tx}: ${line}`);

    let session = await charging.sessionOfTransaction(cpId, tx);
    let open = pending.get(key);
    if (!session && !open) {
      if (eventType !== 'Started') log(`ocpp: ${cpId} transaction ${tx}: '${eventType}' without its 'Started' here; the session starts at this event`);
      open = { start: ts, evse: undefined, idTagHash: idTagHash(salt, idToken ?? ''), startWh: undefined };
    }
    const evseId = p['evse'] === undefined ? undefined : num(obj(p['evse'])['id']);
    const evse = session?.connector ?? evseId ?? open?.evse;
    // the register this event ends on: for 'Ended' the one in context Transaction.End, else the latest sent
    const registerWh = energyRegisterWh(samples, eventType === 'Ended' ? 'Transaction.End' : undefined);
    if (registerWh !== undefined) latestWh.set(key, registerWh);

    if (evse === undefined) {
      if (samples.length > 0) log(`ocpp: ${cpId} transaction ${tx}: meter values before the EVSE is named are not stored`);
    } else await ctx.storeSamples(cpId, evse, samples);

    if (!session && open) {
      open.evse = evse;
      if (idToken !== undefined) open.idTagHash = idTagHash(salt, idToken);
      open.startWh ??= energyRegisterWh(samples, 'Transaction.Begin');
      if (open.evse !== undefined && open.startWh !== undefined) {
        const id = await charging.startSession({
          chargePoint: cpId,
          connector: open.evse,
          idTagHash: open.idTagHash,
          start: open.start,
          meterStartWh: open.startWh,
          ocppTransactionId: tx,
        });
        pending.delete(key);
        session = await charging.session(id);
      } else pending.set(key, open);
    }

    if (evse !== undefined) {
      const state = eventType === 'Ended' ? undefined : typeof info['chargingState'] === 'string' ? info['chargingState'] : null;
      // null: this event did not change the charging state (the field is sent only when it changed)
      if (state !== null) await saveStatus(ctx, cpId, evse, statuses.chargingState(cpId, evse, state), ts);
    }

    if (eventType === 'Ended') {
      pending.delete(key);
      const stopWh = registerWh ?? latestWh.get(key);
      latestWh.delete(key);
      if (!session) log(`ocpp: ${cpId} transaction ${tx} ended before its EVSE and a meter reading were sent; no session is stored`);
      else {
        if (stopWh === undefined) log(`ocpp: ${cpId} transaction ${tx} ended without a meter reading; its energy is recorded as 0`);
        const reason = info['stoppedReason'];
        await charging.stopSession(session.id, { ts, meterStopWh: stopWh ?? session.meterStartWh, reason: typeof reason === 'string' ? reason : null });
      }
    }
    // idTokenInfo is sent when the request named an idToken (TransactionEventResponse); read-only: always Accepted
    return idToken === undefined ? {} : { idTokenInfo: { status: 'Accepted' } };
  };
}

export async function saveStatus(ctx: OcppContext, cpId: string, evse: number, status: string, ts: number): Promise<void> {
  // 2.0.1 has no errorCode in StatusNotification: faults are reported as events (NotifyEvent)
  await ctx.charging.saveConnectorStatus({ chargePoint: cpId, connector: evse, status, errorCode: '', ts });
}
