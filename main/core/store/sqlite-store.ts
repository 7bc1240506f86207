/**
 * The SQLite store: WAL journal, buffered batched writes, the interval engine fed in the same transaction that
 * stores raw samples, and rollups refreshed for the hours each write touched.
 *
 * Pipeline: readings fill a buffer of half a batch; when it is full it is prepared in JavaScript (raw rows, interval
 * engine, rollup hours; ingest-batch.ts) and queued, and ingest waits only for the write before it. So the main
 * thread prepares the next half while a sqlite3 worker thread writes the previous one.
 *
 * Crash safety: raw samples, interval contributions, the per-point checkpoints and the rollups of a batch commit
 * in one transaction. A crash loses at most what is not yet committed: the half being written and the half being
 * filled, together at most batchSize readings (plus the ingest call in progress) or flushIntervalMs of them; never
 * half a transaction, and nothing is counted twice after a restart because the engine resumes from the committed
 * checkpoints. stats().buffered counts exactly those readings.
 *
 * Write failures: a batch that fails for the environment's sake (disk full, read-only file, I/O error, locked by
 * another process; write-failure.ts) stays first in the queue and is retried with backoff, while ingest goes on
 * accepting readings up to maxPendingReadings (then it refuses them with StoreBackpressure, and the caller keeps
 * them). Nothing committed is touched by a failed transaction. A batch that fails for its own sake (a constraint)
 * is dropped and reported, since retrying it would block every later one. Readings are counted in the order they
 * were accepted, so committedReadings() tells a caller which of its readings are in the file.
 */
import type { BuildingBalance, DistrictView, ImplausibleInterval, PowerSample, Resolution, SeriesBucket } from '../../../models/contract/index.js';
import type { Checkpoint, MeterReplacement } from '../../../models/intervals/counter-step.js';
import type { EnginePoint } from '../../../models/intervals/interval-engine.js';
import { DEFAULT_LIMITS, type IntervalLimits } from '../../../models/intervals/limits.js';
import { qualityCode } from '../../../models/intervals/quality.js';
import { DAY_MS, HOUR_MS, INTERVAL_MS } from '../../../models/time-grid.js';
import type { Building, Device, Interval, IntervalQuality, Point, Reading, RoofSurface, Site } from '../../../models/types.js';
import { BulkInsert } from './bulk-insert.js';
import { ChargingRepo, queuedCharging } from './charging-repo.js';
import type { ChargingStore } from './charging-store.js';
import { queuedStreetLights, StreetLightRepo } from './street-light-repo.js';
import type { StreetLightStore } from './street-light-store.js';
import { queuedTariffs, TariffRepo } from './tariff-repo.js';
import type { TariffStore } from './tariff-store.js';
import { Calendar } from './calendar.js';
import { removeSecrets } from './district-file.js';
import { loadDistrict, loadSiteAndBuildings, saveDistrictRows } from './district-repo.js';
import { type BuildingImportTx, sqliteBuildingImport } from './building-import.js';
import { balanceSeries, seriesSteps, type BalanceSeriesInfo, type SeriesStep, type StepName } from './balance-series.js';
import { buildingBalances, buildingSeries } from './energy-queries.js';
import { migrate } from './migrate.js';
import { prepareBatch, type PreparedBatch } from './ingest-batch.js';
import { intervalPages } from './interval-pages.js';
import { powerSeries } from './power-query.js';
import { implausibleIntervals } from './quality-queries.js';
import { recomputePoint } from './recompute.js';
import { loadRoofs, saveRoofRows } from './roofs-repo.js';
import { Rollups } from './rollups.js';
import { SampleBatch } from './sample-insert.js';
import { SAMPLE_QUALITY_CODE } from './sample-quality.js';
import { SqliteDb } from './sqlite-db.js';
import { makePrivate } from './private-file.js';
import { openDevices, sealDevices } from './device-secrets.js';
import type { SecretCipher } from '../base/secret-cipher.js';
import { OutboxNumbering } from './outbox-numbering.js';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_FLUSH_INTERVAL_MS,
  DEFAULT_MAX_PENDING_READINGS,
  DEFAULT_RAW_RETENTION_DAYS,
  type StoreOptions,
} from './store-options.js';
import { isRetryableWrite, StoreBackpressure, StoreWriteError } from './write-failure.js';
import type { IngestStats, Store, StoreAdmin } from './store.js';

