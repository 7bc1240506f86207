/**
 * What the store keeps about EV charging (OCPP): the charge points the user registered (password hashed), each
 * connector's last status, the charging sessions, and the district's OCPP endpoint settings. Meter values are not
 * here: they are readings of the charge point's points and go through ingest() like any meter's.
 */

/** A charge point as registered by the user or accepted when unknown charge points are allowed. */
export interface ChargePointRecord {
  readonly id: string;
  /** scrypt hash of the basic-auth password (charge-point-password.ts), null for none. */
  readonly passwordHash: string | null;
  /** Building the charge point is attached to; its meter values are stored only when it has one. */
  readonly buildingId: string | null;
  /** The last BootNotification's payload (vendor, model, serial, firmware). */
  readonly boot: Readonly<Record<string, unknown>> | null;
  readonly firstSeen: number | null;
  readonly lastSeen: number | null;
  /** WGS84 position on the map; null = shown at its building (schema 7). */
  readonly lon: number | null;
  readonly lat: number | null;
}

export interface ConnectorStatus {
  readonly chargePoint: string;
  /** 0 = the charge point as a whole (OCPP 1.6 StatusNotification); for OCPP 2.0.1 the EVSE id. */
  readonly connector: number;
  /** OCPP 1.6 ChargePointStatus: Available, Preparing, Charging, ..., Faulted (2.0.1 is translated to it). */
  readonly status: string;
  readonly errorCode: string;
  readonly ts: number;
}

export interface ChargingSession {
  /** The OCPP 1.6 transactionId handed out by the central system; for 2.0.1 sessions only the store's row number. */
  readonly id: number;
  /** The OCPP 2.0.1 transactionId the charging station chose (schema 9); null for 1.6 sessions. */
  readonly ocppTransactionId: string | null;
  readonly chargePoint: string;
  readonly connector: number;
  /** SHA-256 of the district's salt and the id tag; the id tag itself is never stored. */
  readonly idTagHash: string;
  readonly start: number;
  readonly meterStartWh: number;
  readonly stop: number | null;
  readonly meterStopWh: number | null;
  readonly stopReason: string | null;
  /** (meterStop - meterStart) / 1000 once stopped, else null. */
  readonly energyKwh: number | null;
}

/** The district's OCPP endpoint (one per district file). */
export interface OcppSettings {
  readonly enabled: boolean;
  readonly host: string;
  readonly port: number;
  /** Accept charge points nobody registered (they are recorded at their first connection). */
  readonly allowUnknown: boolean;
  /** Building that charge points accepted while unknown are attached to, if any. */
  readonly unknownBuildingId: string | null;
  /** Heartbeat interval the central system asks for in BootNotification.conf, s. */
  readonly heartbeatS: number;
}

export const DEFAULT_OCPP_SETTINGS: OcppSettings = {
  enabled: false,
  host: '127.0.0.1',
  port: 8180,
  allowUnknown: false,
  unknownBuildingId: null,
  heartbeatS: 300,
};

export interface NewChargingSession {
  readonly chargePoint: string;
  readonly connector: number;
  readonly idTagHash: string;
  readonly start: number;
  readonly meterStartWh: number;
  readonly ocppTransactionId?: string;
}

/** What registering a charge point may set; a field left out keeps the stored value. */
export interface ChargePointPatch {
  readonly id: string;
  readonly passwordHash?: string | null;
  readonly buildingId?: string | null;
  readonly position?: { readonly lon: number; readonly lat: number } | null;
}

export interface ChargingStore {
  chargePoint(id: string): Promise<ChargePointRecord | undefined>;
  chargePoints(): Promise<ChargePointRecord[]>;
  /** Registers (or updates) a charge point; a missing passwordHash/buildingId keeps the stored one. */
  saveChargePoint(cp: ChargePointPatch): Promise<void>;
  /** Unregisters a charge point (its sessions stay); false when there was none. */
  removeChargePoint(id: string): Promise<boolean>;
  /** Records a connection or a BootNotification (boot given) at ts. */
  noteChargePoint(id: string, ts: number, boot?: Readonly<Record<string, unknown>>): Promise<void>;
  saveConnectorStatus(status: ConnectorStatus): Promise<void>;
  connectorStatuses(): Promise<ConnectorStatus[]>;
  /** Opens a session and returns its id (the 1.6 transactionId); ocppTransactionId names a 2.0.1 transaction. */
  startSession(s: NewChargingSession): Promise<number>;
  /** Closes an open session; undefined when there is no session of that id (or it is closed already). */
  stopSession(id: number, stop: { ts: number; meterStopWh: number; reason: string | null }): Promise<ChargingSession | undefined>;
  session(id: number): Promise<ChargingSession | undefined>;
  /** The session of a charging station's OCPP 2.0.1 transaction, if one was opened. */
  sessionOfTransaction(chargePoint: string, ocppTransactionId: string): Promise<ChargingSession | undefined>;
  /** Sessions that started in [from, to), oldest first. */
  sessions(from: number, to: number): Promise<ChargingSession[]>;
  ocppSettings(): Promise<OcppSettings>;
  saveOcppSettings(settings: OcppSettings): Promise<void>;
  /** The district's random salt for id tag hashes, made on first use. */
  idTagSalt(): Promise<string>;
}
