/**
 * The central rollups (series_hour, series_day, series_month; central-schema.ts), recomputed for the hours a batch
 * of intervals touched, like the SQLite store's (store/rollups.ts): from the level below rather than by adding
 * deltas, so a replayed or corrected interval leaves them exact, and a retry is harmless. Local days and months are
 * those of Europe/Berlin (models/intervals/local-calendar.ts), computed by PostgreSQL's own time zone rules
 * (date_trunc with a time zone, PostgreSQL 15 docs 9.9.2; local-time arithmetic through AT TIME ZONE, 9.9.4).
 */
import type { PoolClient } from 'pg';
import { LOCAL_TIMEZONE } from '../../../models/intervals/local-calendar.js';
import { IMPLAUSIBLE_CODE } from '../../../models/intervals/quality.js';
import { HOUR_MS, INTERVAL_MS } from '../../../models/time-grid.js';

/** Serialises the interval writes and rollup refreshes of all workers (pg_advisory_xact_lock). */
export const ROLLUP_LOCK = 7_245_020;

const ZONE = `'${LOCAL_TIMEZONE}'`;
/** The next local day or month after a local midnight d (DST days have 23 or 25 hours). */
const nextLocal = (d: string, unit: 'day' | 'month') => `((${d} AT TIME ZONE ${ZONE}) + interval '1 ${unit}') AT TIME ZONE ${ZONE}`;

const TOUCHED = `SELECT DISTINCT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::timestamptz[]) AS t(site, point, direction, hour)`;

const HOURS_SQL = `
  INSERT INTO series_hour(site, point, direction, hour, kwh, n_meas, n, qmax)
  SELECT t.site, t.point, t.direction, t.hour,
    SUM(CASE WHEN i.q < ${IMPLAUSIBLE_CODE} THEN i.kwh ELSE 0 END), COUNT(*) FILTER (WHERE i.q = 0), COUNT(*), MAX(i.q)
  FROM (${TOUCHED}) t JOIN intervals i ON i.site = t.site AND i.point = t.point AND i.direction = t.direction
    AND i.slot >= t.hour AND i.slot < t.hour + interval '1 hour'
  GROUP BY t.site, t.point, t.direction, t.hour
  ON CONFLICT (site, point, direction, hour) DO UPDATE SET kwh = excluded.kwh, n_meas = excluded.n_meas, n = excluded.n, qmax = excluded.qmax`;

const DAYS_SQL = `
  INSERT INTO series_day(site, point, direction, day, kwh, n_meas, n, qmax)
  SELECT d.site, d.point, d.direction, d.day, SUM(h.kwh), SUM(h.n_meas), SUM(h.n), MAX(h.qmax)
  FROM (SELECT DISTINCT site, point, direction, date_trunc('day', hour, ${ZONE}) AS day FROM (${TOUCHED}) t) d
    JOIN series_hour h ON h.site = d.site AND h.point = d.point AND h.direction = d.direction
      AND h.hour >= d.day AND h.hour < ${nextLocal('d.day', 'day')}
  GROUP BY d.site, d.point, d.direction, d.day
  ON CONFLICT (site, point, direction, day) DO UPDATE SET kwh = excluded.kwh, n_meas = excluded.n_meas, n = excluded.n, qmax = excluded.qmax`;

const MONTHS_SQL = `
  INSERT INTO series_month(site, point, direction, month, kwh, n_meas, n, qmax)
  SELECT m.site, m.point, m.direction, m.month, SUM(sd.kwh), SUM(sd.n_meas), SUM(sd.n), MAX(sd.qmax)
  FROM (SELECT DISTINCT site, point, direction, date_trunc('month', hour, ${ZONE}) AS month FROM (${TOUCHED}) t) m
    JOIN series_day sd ON sd.site = m.site AND sd.point = m.point AND sd.direction = m.direction
      AND sd.day >= m.month AND sd.day < ${nextLocal('m.month', 'month')}
  GROUP BY m.site, m.point, m.direction, m.month
  ON CONFLICT (site, point, direction, month) DO UPDATE SET kwh = excluded.kwh, n_meas = excluded.n_meas, n = excluded.n, qmax = excluded.qmax`;

export interface TouchedSlot {
  readonly site: string;
  readonly point: string;
  readonly direction: number;
  /** 15-minute slot number (UTC ms / 900,000) */
  readonly slot: number;
}

/**
 * Recomputes hours, then their days, then their months, for the slots given. Call inside the transaction that wrote
 * the intervals, after taking ROLLUP_LOCK: two workers refreshing the same hour at once would each miss the other's
 * uncommitted intervals.
 */
export async function refreshRollups(client: PoolClient, slots: Iterable<TouchedSlot>): Promise<void> {
  const seen = new Set<string>();
  const cols: [string[], string[], number[], string[]] = [[], [], [], []];
  for (const s of slots) {
    const hour = Math.floor((s.slot * INTERVAL_MS) / HOUR_MS) * HOUR_MS;
    const key = JSON.stringify([s.site, s.point, s.direction, hour]);
    if (seen.has(key)) continue;
    seen.add(key);
    cols[0].push(s.site);
    cols[1].push(s.point);
    cols[2].push(s.direction);
    cols[3].push(new Date(hour).toISOString());
  }
  if (seen.size === 0) return;
  await client.query(HOURS_SQL, cols);
  await client.query(DAYS_SQL, cols);
  await client.query(MONTHS_SQL, cols);
}
