/**
 * Implausible values as alarms: the intervals the interval engine flagged 'implausible' (a power or counter step
 * beyond the point's maximum plausible power), named by building and point, with the value and the limit. Live
 * readings beyond the limit are flagged by the engine as they are stored, so they arrive here the same way.
 */
import type { DistrictView, ImplausibleInterval } from '../../models/contract/index.js';
import type { Language } from '../../models/values.js';
import { pointLabel } from '../i18n/point-names.js';

export interface ImplausibleAlarm {
  /** pointId and interval start: stable across refreshes. */
  readonly key: string;
  readonly pointId: string;
  readonly pointName: string;
  readonly buildingId: string;
  readonly buildingName: string;
  /** Start of the 15-minute interval, UTC ms. */
  readonly start: number;
  /** The highest power sample when raw samples are kept, else the interval's average power, kW. */
  readonly valueKw: number;
  readonly valueKind: 'peak' | 'average';
  readonly limitKw: number;
}

/** Newest first (then the largest excess), at most `max`. */
export function implausibleAlarms(
  intervals: readonly ImplausibleInterval[],
  district: DistrictView | null,
  max = 20,
  lang: Language = 'en',
): ImplausibleAlarm[] {
  const points = new Map(district?.points.map((p) => [p.id, p]) ?? []);
  const nameOf = (pointId: string): string => {
    const p = points.get(pointId);
    return p ? pointLabel(lang, p, district?.devices ?? []) : pointId;
  };
  const buildings = new Map(district?.buildings.map((b) => [b.id, b]) ?? []);
  return intervals
    .map((i): ImplausibleAlarm => {
      const peak = i.peakKw !== null && Number.isFinite(i.peakKw);
      return {
        key: `${i.pointId}|${i.start}`,
        pointId: i.pointId,
        pointName: nameOf(i.pointId),
        buildingId: i.buildingId,
        buildingName: buildings.get(i.buildingId)?.name ?? i.buildingId,
        start: i.start,
        valueKw: peak ? (i.peakKw as number) : i.avgKw,
        valueKind: peak ? 'peak' : 'average',
        limitKw: i.limitKw,
      };
    })
    .sort((a, b) => b.start - a.start || b.valueKw / b.limitKw - a.valueKw / a.limitKw)
    .slice(0, Math.max(0, max));
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;

/**
 * The period searched for implausible values: the period the time bar shows (today, this month, this year, or the
 * replayed one), on whole quarter hours; live, up to the running quarter hour's end, so a spike read a moment ago is
 * included. Not a fixed 24 hours: the alarms belong to the period on screen.
 */
export function implausibleWindow(live: boolean, period: { from: number; to: number }, now: number): { from: number; to: number } {
  const end = (t: number) => Math.ceil(t / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  const from = Math.floor(period.from / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  return { from, to: Math.max(from + QUARTER_HOUR_MS, end(live ? now + 1 : period.to)) };
}
