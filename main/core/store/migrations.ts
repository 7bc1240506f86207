/**
 * Numbered schema migrations. Each runs in its own transaction together with the bump of PRAGMA user_version, so a
 * file is always at exactly one version. Append only: a released migration is never edited.
 *
 * Compactness: samples and intervals are WITHOUT ROWID tables keyed by integers (point/series numbers, UTC ms or
 * 15-minute slot numbers), so a row is its key plus value and quality, with no second b-tree.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'district, raw samples, intervals, checkpoints',
    sql: `
      CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE sites(id TEXT PRIMARY KEY, doc TEXT NOT NULL, saved_at INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE buildings(pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL);
      CREATE TABLE devices(pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, building_id TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE TABLE points(
        pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, building_id TEXT NOT NULL,
        role TEXT NOT NULL, kind TEXT NOT NULL, medium TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE TABLE series(
        pk INTEGER PRIMARY KEY, point INTEGER NOT NULL, direction INTEGER NOT NULL, building INTEGER NOT NULL,
        role TEXT NOT NULL, source TEXT NOT NULL, electric INTEGER NOT NULL, active INTEGER NOT NULL,
        UNIQUE(point, direction));
      CREATE INDEX series_building ON series(building);
      CREATE TABLE samples(
        ts INTEGER NOT NULL, point INTEGER NOT NULL, value REAL NOT NULL, q INTEGER NOT NULL,
        PRIMARY KEY(ts, point)) WITHOUT ROWID;
      CREATE TABLE intervals(
        series INTEGER NOT NULL, slot INTEGER NOT NULL, kwh REAL NOT NULL, q INTEGER NOT NULL,
        PRIMARY KEY(series, slot)) WITHOUT ROWID;
      CREATE TABLE checkpoints(point INTEGER PRIMARY KEY, ts INTEGER NOT NULL, value REAL NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'local calendar and hourly/daily/monthly rollups per series and per building',
    sql: `
      CREATE TABLE cal_hour(hour INTEGER PRIMARY KEY, day INTEGER NOT NULL, month INTEGER NOT NULL);
      CREATE INDEX cal_hour_day ON cal_hour(day);
      CREATE TABLE cal_month(month INTEGER PRIMARY KEY, next INTEGER NOT NULL);
      CREATE TABLE series_hour(series INTEGER NOT NULL, hour INTEGER NOT NULL, kwh REAL NOT NULL,
        n_meas INTEGER NOT NULL, n INTEGER NOT NULL, qmax INTEGER NOT NULL, PRIMARY KEY(series, hour)) WITHOUT ROWID;
      CREATE TABLE series_day(series INTEGER NOT NULL, day INTEGER NOT NULL, kwh REAL NOT NULL,
        n_meas INTEGER NOT NULL, n INTEGER NOT NULL, qmax INTEGER NOT NULL, PRIMARY KEY(series, day)) WITHOUT ROWID;
      CREATE TABLE series_month(series INTEGER NOT NULL, month INTEGER NOT NULL, kwh REAL NOT NULL,
        n_meas INTEGER NOT NULL, n INTEGER NOT NULL, qmax INTEGER NOT NULL, PRIMARY KEY(series, month)) WITHOUT ROWID;
      CREATE TABLE building_hour(building INTEGER NOT NULL, hour INTEGER NOT NULL, imp REAL NOT NULL, exp REAL NOT NULL,
        gen REAL NOT NULL, con REAL NOT NULL, n_meas INTEGER NOT NULL, n INTEGER NOT NULL, qmax INTEGER NOT NULL,
        PRIMARY KEY(building, hour)) WITHOUT ROWID;
      CREATE TABLE building_day(building INTEGER NOT NULL, day INTEGER NOT NULL, imp REAL NOT NULL, exp REAL NOT NULL,
        gen REAL NOT NULL, con REAL NOT NULL, n_meas INTEGER NOT NULL, n INTEGER NOT NULL, qmax INTEGER NOT NULL,
        PRIMARY KEY(building, day)) WITHOUT ROWID;
      CREATE TABLE building_month(building INTEGER NOT NULL, month INTEGER NOT NULL, imp REAL NOT NULL,
        exp REAL NOT NULL, gen REAL NOT NULL, con REAL NOT NULL, n_meas INTEGER NOT NULL, n INTEGER NOT NULL,
        qmax INTEGER NOT NULL, PRIMARY KEY(building, month)) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'roof surfaces and meter replacements',
    sql: `
      CREATE TABLE roofs(building_id TEXT NOT NULL, seq INTEGER NOT NULL, area_m2 REAL NOT NULL,
        tilt_deg REAL NOT NULL, azimuth_deg REAL NOT NULL, PRIMARY KEY(building_id, seq)) WITHOUT ROWID;
      CREATE TABLE meter_replacements(point INTEGER NOT NULL, ts INTEGER NOT NULL, old_final_kwh REAL NOT NULL,
        new_start_kwh REAL NOT NULL, PRIMARY KEY(point, ts)) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    name: 'roof outlines as modelled (LoD2), compact JSON per roof surface',
    sql: `
      ALTER TABLE roofs ADD COLUMN outline TEXT;
    `,
  },
  {
    version: 5,
    name: 'OCPP charge points, connector status and charging sessions',
    // Passwords and id tags are stored hashed only (docs/district-assets.md). A session's id is the OCPP
    // transactionId the central system hands out, so it survives a restart of PlusTwin.
    sql: `
      CREATE TABLE ocpp_charge_points(id TEXT PRIMARY KEY, password_hash TEXT, building_id TEXT,
        boot TEXT, first_seen INTEGER, last_seen INTEGER) WITHOUT ROWID;
      CREATE TABLE ocpp_connectors(charge_point TEXT NOT NULL, connector INTEGER NOT NULL, status TEXT NOT NULL,
        error_code TEXT NOT NULL, ts INTEGER NOT NULL, PRIMARY KEY(charge_point, connector)) WITHOUT ROWID;
      CREATE TABLE charging_sessions(id INTEGER PRIMARY KEY, charge_point TEXT NOT NULL, connector INTEGER NOT NULL,
        id_tag_hash TEXT NOT NULL, start_ts INTEGER NOT NULL, meter_start_wh REAL NOT NULL, stop_ts INTEGER,
        meter_stop_wh REAL, stop_reason TEXT);
      CREATE INDEX charging_sessions_start ON charging_sessions(start_ts);
    `,
  },
  {
    version: 6,
    name: 'outbox of a collector: readings numbered per point, what the central side confirmed',
    // Filled only when the store is opened with the outbox on (plustwin collect), so the desktop app's ingest
    // writes nothing more. The value is kept here, not joined from samples, because retention may delete a raw
    // sample the central side has not confirmed yet.
    sql: `
      CREATE TABLE outbox(point INTEGER NOT NULL, seq INTEGER NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL,
        q INTEGER NOT NULL, PRIMARY KEY(point, seq)) WITHOUT ROWID;
      CREATE TABLE outbox_acks(point INTEGER PRIMARY KEY, seq INTEGER NOT NULL, slot INTEGER NOT NULL);
    `,
  },
  {
    version: 7,
    name: 'district assets: street lights, charge point positions',
    // A light's schedule is kept as the inventory writes it ("100@22:00 50@05:00 100"); meter_point names a point
    // on the lighting circuit when one is metered, and its energy then replaces the computed one.
    sql: `
      CREATE TABLE street_lights(id TEXT PRIMARY KEY, lon REAL NOT NULL, lat REAL NOT NULL, power_w REAL NOT NULL,
        led INTEGER NOT NULL, schedule TEXT NOT NULL, meter_point TEXT) WITHOUT ROWID;
      ALTER TABLE ocpp_charge_points ADD COLUMN lon REAL;
      ALTER TABLE ocpp_charge_points ADD COLUMN lat REAL;
    `,
  },
  {
    version: 8,
    name: 'tariffs per building and carrier, quarter-hour prices of dynamic tariffs',
    // The tariff itself is a JSON doc (models/tariffs/tariff.ts); a dynamic tariff's prices are keyed by the
    // 15-minute UTC slot number like the intervals, ct/kWh.
    sql: `
      CREATE TABLE tariffs(id TEXT PRIMARY KEY, building_id TEXT NOT NULL, carrier TEXT NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID;
      CREATE INDEX tariffs_building ON tariffs(building_id, carrier);
      CREATE TABLE tariff_prices(tariff TEXT NOT NULL, slot INTEGER NOT NULL, ct REAL NOT NULL,
        PRIMARY KEY(tariff, slot)) WITHOUT ROWID;
    `,
  },
  {
    version: 9,
    name: 'OCPP 2.0.1 transaction ids of charging sessions',
    // In OCPP 2.0.1 the charging station names the transaction (TransactionType.transactionId, a string of up to 36
    // characters, unique per station), not the central system; a 1.6 session keeps NULL here.
    sql: `
      ALTER TABLE charging_sessions ADD COLUMN ocpp_tx TEXT;
      CREATE UNIQUE INDEX charging_sessions_ocpp_tx ON charging_sessions(charge_point, ocpp_tx) WHERE ocpp_tx IS NOT NULL;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
