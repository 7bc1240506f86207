/**
 * A generated district for the consistency suite and the role tests: four buildings over March 2025 in
 * Europe/Berlin (31 local days less the hour of the switch to summer time on 30 March), with counters the test
 * computes itself, so that every expected value can be worked from the formulas below.
 * - schule: grid meter (import, export), PV, a boiler heat meter (gas derived, 0.9), and an electricity sub-meter
 *   that starts on 15 March (a breakdown: it must never change the building's consumption);
 * - halle: grid meter and a gas meter at the connection; one implausible import step (a 2,000 kWh jump in one
 *   quarter hour = 8,000 kW, above the 1,000 kW limit) that must count as missing, never as energy;
 * - kita: a consumption meter and PV, no grid meter: import and export follow from consumption - generation;
 * - haus: a grid meter whose readings stop on 28 March 00:00 local: 380 quarter hours missing, coverage 87.2 %.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Building, Device, Point, Reading, Site } from '../../../models/types.js';

export const SITE: Site = { id: 'gen', name: 'Generiertes Quartier', origin: { lat: 51.52, lon: 6.93 }, timezone: 'Europe/Berlin' };
/** 1 March 2025 00:00 CET and 1 April 2025 00:00 CEST. */
export const FROM = Date.UTC(2025, 1, 28, 23);
export const TO = Date.UTC(2025, 2, 31, 22);
/** 31 days x 96 less the 4 quarter hours of 30 March 02:00-03:00 that do not exist. */
export const SLOTS = (TO - FROM) / INTERVAL_MS;
export const SUB_FROM = Date.UTC(2025, 2, 14, 23);
export const HAUS_STOP = Date.UTC(2025, 2, 27, 23);
/** The slot whose halle import is implausible (10 March 12:00 UTC). */
export const SPIKE_SLOT = (Date.UTC(2025, 2, 10, 12) - FROM) / INTERVAL_MS;
export const SPIKE_KWH = 2000;

const square = (lon: number, lat: number) => [
  [lon, lat],
  [lon + 0.0004, lat],
  [lon + 0.0004, lat + 0.0003],
  [lon, lat + 0.0003],
] as [number, number][];

export const BUILDINGS: Building[] = [
  { id: 'schule', name: 'Schule Nord', use: 'school', footprint: square(6.93, 51.52), heightM: 12, roofType: 'flat' },
  { id: 'halle', name: 'Sporthalle', use: 'other', footprint: square(6.931, 51.52), heightM: 9, roofType: 'flat' },
  { id: 'kita', name: 'Kita Sonnenschein', use: 'other', footprint: square(6.932, 51.52), heightM: 6, roofType: 'gable' },
  { id: 'haus', name: 'Wohnhaus', use: 'multi-family', footprint: square(6.933, 51.52), heightM: 15, roofType: 'gable' },
];

const hourOf = (ts: number) => (ts % 86_400_000) / 3_600_000;
/** Load, kWh per quarter hour: base kW x (1 + 0.3 sin(2 pi h / 24)) x 0.25 h. */
const load = (baseKw: number) => (ts: number) => baseKw * (1 + 0.3 * Math.sin((2 * Math.PI * hourOf(ts)) / 24)) * 0.25;
/** PV, kWh per quarter hour: peak kW x max(0, sin(pi (h - 6) / 12)) x 0.25 h (UTC hours). */
const pv = (peakKw: number) => (ts: number) => peakKw * Math.max(0, Math.sin((Math.PI * (hourOf(ts) - 6)) / 12)) * 0.25;
const flat = (kw: number) => (_ts: number) => kw * 0.25;

export interface GeneratedTruth {
  /** Per building: electricity consumption, generation, import, export over the period, kWh, from the formulas. */
  readonly electricity: Record<string, { l: number; g: number; im: number; ex: number; missing: number }>;
  readonly heatKwh: number;
  readonly gasKwh: number;
}

interface Meter {
  readonly point: Point;
  /** kWh in the quarter hour starting at ts. */
  readonly kwh: (ts: number) => number;
  readonly from?: number;
  readonly until?: number;
  readonly spikeAt?: number;
}

const point = (b: string, id: string, device: string, medium: Point['medium'], role: Point['role']): Point => ({
  id: `${b}.${id}`,
  deviceId: `${b}.${device}`,
  buildingId: b,
  name: id,
  unit: 'kWh',
  medium,
  role,
  kind: 'energy-counter',
});

