/** SQL behind ChargingStore (charging-store.ts); the tables come with schema 5 (migrations.ts). */
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_OCPP_SETTINGS,
  type ChargePointPatch,
  type ChargePointRecord,
  type ChargingSession,
  type ChargingStore,
  type ConnectorStatus,
  type NewChargingSession,
  type OcppSettings,
} from './charging-store.js';
import type { SqliteDb } from './sqlite-db.js';

interface CpRow {
  id: string;
  password_hash: string | null;
  building_id: string | null;
  boot: string | null;
  first_seen: number | null;
  last_seen: number | null;
  lon: number | null;
  lat: number | null;
}

interface SessionRow {
  id: number;
  charge_point: string;
  connector: number;
  id_tag_hash: string;
  start_ts: number;
  meter_start_wh: number;
  stop_ts: number | null;
  meter_stop_wh: number | null;
  stop_reason: string | null;
  ocpp_tx: string | null;
}

const toChargePoint = (r: CpRow): ChargePointRecord => ({
  id: r.id,
  passwordHash: r.password_hash,
  buildingId: r.building_id,
  boot: r.boot === null ? null : (JSON.parse(r.boot) as Record<string, unknown>),
  firstSeen: r.first_seen,
  lastSeen: r.last_seen,
  lon: r.lon,
  lat: r.lat,
});

const toSession = (r: SessionRow): ChargingSession => ({
  id: r.id,
  ocppTransactionId: r.ocpp_tx,
  chargePoint: r.charge_point,
  connector: r.connector,
  idTagHash: r.id_tag_hash,
  start: r.start_ts,
  meterStartWh: r.meter_start_wh,
  stop: r.stop_ts,
  meterStopWh: r.meter_stop_wh,
  stopReason: r.stop_reason,
  energyKwh: r.meter_stop_wh === null ? null : (r.meter_stop_wh - r.meter_start_wh) / 1000,
});

export class ChargingRepo implements ChargingStore {
  constructor(private readonly db: SqliteDb) {}

  async chargePoint(id: string): Promise<ChargePointRecord | undefined> {
    const row = await this.db.get<CpRow>('SELECT * FROM ocpp_charge_points WHERE id = ?', [id]);
    return row && toChargePoint(row);
  }

  async chargePoints(): Promise<ChargePointRecord[]> {
    return (await this.db.all<CpRow>('SELECT * FROM ocpp_charge_points ORDER BY id')).map(toChargePoint);
  }

  async saveChargePoint(cp: ChargePointPatch): Promise<void> {
    await this.db.run('INSERT INTO ocpp_charge_points(id) VALUES (?) ON CONFLICT(id) DO NOTHING', [cp.id]);
    if (cp.passwordHash !== undefined)
      await this.db.run('UPDATE ocpp_charge_points SET password_hash = ? WHERE id = ?', [cp.passwordHash, cp.id]);
    if (cp.buildingId !== undefined)
      await this.db.run('UPDATE ocpp_charge_points SET building_id = ? WHERE id = ?', [cp.buildingId, cp.id]);
    if (cp.position !== undefined)
      await this.db.run('UPDATE ocpp_charge_points SET lon = ?, lat = ? WHERE id = ?', [cp.position?.lon ?? null, cp.position?.lat ?? null, cp.id]);
  }

  async removeChargePoint(id: string): Promise<boolean> {
    const n = await this.db.run('DELETE FROM ocpp_charge_points WHERE id = ?', [id]);
    await this.db.run('DELETE FROM ocpp_connectors WHERE charge_point = ?', [id]);
    return n > 0;
  }

  async noteChargePoint(id: string, ts: number, boot?: Readonly<Record<string, unknown>>): Promise<void> {
    await this.db.run(
      `INSERT INTO ocpp_charge_points(id, first_seen, last_seen) VALUES (?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET first_seen = COALESCE(first_seen, excluded.first_seen), last_seen = excluded.last_seen`,
      [id, ts, ts],
    );
    if (boot) await this.db.run('UPDATE ocpp_charge_points SET boot = ? WHERE id = ?', [JSON.stringify(boot), id]);
  }

  async saveConnectorStatus(s: ConnectorStatus): Promise<void> {
    await this.db.run(
      `INSERT INTO ocpp_connectors(charge_point, connector, status, error_code, ts) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(charge_point, connector) DO UPDATE SET status = excluded.status, error_code = excluded.error_code,
         ts = excluded.ts WHERE excluded.ts >= ocpp_connectors.ts`,
      [s.chargePoint, s.connector, s.status, s.errorCode, s.ts],
    );
  }

