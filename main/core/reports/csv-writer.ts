/**
 * Streamed CSV export of 15-minute intervals, per point or per building. Rows go out in chunks with backpressure,
 * so a year of 15-minute data for a thousand points (35 million rows) never sits in memory whole.
 * Variants: 'intl' (comma, decimal point, UTC ISO 8601 with Z) and 'de' (semicolon, decimal comma, local time with
 * its offset such as 2025-03-30T03:00:00+02:00, UTF-8 BOM so that Excel reads umlauts).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Point } from '../../../models/types.js';
import type { Store } from '../store/store.js';
import type { ProgressFn } from './assemble-report.js';
import { ReportDataError } from './quality-stats.js';
import { isoLocal, isoUtc } from '../analysis/local-time.js';
import { loadDistrictProfiles } from '../analysis/load-profiles.js';
import { qualityOfCode, type SlotQuality } from '../../../models/energy/quality.js';
import { reportText } from './messages.js';

export type CsvVariant = 'de' | 'intl';

export interface IntervalCsvOptions {
  readonly variant: CsvVariant;
  readonly from: number;
  readonly to: number;
  /**
   * 'point': one row per point and interval as stored; 'building': one row per building and interval of the
   * analysis' electricity series (its meter roles applied; a slot without a value has empty energies and 'missing').
   */
  readonly scope?: 'point' | 'building';
  /** Points to export (scope 'point'); default: every point of the selected buildings that has intervals. */
  readonly pointIds?: readonly string[];
  /** Buildings to export; default: all. */
  readonly buildingIds?: readonly string[];
  /** Local time zone of the 'de' variant; the district's by default. */
  readonly timeZone?: string;
  /** Byte order mark at the start; default true for 'de', false for 'intl'. */
  readonly bom?: boolean;
  readonly onProgress?: ProgressFn;
}

export interface CsvDialect {
  readonly sep: string;
  readonly decimal: string;
  readonly stamp: (ts: number) => string;
}

export const POINT_HEADERS: Record<CsvVariant, readonly string[]> = {
  intl: ['point_id', 'building_id', 'medium', 'role', 'start', 'end', 'energy_kwh', 'quality'],
  de: ['Messpunkt', 'Gebäude', 'Medium', 'Rolle', 'Beginn', 'Ende', 'Energie [kWh]', 'Qualität'],
};

export const BUILDING_HEADERS: Record<CsvVariant, readonly string[]> = {
  intl: ['building_id', 'start', 'end', 'consumption_kwh', 'generation_kwh', 'import_kwh', 'export_kwh', 'quality'],
  de: ['Gebäude', 'Beginn', 'Ende', 'Verbrauch [kWh]', 'Erzeugung [kWh]', 'Netzbezug [kWh]', 'Einspeisung [kWh]', 'Qualität'],
};

/** Up to six decimals (Wh/1000 precision), no exponent, no trailing zeros. */
export const csvNumber = (v: number, decimal: string): string => {
  if (!Number.isFinite(v)) return '';
  let s = Number.isInteger(v) ? String(v) : v.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  if (s === '-0') s = '0';
  return decimal === '.' ? s : s.replace('.', decimal);
};

const field = (v: string, sep: string): string =>
  v.includes(sep) || v.includes('"') || v.includes('\n') || v.includes('\r') ? `"${v.replaceAll('"', '""')}"` : v;

export const dialectOf = (variant: CsvVariant, timeZone: string): CsvDialect => {
  if (variant === 'intl') return { sep: ',', decimal: '.', stamp: isoUtc };
  // The same quarter hours repeat for every point: format each once.
  const cache = new Map<number, string>();
  return {
    sep: ';',
    decimal: ',',
    stamp: (ts) => {
      let s = cache.get(ts);
      if (s === undefined) {
        if (cache.size > 200_000) cache.clear();
        s = isoLocal(ts, timeZone);
        cache.set(ts, s);
      }
      return s;
    },
  };
};

/**
 * The German variant, headed in German, names media, roles and qualities in German too (Strom, Bezug, gemessen);
 * the international one keeps the ids its snake_case header promises to programs (electricity, import, measured).
 */
const cellNames = (variant: CsvVariant): { medium(m: Point['medium']): string; role(r: Point['role']): string; quality(q: SlotQuality): string } => {
  if (variant === 'intl') return { medium: (m) => m, role: (r) => r, quality: (q) => q };
  const t = reportText('de');
  return { medium: (m) => t(`carrier.${m}`), role: (r) => t(`role.${r}`), quality: (q) => t(`q.${q}`) };
};

const CHUNK_CHARS = 1 << 16;

