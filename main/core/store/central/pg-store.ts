/**
 * The central store: a fleet's PostgreSQL database (written by `plustwin ingest`, docs/deployment.md) behind the same
 * StoreReader as a district file, so the analysis, reports, API and UI read one site of it as they read a file.
 * It only reads: every connection is read-only (default_transaction_read_only), meant for the read-only role, and
 * the writes of the Store interface refuse with ReadOnlyStoreError before anything reaches the database.
 */
import type pg from 'pg';
import { loadPg } from '../../base/client-modules.js';
import type { BuildingBalance, DistrictView, ImplausibleInterval, PowerSample, Resolution, SeriesBucket } from '../../../../models/contract/index.js';
import type { Interval, RoofSurface } from '../../../../models/types.js';
import type { BalanceSeriesInfo, SeriesStep, StepName } from '../balance-series.js';
import { ReadOnlyStoreError } from '../read-only.js';
import type { Store } from '../store.js';
import { centralSites, CentralSiteError, chooseSite, loadCentralDistrict, type CentralDistrict } from './central-district.js';
import { DEFAULT_LIMITS } from '../../../../models/intervals/limits.js';
import { centralBalances, centralBuildingSeries, centralFirstStarts, centralImplausible, centralIntervals, centralPowerSeries, centralSeriesSteps } from './central-queries.js';

export interface CentralStoreOptions {
  /** The site to show; may be left out when the database holds one site only. */
  readonly site?: string;
  /** Left out and several sites: show the first (by id) rather than refuse; the UI then offers the others. */
  readonly firstOfMany?: boolean;
  readonly log?: (line: string) => void;
}

/** The connection string without its password, for messages and AppInfo. */
export const redactedUrl = (url: string): string => {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return 'postgresql://(unreadable address)';
  }
};

export class PgStore implements Store {
  private district: CentralDistrict | null = null;

  private constructor(
    private readonly pool: pg.Pool,
    private shown: string,
    readonly path: string,
  ) {}

  /** The site every read is about; selectSite changes it. */
  get site(): string {
    return this.shown;
  }

  /** The sites whose collectors have published their district, sorted by id. */
  sites(): Promise<string[]> {
    return centralSites(this.pool);
  }

  /**
   * Shows another site of the same database: later reads are about it. A site the database does not hold is an
   * error naming the ones it does, and leaves the site shown as it was.
   */
  async selectSite(site: string): Promise<void> {
    const sites = await this.sites();
    if (!sites.includes(site)) throw new CentralSiteError(`${this.path} holds no site '${site}' (sites: ${sites.join(', ') || 'none yet'})`);
    const district = await loadCentralDistrict(this.pool, site, null);
    if (district === null) throw new CentralSiteError(`${this.path}: the district of site '${site}' is gone`);
    this.shown = site;
    this.district = district;
  }

  /** Connects, checks the site (one asked for, or the only one there is) and loads its district. */
  static async open(url: string, o: CentralStoreOptions = {}): Promise<PgStore> {
    const path = redactedUrl(url);
    // belt and braces next to the read-only role: every session starts read-only (a startup option, libpq's
    // "options" parameter: PostgreSQL 15 docs 34.1.2), so no statement of this process could write
    const pg = await loadPg();
    const pool = new pg.Pool({ connectionString: url, max: 4, options: '-c default_transaction_read_only=on' });
    // an idle connection that dies (server restart) is reported here; without a listener it would end the process
    pool.on('error', (e) => o.log?.(`postgres: ${e.message}`));
    try {
      const first = o.site === undefined && o.firstOfMany === true ? (await centralSites(pool).catch(() => []))[0] : undefined;
      const site = await chooseSite(pool, o.site ?? first, path);
      const store = new PgStore(pool, site, path);
      await store.current();
      return store;
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw e;
    }
  }

  /** The district as last published (re-read when a collector published a new one). */
  private async current(): Promise<CentralDistrict> {
    this.district = await loadCentralDistrict(this.pool, this.site, this.district);
    if (this.district === null) throw new Error(`${this.path}: the district of site '${this.site}' is gone`);
    return this.district;
  }

  async getDistrict(): Promise<DistrictView | null> {
    return (await this.current()).view;
  }

  async buildingBalances(from: number, to: number): Promise<BuildingBalance[]> {
    return centralBalances(this.pool, this.site, await this.current(), from, to);
  }

  async buildingSeries(buildingId: string, from: number, to: number, resolution: Resolution): Promise<SeriesBucket[]> {
    const d = await this.current();
    if (!d.view.buildings.some((b) => b.id === buildingId)) throw new Error(`building ${buildingId} is not in the district of site '${this.site}'`);
    return centralBuildingSeries(this.pool, this.site, d, buildingId, from, to, resolution);
  }

  async powerSeries(buildingId: string, from: number, to: number): Promise<PowerSample[]> {
    return centralPowerSeries(this.pool, this.site, await this.current(), buildingId, from, to);
  }

  async *intervals(pointIds: readonly string[], from: number, to: number): AsyncIterable<Interval> {
    yield* centralIntervals(this.pool, this.site, await this.current(), pointIds, from, to);
  }

  async balanceSeries(): Promise<BalanceSeriesInfo[]> {
    const d = await this.current();
    const first = await centralFirstStarts(this.pool, this.site, d);
    return d.series.map((s) => ({ key: s.key, pointId: s.pointId, buildingId: s.buildingId, role: s.role, medium: s.medium, firstStart: first.get(s.key) ?? null }));
  }

  async *seriesSteps(keys: readonly number[], from: number, to: number, step: StepName): AsyncIterable<SeriesStep> {
    yield* centralSeriesSteps(this.pool, this.site, await this.current(), keys, from, to, step);
  }

  /** Limits are the engine's defaults: a site's own limits (store options at the edge) do not reach the central side. */
  async implausibleIntervals(from: number, to: number, perPoint: number): Promise<ImplausibleInterval[]> {
    return centralImplausible(this.pool, this.site, await this.current(), from, to, perPoint, DEFAULT_LIMITS.maxPowerKw);
  }

  /** The central database holds no roof surfaces (collectors publish no LoD2 roofs): buildings show as footprints. */
  async getRoofs(): Promise<RoofSurface[]> {
    return [];
  }

  private refuse(operation: string): Promise<never> {
    return Promise.reject(new ReadOnlyStoreError(operation, this.path));
  }

  saveDistrict(): Promise<void> {
    return this.refuse('saving the district (buildings, devices, points)');
  }

  ingest(): Promise<void> {
    return this.refuse('storing readings');
  }

  /** Nothing is ever buffered here. */
  async flush(): Promise<void> {}

  saveRoofs(): Promise<void> {
    return this.refuse('saving roofs');
  }

  setMeta(): Promise<void> {
    return this.refuse('saving bookkeeping');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Opens one site of a central database read-only. */
export const openCentralStore = (url: string, o?: CentralStoreOptions): Promise<PgStore> => PgStore.open(url, o);