  async connectorStatuses(): Promise<ConnectorStatus[]> {
    return this.db.all<ConnectorStatus>(
      `SELECT charge_point AS chargePoint, connector, status, error_code AS errorCode, ts FROM ocpp_connectors
       ORDER BY charge_point, connector`,
    );
  }

  async startSession(s: NewChargingSession): Promise<number> {
    const row = await this.db.get<{ id: number }>(
      `INSERT INTO charging_sessions(charge_point, connector, id_tag_hash, start_ts, meter_start_wh, ocpp_tx)
       VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
      [s.chargePoint, s.connector, s.idTagHash, s.start, s.meterStartWh, s.ocppTransactionId ?? null],
    );
    return (row as { id: number }).id;
  }

  async stopSession(id: number, stop: { ts: number; meterStopWh: number; reason: string | null }): Promise<ChargingSession | undefined> {
    const changed = await this.db.run(
      'UPDATE charging_sessions SET stop_ts = ?, meter_stop_wh = ?, stop_reason = ? WHERE id = ? AND stop_ts IS NULL',
      [stop.ts, stop.meterStopWh, stop.reason, id],
    );
    return changed === 0 ? undefined : this.session(id);
  }

  async session(id: number): Promise<ChargingSession | undefined> {
    const row = await this.db.get<SessionRow>('SELECT * FROM charging_sessions WHERE id = ?', [id]);
    return row && toSession(row);
  }

  async sessionOfTransaction(chargePoint: string, ocppTransactionId: string): Promise<ChargingSession | undefined> {
    const row = await this.db.get<SessionRow>('SELECT * FROM charging_sessions WHERE charge_point = ? AND ocpp_tx = ?', [chargePoint, ocppTransactionId]);
    return row && toSession(row);
  }

  async sessions(from: number, to: number): Promise<ChargingSession[]> {
    const rows = await this.db.all<SessionRow>(
      'SELECT * FROM charging_sessions WHERE start_ts >= ? AND start_ts < ? ORDER BY start_ts, id',
      [from, to],
    );
    return rows.map(toSession);
  }

  async ocppSettings(): Promise<OcppSettings> {
    const row = await this.db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'ocpp_settings'");
    return row ? { ...DEFAULT_OCPP_SETTINGS, ...(JSON.parse(row.value) as Partial<OcppSettings>) } : DEFAULT_OCPP_SETTINGS;
  }

  async saveOcppSettings(settings: OcppSettings): Promise<void> {
    await this.db.run(
      "INSERT INTO meta(key, value) VALUES ('ocpp_settings', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      [JSON.stringify(settings)],
    );
  }

  async idTagSalt(): Promise<string> {
    // INSERT OR IGNORE then read: the first salt ever written stays, so hashes remain comparable across restarts
    await this.db.run("INSERT OR IGNORE INTO meta(key, value) VALUES ('ocpp_id_tag_salt', ?)", [randomBytes(16).toString('hex')]);
    const row = await this.db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'ocpp_id_tag_salt'");
    return (row as { value: string }).value;
  }
}

/** The same calls, each run through queue (the store's serial chain). */
export function queuedCharging(repo: ChargingRepo, queue: <T>(fn: () => Promise<T>) => Promise<T>): ChargingStore {
  return {
    chargePoint: (id) => queue(() => repo.chargePoint(id)),
    chargePoints: () => queue(() => repo.chargePoints()),
    saveChargePoint: (cp) => queue(() => repo.saveChargePoint(cp)),
    removeChargePoint: (id) => queue(() => repo.removeChargePoint(id)),
    noteChargePoint: (id, ts, boot) => queue(() => repo.noteChargePoint(id, ts, boot)),
    saveConnectorStatus: (s) => queue(() => repo.saveConnectorStatus(s)),
    connectorStatuses: () => queue(() => repo.connectorStatuses()),
    startSession: (s) => queue(() => repo.startSession(s)),
    stopSession: (id, stop) => queue(() => repo.stopSession(id, stop)),
    session: (id) => queue(() => repo.session(id)),
    sessionOfTransaction: (cp, tx) => queue(() => repo.sessionOfTransaction(cp, tx)),
    sessions: (from, to) => queue(() => repo.sessions(from, to)),
    ocppSettings: () => queue(() => repo.ocppSettings()),
    saveOcppSettings: (settings) => queue(() => repo.saveOcppSettings(settings)),
    idTagSalt: () => queue(() => repo.idTagSalt()),
  };
}