export class NotFoundError extends Error {}

export class SqliteStore implements Store, StoreAdmin {
  // (the admin calls are documented on StoreAdmin in store.ts)
  private buffer: Reading[] = [];
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private closed = false;
  private pointPk = new Map<string, number>();
  private enginePoints = new Map<number, EnginePoint>();
  /** Checkpoints as of the last batch prepared (committed or queued), and as of the last one committed. */
  private checkpoints = new Map<number, Checkpoint>();
  private committed = new Map<number, Checkpoint>();
  /** Prepared batches waiting for their write, in the order of the serial queue. */
  private queued: PreparedBatch[] = [];
  private lastWrite: Promise<void> = Promise.resolve();
  private lastRetention = 0;
  private readonly counters = { stored: 0, unknownPoint: 0, rejected: 0, late: 0, batches: 0, lost: 0 };
  /** Readings accepted by ingest() and settled (committed, or lost with a batch that failed for its own sake), in order. */
  private acceptedReadings = 0;
  private settledReadings = 0;
  /** The write that keeps failing for the environment's sake, while it does. */
  private writeFailure: { error: StoreWriteError; since: number; attempts: number } | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly intervalUpsert: BulkInsert;
  private readonly checkpointUpsert: BulkInsert;
  private readonly calendar: Calendar;
  private readonly rollups: Rollups;
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly now: () => number;
  /** Set when the store keeps an outbox (options.outbox). */
  private outbox: OutboxNumbering | null = null;

  private constructor(
    private readonly db: SqliteDb,
    private readonly options: StoreOptions,
  ) {
    this.intervalUpsert = new BulkInsert(
      db,
      'INSERT INTO intervals(series, slot, kwh, q)',
      4,
      'ON CONFLICT(series, slot) DO UPDATE SET kwh = kwh + excluded.kwh, q = MAX(q, excluded.q)',
    );
    this.checkpointUpsert = new BulkInsert(
      db,
      'INSERT INTO checkpoints(point, ts, value)',
      3,
      'ON CONFLICT(point) DO UPDATE SET ts = excluded.ts, value = excluded.value',
    );
    this.calendar = new Calendar(db);
    this.rollups = new Rollups(db, this.calendar);
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.flushIntervalMs = options.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS;
    this.now = options.now ?? Date.now;
  }

  static async open(file: string, options: StoreOptions = {}): Promise<SqliteStore> {
    makePrivate(file);
    const db = await SqliteDb.open(file);
    try {
      await db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
      await db.exec('PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;');
      const applied = await migrate(db);
      const store = new SqliteStore(db, options);
      // outside any transaction: a rolled-back one would drop them again (temp schema changes are transactional)
      await store.rollups.createTempTables();
      if (options.secrets) await store.sealPlainPasswords(options.secrets);
      // Rollups arrived with schema 2; a file from before has intervals but none. The calendar is computed here,
      // not in SQL, so the backfill runs after the migration rather than in it.
      if (applied.includes(2)) await db.transaction(() => store.rollups.rebuildAll());
      await store.loadEngineState();
      if (options.outbox) store.outbox = await OutboxNumbering.load(db);
      return store;
    } catch (e) {
      await db.close().catch(() => undefined);
      throw e;
    }
  }

  get path(): string {
    return this.db.file;
  }

  /**
   * EV charging (OCPP charge points, connector status, sessions), each call queued behind the store's writes so it
   * never lands inside a batch's transaction.
   */
  get charging(): ChargingStore {
    return queuedCharging(new ChargingRepo(this.db), (fn) => this.serial(fn));
  }

  /** The district's street-light inventory (schema 7), queued like charging. */
  get streetLights(): StreetLightStore {
    return queuedStreetLights(new StreetLightRepo(this.db), (fn) => this.serial(fn));
  }

  /** Tariffs and dynamic prices (schema 8), queued like charging. */
  get tariffs(): TariffStore {
    return queuedTariffs(new TariffRepo(this.db), (fn) => this.serial(fn));
  }

