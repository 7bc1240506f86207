/**
 * The district of one site in the central database (table districts, written by the ingest workers from what the
 * site's collector publishes) and the energy series its points feed, planned as the SQLite store plans them
 * (models/intervals/series-plan.ts), so both stores give the analysis the same series with the same roles.
 */
import type { DistrictView } from '../../../../models/contract/index.js';
import { planSeries, type BalanceRole } from '../../../../models/intervals/series-plan.js';
import type { Medium } from '../../../../models/types.js';
import type { Queryable } from './pg-types.js';

export interface CentralSeries {
  /** 1, 2, ...: the key balanceSeries and seriesSteps use, stable while the district does not change. */
  readonly key: number;
  readonly pointId: string;
  readonly buildingId: string;
  readonly direction: 0 | 1;
  readonly role: BalanceRole;
  readonly medium: Medium;
}

export interface CentralDistrict {
  readonly view: DistrictView;
  readonly series: readonly CentralSeries[];
  /** When the district was received (ms): a new one re-plans the series. */
  readonly received: number;
}

export class CentralSiteError extends Error {}

/** The sites whose collectors have published their district, sorted. */
export async function centralSites(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ site: string }>('SELECT site FROM districts ORDER BY site');
  return rows.map((r) => r.site);
}

/**
 * The site to show: the one asked for, or the only one there is. Anything else is an error naming the sites there
 * are, so that a typo or a missing --site is told, not answered with an empty district.
 */
export async function chooseSite(db: Queryable, wanted: string | undefined, where: string): Promise<string> {
  let sites: string[];
  try {
    sites = await centralSites(db);
  } catch (e) {
    // 42P01 undefined_table: no ingest worker has created the schema yet
    if ((e as { code?: string }).code === '42P01') throw new CentralSiteError(`${where} holds no PlusTwin data yet (no ingest worker has written to it)`);
    throw e;
  }
  if (wanted !== undefined) {
    if (sites.includes(wanted)) return wanted;
    throw new CentralSiteError(`${where} holds no site '${wanted}' (sites: ${sites.join(', ') || 'none yet'})`);
  }
  if (sites.length === 1) return sites[0] as string;
  if (sites.length === 0) throw new CentralSiteError(`${where} holds no district yet: no collector has published its structure`);
  throw new CentralSiteError(`${where} holds ${sites.length} sites (${sites.join(', ')}): choose one with --site`);
}

export async function loadCentralDistrict(db: Queryable, site: string, known: CentralDistrict | null): Promise<CentralDistrict | null> {
  const stamp = await db.query<{ received: number }>(
    'SELECT (extract(epoch FROM received) * 1000)::float8 AS received FROM districts WHERE site = $1',
    [site],
  );
  const received = stamp.rows[0]?.received;
  if (received === undefined) return null;
  if (known !== null && known.received === received) return known;
  const { rows } = await db.query<{ doc: DistrictView }>('SELECT doc FROM districts WHERE site = $1', [site]);
  const view = rows[0]?.doc;
  if (view === undefined) return null;
  const medium = new Map(view.points.map((p) => [p.id, p.medium]));
  const building = new Map(view.points.map((p) => [p.id, p.buildingId]));
  const series = planSeries(view.points)
    .filter((s) => medium.get(s.pointId) !== 'water')
    .map((s, i) => ({
      key: i + 1,
      pointId: s.pointId,
      buildingId: building.get(s.pointId) as string,
      direction: s.direction,
      role: s.role,
      medium: medium.get(s.pointId) as Medium,
    }));
  return { view, series, received };
}
