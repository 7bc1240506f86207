/**
 * OCPP 2.0.1 reports a status per connector of an EVSE (StatusNotificationRequest.connectorStatus: Available,
 * Occupied, Reserved, Unavailable, Faulted; Part 2 use case G01) and whether energy flows in the transaction
 * (TransactionType.chargingState: Charging, EVConnected, SuspendedEV, SuspendedEVSE, Idle; use case E01ff). The
 * store and the map speak the OCPP 1.6 ChargePointStatus per connector, and a 2.0.1 EVSE is what carries the meter,
 * so its points and its status sit under connector = evseId, its status translated into the 1.6 words:
 *
 *   Faulted on any connector                  -> Faulted
 *   a transaction's chargingState is known    -> Charging | Preparing (EVConnected) | SuspendedEV | SuspendedEVSE
 *   a connector Occupied (state not yet sent) -> Preparing (a car is plugged in)
 *   else Reserved, then Available, then Unavailable: the EVSE is as usable as its most usable connector.
 *
 * An EVSE with two connectors marks the second Unavailable while the first is in use; without the merge that
 * report would overwrite "Charging". Kept in memory: after a restart the next reports rebuild it.
 */

const RANK = ['Unavailable', 'Available', 'Reserved', 'Occupied', 'Faulted'] as const;

const CHARGING_STATE: Readonly<Record<string, string>> = {
  Charging: 'Charging',
  EVConnected: 'Preparing',
  SuspendedEV: 'SuspendedEV',
  SuspendedEVSE: 'SuspendedEVSE',
};

interface EvseState {
  readonly connectors: Map<number, string>;
  /** The 1.6 word for the running transaction's chargingState; undefined = none known (or Idle). */
  charging: string | undefined;
}

export class EvseStatuses {
  private readonly evses = new Map<string, EvseState>();

  /** A StatusNotification; answers the EVSE's status in 1.6 words. */
  connector(chargePoint: string, evse: number, connector: number, connectorStatus: string): string {
    const s = this.state(chargePoint, evse);
    s.connectors.set(connector, connectorStatus);
    if (connectorStatus !== 'Occupied' && ![...s.connectors.values()].includes('Occupied')) s.charging = undefined;
    return this.merged(s);
  }

  /** A transaction's chargingState (or its end: undefined); answers the EVSE's status in 1.6 words. */
  chargingState(chargePoint: string, evse: number, state: string | undefined): string {
    const s = this.state(chargePoint, evse);
    s.charging = state === undefined ? undefined : CHARGING_STATE[state];
    return this.merged(s);
  }

  private state(chargePoint: string, evse: number): EvseState {
    const key = `${chargePoint}\u0000${evse}`;
    let s = this.evses.get(key);
    if (!s) this.evses.set(key, (s = { connectors: new Map(), charging: undefined }));
    return s;
  }

  private merged(s: EvseState): string {
    let top = -1;
    for (const status of s.connectors.values()) top = Math.max(top, RANK.indexOf(status as (typeof RANK)[number]));
    if (RANK[top] === 'Faulted') return 'Faulted';
    if (s.charging !== undefined) return s.charging;
    if (RANK[top] === 'Occupied') return 'Preparing';
    return RANK[top] ?? 'Available';
  }
}
