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
import { inventoryProblemText, type InventoryProblem } from './inventory-messages.js';

export type { InventoryProblem } from './inventory-messages.js';

export interface StreetLight {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  readonly powerW: number;
  readonly led: boolean;
  readonly schedule: DimmingSchedule;
}

/** problems: English texts; issues: the same problems as codes, to show in the user's language (inventoryProblemText). */
export type InventoryParse =
  | { readonly ok: true; readonly lights: StreetLight[] }
  | { readonly ok: false; readonly problems: string[]; readonly issues: InventoryProblem[] };

type ScheduleProblem = NonNullable<InventoryProblem['schedule']>;

const TRUE = new Set(['yes', 'ja', 'true', '1', 'y', 'j']);
const FALSE = new Set(['no', 'nein', 'false', '0', 'n', '']);

/** "100@22:00 50@05:00 100" -> steps and the level after them, or what is wrong with it. */
export function readSchedule(text: string): DimmingSchedule | ScheduleProblem {
  const parts = text.trim().split(/\s+/).filter((p) => p !== '');
  if (parts.length === 0) return { steps: [], thenPercent: 100 };
  const steps: DimmingStep[] = [];
  let thenPercent = 100;
  for (const [i, part] of parts.entries()) {
    const m = /^(\d{1,3}(?:[.,]\d+)?)%?(?:@([01]\d|2[0-3]):([0-5]\d))?$/.exec(part);
    if (!m) return { code: 'schedule.notLevel', part };
    const percent = Number((m[1] as string).replace(',', '.'));
    if (percent > 100) return { code: 'schedule.over100', part };
    if (m[2] === undefined) {
      if (i !== parts.length - 1) return { code: 'schedule.lastOnly', part };
      thenPercent = percent;
    } else steps.push({ until: `${m[2]}:${m[3] as string}`, percent });
  }
  return { steps, thenPercent };
}

const isScheduleProblem = (s: DimmingSchedule | ScheduleProblem): s is ScheduleProblem => 'code' in s;

/** readSchedule with the problem as an English text (the inventory's schedule column, a scenario's argument). */
export function parseSchedule(text: string): DimmingSchedule | string {
  const s = readSchedule(text);
  return isScheduleProblem(s) ? inventoryProblemText({ code: 'schedule', params: {}, schedule: s }, 'en').replace(/^schedule /, '') : s;
}

/** The schedule back as text, as the inventory writes it ("100@22:00 50@05:00 100"; "" for full power all night). */
export const scheduleText = (s: DimmingSchedule): string =>
  s.steps.length === 0 && s.thenPercent === 100 ? '' : [...s.steps.map((x) => `${x.percent}@${x.until}`), String(s.thenPercent)].join(' ');

type At = NonNullable<InventoryProblem['at']>;

function light(fields: Record<string, unknown>, at: At, problems: InventoryProblem[]): StreetLight | null {
  const before = problems.length;
  const add = (code: InventoryProblem['code'], params: Record<string, string> = {}, schedule?: ScheduleProblem) =>
    problems.push({ at, code, params, ...(schedule ? { schedule } : {}) });
  const num = (key: string): number => {
    const v = fields[key];
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim().replace(',', '.')) : Number.NaN;
    if (!Number.isFinite(n)) add('notNumber', { field: key, value: String(v ?? '') });
    return n;
  };
  const id = String(fields['id'] ?? '').trim();
  if (id === '') add('idMissing');
  const lon = num('lon');
  const lat = num('lat');
  const powerW = num('power_w');
  if (Number.isFinite(lon) && Number.isFinite(lat) && (Math.abs(lon) > 180 || Math.abs(lat) > 90)) add('notWgs84', { lon: String(fields['lon']).trim(), lat: String(fields['lat']).trim() });
  if (Number.isFinite(powerW) && powerW <= 0) add('powerNotPositive');
  const ledText = String(fields['led'] ?? '').trim().toLowerCase();
  const led = typeof fields['led'] === 'boolean' ? fields['led'] : TRUE.has(ledText) ? true : FALSE.has(ledText) ? false : null;
  if (led === null) add('ledNotYesNo', { value: ledText });
  const schedule = readSchedule(String(fields['schedule'] ?? ''));
  if (isScheduleProblem(schedule)) add('schedule', {}, schedule);
  return before === problems.length && id !== '' && led !== null && !isScheduleProblem(schedule) && [lon, lat, powerW].every(Number.isFinite)
    ? { id, lon, lat, powerW, led, schedule }
    : null;
}

const failed = (issues: InventoryProblem[]): InventoryParse => ({ ok: false, issues, problems: issues.map((p) => inventoryProblemText(p, 'en')) });

const finish = (lights: (StreetLight | null)[], problems: InventoryProblem[], atOf: (i: number) => At): InventoryParse => {
  const seen = new Set<string>();
  for (const [i, l] of lights.entries()) {
    if (l === null) continue;
    if (seen.has(l.id)) problems.push({ at: atOf(i), code: 'duplicate', params: { id: l.id } });
    seen.add(l.id);
  }
  return problems.length > 0 ? failed(problems) : { ok: true, lights: lights as StreetLight[] };
};

export function parseInventoryCsv(text: string): InventoryParse {
  // blank lines are skipped but keep their number, so every problem names the line an editor shows
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l, i) => ({ l, n: i + 1 })).filter(({ l }) => l.trim() !== '');
  const header = lines[0];
  if (header === undefined) return failed([{ code: 'empty', params: {} }]);
  const sep = header.l.includes(';') ? ';' : ',';
  const columns = header.l.split(sep).map((c) => c.trim().toLowerCase());
  const missing = ['id', 'lon', 'lat', 'power_w', 'led'].filter((c) => !columns.includes(c));
  if (missing.length > 0) return failed([{ at: { kind: 'line', n: header.n }, code: 'headerLacks', params: { columns: missing.join(', ') } }]);
  const problems: InventoryProblem[] = [];
  const rows = lines.slice(1);
  const lights = rows.map(({ l, n }) => {
    const cells = l.split(sep);
    return light(Object.fromEntries(columns.map((c, k) => [c, cells[k] ?? ''])), { kind: 'line', n }, problems);
  });
  return finish(lights, problems, (i) => ({ kind: 'line', n: (rows[i] as { n: number }).n }));
}

export function parseInventoryGeoJson(doc: unknown): InventoryParse {
  const features = typeof doc === 'object' && doc !== null ? (doc as { features?: unknown }).features : undefined;
  if (!Array.isArray(features)) return failed([{ code: 'notCollection', params: {} }]);
  const problems: InventoryProblem[] = [];
  const lights = features.map((f: unknown, i) => {
    const at: At = { kind: 'feature', n: i };
    const g = (f as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
    if (g?.type !== 'Point' || !Array.isArray(g.coordinates)) {
      problems.push({ at, code: 'notPoint', params: {} });
      return null;
    }
    const props = ((f as { properties?: unknown }).properties ?? {}) as Record<string, unknown>;
    return light({ ...props, lon: g.coordinates[0], lat: g.coordinates[1] }, at, problems);
  });
  return finish(lights, problems, (i) => ({ kind: 'feature', n: i }));
}
