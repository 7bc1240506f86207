/**
 * District balance for 1,000 buildings over a year from hourly rollups (electricity with PV + gas per building),
 * target < 200 ms. Baseline in the same run: the naive way, the store's SeriesBucket objects summed field by
 * field with Array.reduce, on a fifth of the buildings and scaled up (a full set of 17.5 million objects would
 * measure the garbage collector, not the sum). Also: 15-minute KPIs and district sharing for 100 buildings.
 */
import type { SeriesBucket } from '../../models/contract/index.js';
import { computeDistrictBalance } from '../../models/energy/balance.js';
import { makeSeries, type BuildingProfile, type CarrierSeries } from '../../models/energy/series.js';
import { districtSharing } from '../../models/energy/sharing.js';
import { availableParallelism, loadavg } from 'node:os';
import { HOUR_MS, INTERVAL_MS } from '../../models/time-grid.js';
import type { BenchResult } from './bench-result.js';

const YEAR = { from: Date.UTC(2025, 0, 1), to: Date.UTC(2026, 0, 1) };

/** Deterministic pseudo-random numbers so that every run sums the same district. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const building = (id: number, stepMs: number): BuildingProfile => {
  const r = rng(id + 1);
  const n = (YEAR.to - YEAR.from) / stepMs;
  const h = stepMs / HOUR_MS;
  const load = new Float64Array(n);
  const pv = new Float64Array(n);
  const gas = new Float64Array(n);
  const kwp = r() < 0.5 ? 5 + 20 * r() : 0;
  for (let i = 0; i < n; i++) {
    const hourOfDay = ((i * h) % 24) + 0.5 * h;
    const day = Math.floor((i * h) / 24);
    const sun = Math.max(0, Math.sin(((hourOfDay - 6) / 12) * Math.PI)) * (0.6 + 0.4 * Math.sin(((day - 80) / 365) * 2 * Math.PI));
    load[i] = h * (0.4 + 0.8 * r());
    pv[i] = h * kwp * 0.7 * sun * r();
    gas[i] = h * Math.max(0, 2 + 2 * Math.cos((day / 365) * 2 * Math.PI)) * (0.5 + r());
  }
  const e = makeSeries({ carrier: 'electricity', start: YEAR.from, stepMs, consumption: load, generation: pv });
  const g = makeSeries({ carrier: 'gas', start: YEAR.from, stepMs, consumption: gas });
  if (!e.ok || !g.ok) throw new Error('bench data');
  return { buildingId: `b${id}`, series: [e.value, g.value] };
};

/** Daily rollup of an hourly series (what the store keeps for long periods). */
const daily = (s: CarrierSeries): CarrierSeries => {
  const n = s.consumption.length / 24;
  const roll = (col: Float64Array) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n * 24; i++) out[Math.floor(i / 24)] = (out[Math.floor(i / 24)] as number) + (col[i] as number);
    return out;
  };
  return { ...s, stepMs: 24 * HOUR_MS, consumption: roll(s.consumption), generation: roll(s.generation), import: roll(s.import), export: roll(s.export), quality: new Uint8Array(n) };
};

const toBuckets = (s: CarrierSeries): SeriesBucket[] =>
  Array.from(s.consumption, (_, i) => ({
    start: s.start + i * s.stepMs,
    consumptionKwh: s.consumption[i] as number,
    generationKwh: s.generation[i] as number,
    importKwh: s.import[i] as number,
    exportKwh: s.export[i] as number,
    quality: 'measured' as const,
  }));

/** The naive way: filter the period, then one reduce per role, as a first version would. */
const naiveTotal = (buckets: readonly SeriesBucket[][]): number =>
  buckets.reduce((sum, list) => {
    const inPeriod = list.filter((b) => b.start >= YEAR.from && b.start < YEAR.to);
    const role = (k: 'consumptionKwh' | 'generationKwh' | 'importKwh' | 'exportKwh') => inPeriod.reduce((s, b) => s + b[k], 0);
    const measured = inPeriod.filter((b) => b.quality === 'measured').length;
    return sum + role('importKwh') - role('exportKwh') + 0 * (role('consumptionKwh') + role('generationKwh') + measured);
  }, 0);

/** Best wall time of several runs, and the CPU time of that run (the machine is shared; CPU time shows what
 * the work itself costs when other processes take turns on the cores). */
let lastCpuMs = 0;
const best = (runs: number, f: () => void): number => {
  let min = Infinity;
  for (let k = 0; k < runs; k++) {
    const c = process.cpuUsage();
    const t = performance.now();
    f();
    const wall = performance.now() - t;
    if (wall < min) {
      min = wall;
      const used = process.cpuUsage(c);
      lastCpuMs = (used.user + used.system) / 1000;
    }
  }
  return min;
};

export async function run(): Promise<BenchResult[]> {
  const buildings = Array.from({ length: 1000 }, (_, i) => building(i, HOUR_MS));
  let net = 0;
  const ms = best(5, () => {
    const d = computeDistrictBalance(buildings, YEAR);
    net = d.carriers.reduce((s, c) => s + c.netImportKwh, 0);
  });
  const cpuMs = lastCpuMs;

  const days = buildings.map((b) => ({ buildingId: b.buildingId, series: b.series.map(daily) }));
  let dailyNet = 0;
  const dailyMs = best(5, () => {
    dailyNet = computeDistrictBalance(days, YEAR).carriers.reduce((s, c) => s + c.netImportKwh, 0);
  });
  const dailyCpuMs = lastCpuMs;
  if (Math.abs(dailyNet - net) > 1e-6 * Math.abs(net)) throw new Error(`daily rollups disagree: ${dailyNet} vs ${net}`);

  const sample = 200;
  const buckets = buildings.slice(0, sample).flatMap((b) => b.series.map(toBuckets));
  let naiveNet = 0;
  const naiveMs = best(3, () => {
    naiveNet = naiveTotal(buckets);
  });
  const sampleNet = computeDistrictBalance(buildings.slice(0, sample), YEAR).carriers.reduce((s, c) => s + c.netImportKwh, 0);
  if (Math.abs(naiveNet - sampleNet) > 1e-6 * Math.abs(sampleNet)) throw new Error(`baseline disagrees: ${naiveNet} vs ${sampleNet}`);

  const fine = Array.from({ length: 100 }, (_, i) => building(i, INTERVAL_MS));
  const sharingMs = best(3, () => districtSharing(fine, YEAR));
  const sharingCpuMs = lastCpuMs;

  return [
    {
      name: 'models: district balance, 1,000 buildings x 1 year, hourly rollups, 2 carriers',
      value: ms,
      unit: 'ms',
      baseline: { name: `SeriesBucket objects + reduce, ${sample} buildings x ${1000 / sample}`, value: naiveMs * (1000 / sample) },
      note: `target < 200 ms; best of 5 (CPU time ${cpuMs.toFixed(0)} ms); net import ${Math.round(net).toLocaleString('en')} kWh; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`,
    },
    {
      name: 'models: district balance, 1,000 buildings x 1 year, daily rollups, 2 carriers',
      value: dailyMs,
      unit: 'ms',
      note: `same totals as from the hourly rollups; best of 5 (CPU time ${dailyCpuMs.toFixed(1)} ms)`,
    },
    {
      name: 'models: district sharing + KPIs, 100 buildings x 1 year at 15 min',
      value: sharingMs,
      unit: 'ms',
      note: `summed profile, per-building KPIs on the common slots; best of 3 (CPU time ${sharingCpuMs.toFixed(0)} ms)`,
    },
  ];
}