/** Buffers rows and writes them out in chunks, waiting for 'drain' when the stream asks for it. */
class ChunkWriter {
  private parts: string[] = [];
  private size = 0;
  rows = 0;
  constructor(private readonly out: Writable) {}
  /** Buffers one line; true when the buffer is full and the caller should await flush(). */
  line(text: string): boolean {
    this.parts.push(text, '\n');
    this.size += text.length + 1;
    return this.size >= CHUNK_CHARS;
  }
  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}

/** Writes the CSV to out (not ended, so a caller may append); returns the number of data rows. */
export const writeIntervalCsv = async (store: Store, out: Writable, o: IntervalCsvOptions): Promise<{ rows: number }> => {
  const progress = o.onProgress ?? (() => {});
  if (!(o.to > o.from) || o.from % INTERVAL_MS !== 0 || o.to % INTERVAL_MS !== 0) {
    throw new ReportDataError(`export period [${o.from}, ${o.to}) is empty or not on the 15-minute grid`);
  }
  const district = await store.getDistrict();
  if (district === null) throw new ReportDataError(`the store ${store.path} holds no district yet`);
  const buildingIds = o.buildingIds ?? district.buildings.map((b) => b.id);
  const missing = buildingIds.filter((id) => !district.buildings.some((b) => b.id === id));
  if (missing.length > 0) throw new ReportDataError(`no building ${missing.map((m) => `'${m}'`).join(', ')} in the district`);
  const d = dialectOf(o.variant, o.timeZone ?? district.site.timezone);
  const names = cellNames(o.variant);
  const w = new ChunkWriter(out);
  if (o.bom ?? o.variant === 'de') out.write('\uFEFF');
  const scope = o.scope ?? 'point';
  if (scope === 'point') {
    let points: Point[];
    if (o.pointIds !== undefined) {
      const unknown = o.pointIds.filter((id) => !district.points.some((p) => p.id === id));
      if (unknown.length > 0) throw new ReportDataError(`no point ${unknown.map((u) => `'${u}'`).join(', ')} in the district`);
      points = o.pointIds.map((id) => district.points.find((p) => p.id === id)!);
    } else {
      points = district.points.filter((p) => buildingIds.includes(p.buildingId) && p.role !== 'info');
    }
    w.line(POINT_HEADERS[o.variant].join(d.sep));
    const byId = new Map(points.map((p) => [p.id, p]));
    // One point per store call keeps progress meaningful and the store's paging per point.
    for (const [k, p] of points.entries()) {
      progress(k / points.length, p.id);
      const pre = [field(p.id, d.sep), field(p.buildingId, d.sep), field(names.medium(p.medium), d.sep), field(names.role(p.role), d.sep)].join(d.sep);
      for await (const iv of store.intervals([p.id], o.from, o.to)) {
        if (!byId.has(iv.pointId)) continue;
        w.rows++;
        // awaiting only when a chunk is full keeps a microtask per row out of the loop
        if (w.line(`${pre}${d.sep}${d.stamp(iv.start)}${d.sep}${d.stamp(iv.start + INTERVAL_MS)}${d.sep}${csvNumber(iv.kwh, d.decimal)}${d.sep}${names.quality(iv.quality)}`)) await w.flush();
      }
    }
  } else {
    w.line(BUILDING_HEADERS[o.variant].join(d.sep));
    for (const [k, id] of buildingIds.entries()) {
      progress(k / buildingIds.length, id);
      // The analysis' own electricity series (its meter roles and completeness), one building at a time so that a
      // large district never sits in memory whole; a slot without a value is written as missing, never as 0.
      const one = { ...district, buildings: district.buildings.filter((b) => b.id === id) };
      const loaded = await loadDistrictProfiles(store, one, { from: o.from, to: o.to, step: '15min' });
      if (!loaded.ok) throw new ReportDataError(`${id}: ${loaded.error.message}`);
      const s = loaded.value.profiles[0]?.series.find((x) => x.carrier === 'electricity');
      if (s === undefined) continue;
      const b = field(id, d.sep);
      const n = (v: number) => csvNumber(v, d.decimal);
      for (let i = 0; i < s.quality.length; i++) {
        const start = s.start + i * INTERVAL_MS;
        const q = qualityOfCode(s.quality[i] as number);
        w.rows++;
        const values = q === 'missing' ? ['', '', '', ''] : [n(s.consumption[i] as number), n(s.generation[i] as number), n(s.import[i] as number), n(s.export[i] as number)];
        if (w.line([b, d.stamp(start), d.stamp(start + INTERVAL_MS), ...values, names.quality(q)].join(d.sep))) await w.flush();
      }
    }
  }
  await w.flush();
  progress(1, 'done');
  return { rows: w.rows };
};