const meters = (): Meter[] => {
  const sLoad = load(40);
  const sPv = pv(60);
  const hLoad = load(25);
  const kLoad = load(6);
  const kPv = pv(10);
  const wLoad = load(12);
  const wPv = pv(8);
  return [
    { point: point('schule', 'imp', 'grid', 'electricity', 'import'), kwh: (t) => Math.max(0, sLoad(t) - sPv(t)) },
    { point: point('schule', 'exp', 'grid', 'electricity', 'export'), kwh: (t) => Math.max(0, sPv(t) - sLoad(t)) },
    { point: point('schule', 'pv', 'pv', 'electricity', 'generation'), kwh: sPv },
    { point: point('schule', 'heat', 'heat', 'heat', 'consumption'), kwh: (t) => 30 * (1 + 0.5 * Math.cos((2 * Math.PI * hourOf(t)) / 24)) * 0.25 },
    { point: point('schule', 'kitchen', 'sub', 'electricity', 'consumption'), kwh: flat(3), from: SUB_FROM },
    { point: point('halle', 'imp', 'grid', 'electricity', 'import'), kwh: hLoad, spikeAt: SPIKE_SLOT },
    { point: point('halle', 'exp', 'grid', 'electricity', 'export'), kwh: () => 0 },
    { point: point('halle', 'gas', 'gas', 'gas', 'import'), kwh: flat(15) },
    { point: point('kita', 'load', 'meter', 'electricity', 'consumption'), kwh: kLoad },
    { point: point('kita', 'pv', 'pv', 'electricity', 'generation'), kwh: kPv },
    { point: point('haus', 'imp', 'grid', 'electricity', 'import'), kwh: (t) => Math.max(0, wLoad(t) - wPv(t)), until: HAUS_STOP },
    { point: point('haus', 'exp', 'grid', 'electricity', 'export'), kwh: (t) => Math.max(0, wPv(t) - wLoad(t)), until: HAUS_STOP },
    { point: point('haus', 'pv', 'pv', 'electricity', 'generation'), kwh: wPv, until: HAUS_STOP },
  ];
};

/** The period's electricity and fuels from the formulas, slot by slot (the independent side of the role tests). */
export const truth = (): GeneratedTruth => {
  const e: GeneratedTruth['electricity'] = {};
  const add = (b: string, l: number, g: number) => {
    const x = (e[b] ??= { l: 0, g: 0, im: 0, ex: 0, missing: 0 });
    x.l += l;
    x.g += g;
    x.im += Math.max(0, l - g);
    x.ex += Math.max(0, g - l);
  };
  let heat = 0;
  let gas = 0;
  for (let i = 0; i < SLOTS; i++) {
    const t = FROM + i * INTERVAL_MS;
    add('schule', load(40)(t), pv(60)(t));
    if (i === SPIKE_SLOT) e['halle']!.missing++;
    else add('halle', load(25)(t), 0);
    add('kita', load(6)(t), pv(10)(t));
    if (t >= HAUS_STOP) e['haus']!.missing++;
    else add('haus', load(12)(t), pv(8)(t));
    heat += 30 * (1 + 0.5 * Math.cos((2 * Math.PI * hourOf(t)) / 24)) * 0.25;
    gas += 15 * 0.25;
  }
  return { electricity: e, heatKwh: heat, gasKwh: gas };
};

export interface GeneratedStore {
  readonly file: string;
  readonly store: SqliteStore;
  readonly points: readonly Point[];
}

/** Creates the district file and ingests counter readings every quarter hour (one before FROM, so slot 0 has a start). */
export async function createGeneratedStore(): Promise<GeneratedStore> {
  const file = join(mkdtempSync(join(tmpdir(), 'plustwin-consistency-')), 'district.sqlite');
  const store = await openStore(file, { now: () => TO + INTERVAL_MS });
  const ms = meters();
  const devices: Device[] = [...new Set(ms.map((m) => m.point.deviceId))].map((id) => ({
    id,
    name: id,
    buildingId: id.split('.')[0]!,
    protocol: 'modbus-tcp',
    url: 'modbus-tcp://127.0.0.1:1?unit=1',
    profile: 'eastron-sdm630',
    pollIntervalMs: 15_000,
  }));
  const points = ms.map((m) => m.point);
  await store.saveDistrict(SITE, BUILDINGS, devices, points);
  const counters = ms.map(() => 1000);
  let batch: Reading[] = [];
  for (let i = -1; i < SLOTS; i++) {
    // the reading at the end of slot i (i = -1: the start of slot 0)
    const ts = FROM + (i + 1) * INTERVAL_MS;
    for (const [k, m] of ms.entries()) {
      if (i >= 0) counters[k] = (counters[k] as number) + m.kwh(FROM + i * INTERVAL_MS) + (m.spikeAt === i ? SPIKE_KWH : 0);
      if (m.from !== undefined && ts < m.from) continue;
      if (m.until !== undefined && ts > m.until) continue;
      batch.push({ pointId: m.point.id, ts, value: counters[k] as number, quality: 'good' });
    }
    if (batch.length > 20_000) {
      await store.ingest(batch);
      batch = [];
    }
  }
  await store.ingest(batch);
  await store.flush();
  return { file, store, points };
}
