/**
 * The store's public face. main/api and main/collector talk to these interfaces only. StoreReader is what the
 * analysis, reports and API read; two implementations stand behind it: the district's SQLite file (SqliteStore) and
 * the central PostgreSQL database of a fleet (central/pg-store.ts, read-only: its writes refuse with
 * ReadOnlyStoreError). The read test suite runs against both (test/integration/store/store-reads.test.ts).
 */
import type { BuildingBalance, DistrictView, ImplausibleInterval, PowerSample, Resolution, SeriesBucket } from '../../../models/contract/index.js';
import type { Building, Device, Interval, Point, Reading, RoofSurface, Site } from '../../../models/types.js';
import type { BalanceSeriesInfo, SeriesStep, StepName } from './balance-series.js';
import type { TariffStore } from './tariff-store.js';
import type { BuildingImportTx } from './building-import.js';

export type { BalanceSeriesInfo, SeriesStep, StepName };

/** What the analysis, reports and API read. */
export interface StoreReader {
  /** null when the file holds no district yet. */
  getDistrict(): Promise<DistrictView | null>;
  /** Electricity totals per building over [from, to). Reads rollups, never raw samples. */
  buildingBalances(from: number, to: number): Promise<BuildingBalance[]>;
  /** Energy buckets for one building over [from, to). */
  buildingSeries(buildingId: string, from: number, to: number, resolution: Resolution): Promise<SeriesBucket[]>;
  /** Power samples of one building (grid, generation, consumption) from raw samples over [from, to). */
  powerSeries(buildingId: string, from: number, to: number): Promise<PowerSample[]>;
  /**
   * 15-minute intervals of the given points over [from, to), ordered by point then time, streamed in pages so that
   * a year of data for a thousand points never sits in memory whole (CSV/XLSX exports).
   */
  intervals(pointIds: readonly string[], from: number, to: number): AsyncIterable<Interval>;
  /** Every active balance series (a point's import or export direction, with its role) and its first interval: what the analysis reads. */
  balanceSeries(): Promise<BalanceSeriesInfo[]>;
  /** Energy of the given series per step over [from, to), implausible intervals left out (they count as missing). */
  seriesSteps(keys: readonly number[], from: number, to: number, step: StepName): AsyncIterable<SeriesStep>;
  getRoofs(buildingId?: string): Promise<RoofSurface[]>;
  /**
   * The newest perPoint intervals flagged 'implausible' of every point over [from, to), with the point's power limit.
   * Optional so that stores without quality flags (test fakes, the central store) need not answer it.
   */
  implausibleIntervals?(from: number, to: number, perPoint: number): Promise<ImplausibleInterval[]>;
  /** A value in the file's meta table (bookkeeping such as an unfinished demo backfill), or null. Optional for fakes. */
  getMeta?(key: string): Promise<string | null>;
  /**
   * Tariffs per building and carrier (schema 8). Optional so that fakes and the central store need not keep them:
   * costs are then 'no tariff'.
   */
  readonly tariffs?: TariffStore;
  /** The file, or for a central database its address without the password. */
  readonly path: string;
  close(): Promise<void>;
}

/** The reads and the writes (a read-only store refuses the writes with ReadOnlyStoreError, read-only.ts). */
export interface Store extends StoreReader {
  /** Upsert the district's structure by id (site, buildings, devices, points); rows not named are kept. */
  saveDistrict(site: Site, buildings: readonly Building[], devices: readonly Device[], points: readonly Point[]): Promise<void>;
  /** Append raw samples; they are buffered and written in batches, and feed the 15-minute interval engine. */
  ingest(readings: readonly Reading[]): Promise<void>;
  /** Write every buffered sample and interval now. */
  flush(): Promise<void>;
  /** Replace the roof surfaces of the buildings named in roofs (from a LoD2 import or assumed layout). */
  saveRoofs(buildingIds: readonly string[], roofs: readonly RoofSurface[]): Promise<void>;
  /** Sets (or, with null, removes) a meta value, committed at once. */
  setMeta?(key: string, value: string | null): Promise<void>;
  /**
   * The site and those of the named buildings that exist, without reading the rest of the district: an import merges
   * tile by tile into a city of 100,000 buildings. Optional: without it the merge reads the whole district.
   */
  getSiteAndBuildings?(ids: readonly string[]): Promise<{ site: Site; buildings: Building[] } | null>;
  /**
   * Runs fn with a writer for one imported tile's buildings and roofs, all in one transaction: committed when fn
   * resolves, rolled back when it throws (building-import.ts). Optional: without it an import merges a whole tile
   * at once with saveDistrict and saveRoofs.
   */
  buildingImport?<T>(fn: (tx: BuildingImportTx) => Promise<T>): Promise<T>;
  /** The timestamp of each named point's last committed reading (its checkpoint); points without one are left out. */
  checkpointTimes?(pointIds: readonly string[]): Promise<Map<string, number>>;
}

/** Counters of the ingest path since the store was opened. */
export interface IngestStats {
  /** Raw samples written. */
  readonly stored: number;
  /** Readings dropped because their point is not in the district. */
  readonly unknownPoint: number;
  /** Readings dropped because value or timestamp is not a finite number. */
  readonly rejected: number;
  /** Readings stored raw but not fed to the interval engine because they were not after the point's checkpoint. */
  readonly late: number;
  readonly batches: number;
  /** Readings accepted and not yet committed. */
  readonly buffered: number;
  /** Readings dropped with a batch that failed for its own sake (a constraint), never for a full disk. */
  readonly lost: number;
  /** The write that keeps failing (disk full, read-only, locked), while it does; its readings are kept and retried. */
  readonly writeProblem: { readonly message: string; readonly since: number; readonly attempts: number } | null;
}

/** Maintenance calls of the SQLite store beyond the common Store interface. */
export interface StoreAdmin {
  stats(): IngestStats;
  /** Deletes raw samples older than the retention period; returns how many. */
  applyRetention(): Promise<number>;
  /** Online backup of the whole district file to dest. */
  backup(dest: string): Promise<void>;
  /**
   * The whole district as one file to hand on: an online backup without the OPC UA passwords; returns how many were
   * left out. Read it back with importDistrictFile (district-file.ts).
   */
  exportDistrict(dest: string): Promise<number>;
  /** 'ok' when PRAGMA integrity_check finds nothing. */
  integrityCheck(): Promise<string>;
  /**
   * Records a meter swap entered by the user (time, old meter's final reading, new meter's first reading, kWh) and
   * recomputes that point's intervals from there on (needs the raw samples around the swap, see retention).
   */
  replaceMeter(pointId: string, replacement: { ts: number; oldFinalKwh: number; newStartKwh: number }): Promise<void>;
}
