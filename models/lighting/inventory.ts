/**
 * A street-light inventory as cities keep it: one row (CSV) or one Point feature (GeoJSON, WGS84) per light, with
 * id, position, rated power in W, whether it is an LED and its dimming schedule. The schedule is written as levels
 * with the local time each lasts until, the last one without a time lasting until dawn: "100@22:00 50@05:00 100"
 * = 100 % until 22:00, 50 % until 05:00, then 100 %. Empty = full power all night.
 *
 * CSV: a header naming the columns id, lon, lat, power_w, led, schedule (any order, ';' or ',' between fields,
 * decimal comma allowed with ';'); led is yes/no, ja/nein, true/false or 1/0.
 * GeoJSON: properties id, power_w, led, schedule.
 */
import type { DimmingSchedule, DimmingStep } from './night-energy.js';

export interface StreetLight {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  readonly powerW: number;
  readonly led: boolean;
  readonly schedule: DimmingSchedule;
}

export type InventoryParse = { readonly ok: true; readonly lights: StreetLight[] } | { readonly ok: false; readonly problems: string[] };

const TRUE = new Set(['yes', 'ja', 'true', '1', 'y', 'j']);
const FALSE = new Set(['no', 'nein', 'false', '0', 'n', '']);

/** "100@22:00 50@05:00 100" -> steps and the level after them; a string problem when it is not that. */
export function parseSchedule(text: string): DimmingSchedule | string {
  const parts = text.trim().split(/\s+/).filter((p) => p !== '');
  if (parts.length === 0) return { steps: [], thenPercent: 100 };
  const steps: DimmingStep[] = [];
  let thenPercent = 100;
  for (const [i, part] of parts.entries()) {
    const m = /^(\d{1,3}(?:[.,]\d+)?)%?(?:@([01]\d|2[0-3]):([0-5]\d))?$/.exec(part);
    if (!m) return `'${part}' is not a level like 50@05:00`;
    const percent = Number((m[1] as string).replace(',', '.'));
    if (percent > 100) return `'${part}': a level is at most 100 %`;
    if (m[2] === undefined) {
      if (i !== parts.length - 1) return `'${part}': only the last level may go without a time`;
      thenPercent = percent;
    } else steps.push({ until: `${m[2]}:${m[3] as string}`, percent });
  }
  return { steps, thenPercent };
}

function light(fields: Record<string, unknown>, where: string, problems: string[]): StreetLight | null {
  const before = problems.length;
  const num = (key: string): number => {
    const v = fields[key];
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim().replace(',', '.')) : Number.NaN;
    if (!Number.isFinite(n)) problems.push(`${where}: ${key} '${String(v ?? '')}' is not a number`);
    return n;
  };
  const id = String(fields['id'] ?? '').trim();
  if (id === '') problems.push(`${where}: id is missing`);
  const lon = num('lon');
  const lat = num('lat');
  const powerW = num('power_w');
  if (Number.isFinite(lon) && Number.isFinite(lat) && (Math.abs(lon) > 180 || Math.abs(lat) > 90))
    problems.push(`${where}: position ${lon}, ${lat} is not WGS84 longitude, latitude`);
  if (Number.isFinite(powerW) && powerW <= 0) problems.push(`${where}: power_w must be above 0`);
  const ledText = String(fields['led'] ?? '').trim().toLowerCase();
  const led = typeof fields['led'] === 'boolean' ? fields['led'] : TRUE.has(ledText) ? true : FALSE.has(ledText) ? false : null;
  if (led === null) problems.push(`${where}: led '${ledText}' is not yes or no`);
  const schedule = parseSchedule(String(fields['schedule'] ?? ''));
  if (typeof schedule === 'string') problems.push(`${where}: schedule ${schedule}`);
  return before === problems.length && id !== '' && led !== null && typeof schedule !== 'string' && [lon, lat, powerW].every(Number.isFinite)
    ? { id, lon, lat, powerW, led, schedule }
    : null;
}

const finish = (lights: (StreetLight | null)[], problems: string[]): InventoryParse => {
  const seen = new Set<string>();
  for (const l of lights) {
    if (l === null) continue;
    if (seen.has(l.id)) problems.push(`id '${l.id}' appears twice`);
    seen.add(l.id);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lights: lights as StreetLight[] };
};

export function parseInventoryCsv(text: string): InventoryParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0];
  if (header === undefined) return { ok: false, problems: ['the file is empty'] };
  const sep = header.includes(';') ? ';' : ',';
  const columns = header.split(sep).map((c) => c.trim().toLowerCase());
  const missing = ['id', 'lon', 'lat', 'power_w', 'led'].filter((c) => !columns.includes(c));
  if (missing.length > 0) return { ok: false, problems: [`line 1: the header lacks ${missing.join(', ')}`] };
  const problems: string[] = [];
  const lights = lines.slice(1).map((line, i) => {
    const cells = line.split(sep);
    return light(Object.fromEntries(columns.map((c, k) => [c, cells[k] ?? ''])), `line ${i + 2}`, problems);
  });
  return finish(lights, problems);
}

export function parseInventoryGeoJson(doc: unknown): InventoryParse {
  const features = typeof doc === 'object' && doc !== null ? (doc as { features?: unknown }).features : undefined;
  if (!Array.isArray(features)) return { ok: false, problems: ['not a GeoJSON FeatureCollection'] };
  const problems: string[] = [];
  const lights = features.map((f: unknown, i) => {
    const where = `feature ${i}`;
    const g = (f as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
    if (g?.type !== 'Point' || !Array.isArray(g.coordinates)) {
      problems.push(`${where}: a street light is a Point`);
      return null;
    }
    const props = ((f as { properties?: unknown }).properties ?? {}) as Record<string, unknown>;
    return light({ ...props, lon: g.coordinates[0], lat: g.coordinates[1] }, where, problems);
  });
  return finish(lights, problems);
}