  /** The connection, for the history importer and maintenance code in this folder. */
  get sqlite(): SqliteDb {
    return this.db;
  }

  private limitsFor(pointId: string): IntervalLimits {
    return { ...DEFAULT_LIMITS, ...this.options.limits, ...this.options.pointLimits?.[pointId] };
  }

  private async loadEngineState(): Promise<void> {
    const points = await this.db.all<{ pk: number; id: string; kind: string; s0: number | null; s1: number | null }>(
      `SELECT p.pk, p.id, p.kind,
         (SELECT pk FROM series s WHERE s.point = p.pk AND s.direction = 0 AND s.active = 1) AS s0,
         (SELECT pk FROM series s WHERE s.point = p.pk AND s.direction = 1 AND s.active = 1) AS s1
       FROM points p`,
    );
    const replacements = new Map<number, MeterReplacement[]>();
    for (const r of await this.db.all<{ point: number; ts: number; o: number; n: number }>(
      'SELECT point, ts, old_final_kwh AS o, new_start_kwh AS n FROM meter_replacements ORDER BY ts',
    )) {
      const list = replacements.get(r.point) ?? [];
      list.push({ ts: r.ts, oldFinalKwh: r.o, newStartKwh: r.n });
      replacements.set(r.point, list);
    }
    this.pointPk = new Map(points.map((p) => [p.id, p.pk]));
    this.enginePoints = new Map();
    for (const p of points) {
      if (p.s0 === null && p.s1 === null) continue;
      const repl = replacements.get(p.pk);
      this.enginePoints.set(p.pk, {
        source: p.kind === 'energy-counter' ? 'counter' : 'power',
        series: [p.s0, p.s1],
        limits: this.limitsFor(p.id),
        ...(repl === undefined ? {} : { replacements: repl }),
      });
    }
    this.committed = new Map(
      (await this.db.all<{ point: number; ts: number; value: number }>('SELECT point, ts, value FROM checkpoints')).map(
        (r) => [r.point, { ts: r.ts, value: r.value }],
      ),
    );
    this.reprepareQueued();
  }

  /** Runs fn after every write queued before it, one at a time. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async saveDistrict(site: Site, buildings: readonly Building[], devices: readonly Device[], points: readonly Point[]) {
    await this.flush();
    await this.serial(async () => {
      await this.db.transaction(async () => {
        const stored = this.options.secrets ? sealDevices(devices, this.options.secrets) : devices;
        const changed = await saveDistrictRows(this.db, site, buildings, stored, points, this.now());
        if (changed.length > 0) await this.refreshSeriesRollups(changed);
      });
      await this.loadEngineState();
    });
  }

  /**
   * Buildings and roofs only: no device or point changes, so the series and the interval engine stay as they are
   * (saveDistrict re-derives them after every call, which a tile written in batches need not pay for).
   */
  async buildingImport<T>(fn: (tx: BuildingImportTx) => Promise<T>): Promise<T> {
    await this.flush();
    return this.serial(() => this.db.transaction(() => sqliteBuildingImport(this.db, () => this.now(), fn)));
  }

  /**
   * Passwords an older version stored in plain text are sealed at open, with secure_delete and a truncated WAL so
   * that the plain text does not linger in freed pages.
   */
  private async sealPlainPasswords(secrets: SecretCipher): Promise<void> {
    const rows = await this.db.all<{ id: string; doc: string }>(
      `SELECT id, doc FROM devices WHERE json_extract(doc, '$.config.identity.password') <> ''`,
    );
    const plain = rows.map((r) => JSON.parse(r.doc) as Device).filter((d) => {
      const pw = (d.config?.['identity'] as { password?: string } | undefined)?.password;
      return pw !== undefined && !secrets.isSealed(pw);
    });
    if (plain.length === 0) return;
    await this.db.exec('PRAGMA secure_delete = ON');
    await this.db.transaction(async () => {
      for (const d of sealDevices(plain, secrets)) await this.db.run('UPDATE devices SET doc = ? WHERE id = ?', [JSON.stringify(d), d.id]);
    });
    await this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    this.options.log?.(`store: ${plain.length} stored password(s) sealed with ${secrets.keyDescription}`);
  }

  /** Every rollup hour of the given series again (after a series changed role or activity). */
  private async refreshSeriesRollups(series: readonly number[]): Promise<void> {
    const pairs: number[] = [];
    for (const s of series)
      for (const r of await this.db.all<{ hour: number }>('SELECT hour FROM series_hour WHERE series = ?', [s]))
        pairs.push(s, r.hour);
    await this.rollups.refresh(pairs);
  }

  async getMeta(key: string): Promise<string | null> {
    const row = await this.serial(() => this.db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]));
    return row?.value ?? null;
  }

  async setMeta(key: string, value: string | null): Promise<void> {
    await this.serial(() =>
      value === null
        ? this.db.run('DELETE FROM meta WHERE key = ?', [key])
        : this.db.run('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]),
    );
  }

  async checkpointTimes(pointIds: readonly string[]): Promise<Map<string, number>> {
    await this.flush();
    const out = new Map<string, number>();
    for (const id of pointIds) {
      const pk = this.pointPk.get(id);
      const cp = pk === undefined ? undefined : this.committed.get(pk);
      if (cp !== undefined) out.set(id, cp.ts);
    }
    return out;
  }

  getDistrict(): Promise<DistrictView | null> {
    return this.serial(async () => {
      const view = await loadDistrict(this.db);
      const { secrets } = this.options;
      return view && secrets ? { ...view, devices: openDevices(view.devices, secrets, this.options.log) } : view;
    });
  }

  getSiteAndBuildings(ids: readonly string[]): Promise<{ site: Site; buildings: Building[] } | null> {
    return this.serial(() => loadSiteAndBuildings(this.db, ids));
  }

  async ingest(readings: readonly Reading[]): Promise<void> {
    if (this.closed) throw new Error(`store ${this.path} is closed`);
    this.throwFailure();
    const max = this.options.maxPendingReadings ?? DEFAULT_MAX_PENDING_READINGS;
    if (this.writeFailure !== null && this.pendingReadings() + readings.length > max) {
      throw new StoreBackpressure(`${this.pendingReadings()} readings wait to be written, no room for more: ${this.writeFailure.error.message}`);
    }
    for (const r of readings) this.buffer.push(r);
    this.acceptedReadings += readings.length;
    // Two stages of half a batch each: one being written, one filling. So what is not yet committed stays within
    // batchSize (plus the call in progress), as documented, while preparing overlaps with SQLite's writing.
    const half = Math.max(1, Math.floor(this.batchSize / 2));
    while (this.buffer.length >= half) {
      const previous = this.lastWrite;
      this.handOff(this.buffer.splice(0, half));
      await previous;
    }
    if (this.timer === null && this.buffer.length > 0)
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush().catch((e: unknown) => {
          // a write failing for the environment's sake is kept and retried; only a lost batch is reported later
          if (!(e instanceof StoreWriteError && isRetryableWrite(e.cause))) this.failure ??= e;
        });
      }, this.flushIntervalMs);
    this.throwFailure();
  }

  private throwFailure(): void {
    if (this.failure === null) return;
    const e = this.failure;
    this.failure = null;
    throw e;
  }

  /** Readings accepted and not yet committed: in the buffer and in the queued batches. */
  private pendingReadings(): number {
    return this.acceptedReadings - this.settledReadings;
  }

  /**
   * Writes every buffered reading now. While the disk is full (or the file read-only, ...) it throws that
   * StoreWriteError; the readings stay queued and are retried.
   */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.buffer.length > 0) this.handOff(this.buffer.splice(0));
    else if (this.queued.length > 0) this.lastWrite = this.commitLater();
    await this.lastWrite;
    this.throwFailure();
    if (this.queued.length > 0 && this.writeFailure !== null) throw this.writeFailure.error;
  }

  /** Prepares the batch now (against the state the writes before it will leave) and queues its write. */
  private handOff(readings: readonly Reading[]): void {
    this.queued.push(this.prepare(readings));
    this.lastWrite = this.commitLater();
  }

  private commitLater(): Promise<void> {
    return this.serial(() => this.commitQueued()).catch((e: unknown) => {
      this.failure ??= e;
    });
  }

  private prepare(readings: readonly Reading[]): PreparedBatch {
    const prepared = prepareBatch(readings, {
      pointPk: this.pointPk,
      enginePoints: this.enginePoints,
      checkpoints: this.checkpoints,
    });
    for (const [point, cp] of prepared.checkpoints) this.checkpoints.set(point, cp);
    return prepared;
  }

  /**
   * After a failed write or a change of the engine's state, the batches still queued were prepared from checkpoints
   * that are not (or no longer) what the file holds: prepare them again, in order, from the committed ones. Without
   * this, a batch after a lost one would carry energy the file never saw the start of, or count it twice.
   */
  private reprepareQueued(): void {
    this.checkpoints = new Map(this.committed);
    for (let i = 0; i < this.queued.length; i++) this.queued[i] = this.prepare((this.queued[i] as PreparedBatch).readings);
  }

  /** Commits the queued batches in order; stops at the first that fails for the environment's sake (kept, retried). */
  private async commitQueued(): Promise<void> {
    for (let batch = this.queued[0]; batch !== undefined; batch = this.queued[0]) {
      // numbered here, in the write queue, so numbers follow the order of commits; null when there is no outbox.
      // Numbering is pure: a failed write leaves the heads as they were, and the retry numbers the same again.
      const numbered = this.outbox?.number(batch.readings, this.pointPk) ?? null;
      try {
        await this.db.transaction(async () => {
          await batch.samples.write(this.db);
          if (numbered !== null) await this.outbox?.write(numbered);
          await this.intervalUpsert.run(batch.intervalRows);
          await this.checkpointUpsert.run(batch.checkpointRows);
          await this.rollups.refresh(batch.dirtyHours);
        });
      } catch (e) {
        const error = new StoreWriteError(this.path, e);
        if (isRetryableWrite(e)) return this.noteWriteFailure(error);
        this.queued.shift();
        this.settledReadings += batch.readings.length;
        this.counters.lost += batch.readings.length;
        this.reprepareQueued();
        throw error;
      }
      this.queued.shift();
      this.settledReadings += batch.readings.length;
      for (const [point, cp] of batch.checkpoints) this.committed.set(point, cp);
      if (numbered !== null) this.outbox?.committed(numbered);
      this.counters.stored += batch.samples.length;
      this.counters.unknownPoint += batch.unknownPoint;
      this.counters.rejected += batch.rejected;
      this.counters.late += batch.late;
      this.counters.batches += 1;
      if (this.writeFailure !== null) {
        const s = Math.round((Date.now() - this.writeFailure.since) / 1000);
        this.options.log?.(`store: writing again after ${s} s; ${this.pendingReadings()} readings still to write`);
        this.writeFailure = null;
      }
      if (this.now() - this.lastRetention > HOUR_MS) await this.deleteOldSamples();
    }
  }

  /** The batch stays first in line; a retry is planned with backoff (0.5 s doubling to 5 s: one attempt is cheap). */
  private noteWriteFailure(error: StoreWriteError): void {
    const attempts = (this.writeFailure?.attempts ?? 0) + 1;
    if (this.writeFailure === null || this.writeFailure.error.message !== error.message) {
      this.options.log?.(`store: ${error.message}; ${this.pendingReadings()} readings kept in memory and retried`);
    }
    this.writeFailure = { error, since: this.writeFailure?.since ?? Date.now(), attempts };
    if (this.retryTimer !== null || this.closed) return;
    const delay = Math.min(5_000, 500 * 2 ** Math.min(attempts - 1, 4));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.closed) this.lastWrite = this.commitLater();
    }, delay);
    this.retryTimer.unref();
  }

  stats(): IngestStats {
    return {
      ...this.counters,
      buffered: this.pendingReadings(),
      writeProblem: this.writeFailure === null ? null : { message: this.writeFailure.error.message, since: this.writeFailure.since, attempts: this.writeFailure.attempts },
    };
  }

  /** Readings accepted by ingest() since the store opened, and how many of them are settled, in that order. */
  readingCounts(): { accepted: number; settled: number } {
    return { accepted: this.acceptedReadings, settled: this.settledReadings };
  }

  private async deleteOldSamples(): Promise<number> {
    this.lastRetention = this.now();
    const days = this.options.rawRetentionDays ?? DEFAULT_RAW_RETENTION_DAYS;
    if (!(days > 0) || !Number.isFinite(days)) return 0;
    return this.db.run('DELETE FROM samples WHERE ts < ?', [this.now() - days * DAY_MS]);
  }

  applyRetention(): Promise<number> {
    return this.serial(() => this.deleteOldSamples());
  }

  async buildingBalances(from: number, to: number): Promise<BuildingBalance[]> {
    return this.serial(() => buildingBalances(this.db, from, to));
  }

  async buildingSeries(buildingId: string, from: number, to: number, resolution: Resolution): Promise<SeriesBucket[]> {
    const out = await this.serial(() => buildingSeries(this.db, buildingId, from, to, resolution));
    if (out === null) throw new NotFoundError(`building ${buildingId} is not in the district`);
    return out;
  }

  powerSeries(buildingId: string, from: number, to: number): Promise<PowerSample[]> {
    return this.serial(() => powerSeries(this.db, buildingId, from, to));
  }

  intervals(pointIds: readonly string[], from: number, to: number): AsyncIterable<Interval> {
    return intervalPages(this.db, pointIds, from, to, (fn) => this.serial(fn));
  }

  balanceSeries(): Promise<BalanceSeriesInfo[]> {
    return this.serial(() => balanceSeries(this.db));
  }

  seriesSteps(keys: readonly number[], from: number, to: number, step: StepName): AsyncIterable<SeriesStep> {
    return seriesSteps(this.db, keys, from, to, step, (fn) => this.serial(fn));
  }

  saveRoofs(buildingIds: readonly string[], roofs: readonly RoofSurface[]): Promise<void> {
    return this.serial(() => this.db.transaction(() => saveRoofRows(this.db, buildingIds, roofs)));
  }

  getRoofs(buildingId?: string): Promise<RoofSurface[]> {
    return this.serial(() => loadRoofs(this.db, buildingId));
  }

  implausibleIntervals(from: number, to: number, perPoint: number): Promise<ImplausibleInterval[]> {
    return this.serial(() => implausibleIntervals(this.db, from, to, perPoint, (id) => this.limitsFor(id).maxPowerKw));
  }

  /**
   * Records a meter swap (old meter's final and new meter's first reading, kWh) and recomputes the point's
   * intervals from the swap on, so the step across it is old final - last + first - new start, 'meter-replaced'.
   */
  async replaceMeter(pointId: string, replacement: MeterReplacement): Promise<void> {
    for (const [field, v] of Object.entries(replacement))
      if (!Number.isFinite(v)) throw new RangeError(`meter replacement of ${pointId}: ${field} is not a number`);
    await this.flush();
    await this.serial(async () => {
      const pk = this.pointPk.get(pointId);
      const spec = pk === undefined ? undefined : this.enginePoints.get(pk);
      if (pk === undefined || spec?.source !== 'counter')
        throw new NotFoundError(`point ${pointId} is not an energy counter of this district`);
      const replacements = [...(spec.replacements ?? []), replacement].sort((a, b) => a.ts - b.ts);
      const updated: EnginePoint = { ...spec, replacements };
      const cp = await this.db.transaction(async () => {
        await this.db.run(
          `INSERT INTO meter_replacements(point, ts, old_final_kwh, new_start_kwh) VALUES (?, ?, ?, ?)
           ON CONFLICT(point, ts) DO UPDATE SET old_final_kwh = excluded.old_final_kwh, new_start_kwh = excluded.new_start_kwh`,
          [pk, replacement.ts, replacement.oldFinalKwh, replacement.newStartKwh],
        );
        return recomputePoint(this.db, this.rollups, this.intervalUpsert, pk, updated, replacement.ts);
      });
      this.enginePoints.set(pk, updated);
      if (cp !== null) this.committed.set(pk, cp);
      this.reprepareQueued();
    });
  }

  /** Online copy of the whole file (SQLite backup API), while ingest goes on. */
  async backup(dest: string): Promise<void> {
    await this.flush();
    await this.db.backupTo(dest, 256, (fn) => this.serial(fn));
  }

  /**
   * Writes history for one point in one transaction: its 15-minute intervals over the slots from the first to the
   * last given are replaced (so importing a file twice does not count it twice), raw samples are added, and the
   * rollups of every hour touched are rebuilt. Either all of it is stored or nothing.
   */
  async replaceHistory(
    pointId: string,
    intervals: readonly { start: number; kwh: number; quality: IntervalQuality }[],
    samples: readonly Reading[] = [],
  ): Promise<number> {
    await this.flush();
    return this.serial(async () => {
      const pk = this.pointPk.get(pointId);
      const series = pk === undefined ? undefined : this.enginePoints.get(pk)?.series[0];
      if (pk === undefined || series == null)
        throw new NotFoundError(`point ${pointId} has no energy series in this district`);
      if (intervals.length === 0) return 0;
      let lo = Infinity;
      let hi = -Infinity;
      for (const i of intervals) {
        if (!Number.isFinite(i.kwh) || i.start % INTERVAL_MS !== 0)
          throw new RangeError(`history for ${pointId}: interval at ${i.start} is not a finite energy on the 15-minute grid`);
        lo = Math.min(lo, i.start / INTERVAL_MS);
        hi = Math.max(hi, i.start / INTERVAL_MS);
      }
      return this.db.transaction(async () => {
        const pairs: number[] = [];
        for (const r of await this.db.all<{ hour: number }>(
          'SELECT DISTINCT (slot / 4) * 3600000 AS hour FROM intervals WHERE series = ? AND slot >= ? AND slot <= ?',
          [series, lo, hi],
        ))
          pairs.push(series, r.hour);
        await this.db.run('DELETE FROM intervals WHERE series = ? AND slot >= ? AND slot <= ?', [series, lo, hi]);
        const rows: number[] = [];
        for (const i of intervals) {
          rows.push(series, i.start / INTERVAL_MS, i.kwh, qualityCode(i.quality));
          pairs.push(series, Math.floor(i.start / HOUR_MS) * HOUR_MS);
        }
        await this.intervalUpsert.run(rows);
        const sampleRows = new SampleBatch();
        for (const r of samples) sampleRows.add(Math.round(r.ts), pk, r.value, SAMPLE_QUALITY_CODE[r.quality]);
        await sampleRows.write(this.db);
        await this.rollups.refresh(pairs);
        return intervals.length;
      });
    });
  }

  /** Rebuilds every rollup from the intervals (after a bulk load of intervals with SQL). */
  rebuildRollups(): Promise<void> {
    return this.serial(() => this.db.transaction(() => this.rollups.rebuildAll()));
  }

  /**
   * Exports the whole district (structure, intervals, rollups, roofs, retained raw samples) as one file to hand on,
   * without the devices' OPC UA passwords (a backup keeps them). Returns how many passwords were left out.
   */
  async exportDistrict(dest: string): Promise<number> {
    await this.backup(dest);
    return removeSecrets(dest);
  }

  async integrityCheck(): Promise<string> {
    const row = await this.serial(() => this.db.get<{ integrity_check: string }>('PRAGMA integrity_check'));
    return row?.integrity_check ?? 'no answer';
  }

  /**
   * Writes what is pending and closes the file. When that write fails for the environment's sake (disk full), the
   * file is closed all the same, with everything committed before intact, and the StoreWriteError thrown names
   * how many readings could not be written.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    let unwritten: StoreWriteError | null = null;
    try {
      await this.flush();
    } catch (e) {
      if (!(e instanceof StoreWriteError && isRetryableWrite(e.cause))) throw e;
      unwritten = new StoreWriteError(this.path, e.cause);
      unwritten.message = `${this.pendingReadings()} readings not written at close: ${e.message}`;
    }
    this.closed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    await this.serial(async () => {
      await this.intervalUpsert.close();
      await this.checkpointUpsert.close();
      await this.outbox?.close();
      await this.rollups.close();
      // optimize may itself need room on the disk; the file is consistent without it
      await this.db.exec('PRAGMA optimize').catch(() => undefined);
      await this.db.close();
    });
    if (unwritten !== null) throw unwritten;
  }
}
