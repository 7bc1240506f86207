/**
 * PV potential for 10,000 roof surfaces over a year at hourly steps (the Essen TRY averaged to hours), target
 * < 10 s. Roofs get distinct pseudo-random orientations so that no result is shared between them, and every
 * building keeps its hourly profile. Baseline in the same run: the naive way, which computes the solar position
 * again for every roof and hour, on 100 roofs, scaled to 10,000.
 */
import { loadavg } from 'node:os';
import { pvPotential, ESSEN } from '../../models/solar/pv-potential.js';
import { DEFAULT_PV_SYSTEM } from '../../models/solar/pv-system.js';
import { extraterrestrialNormal, sunPosition } from '../../models/solar/sun-position.js';
import type { RoofSurface } from '../../models/types.js';
import { coarsenWeather, parseTryCsv, type WeatherSeries } from '../../models/weather/try-weather.js';
import { profileText } from '../fixtures/data/fixture-files.js';
import type { BenchResult } from './bench-result.js';

const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const roofs = (count: number): RoofSurface[] => {
  const r = rng(42);
  return Array.from({ length: count }, (_, i) => ({
    buildingId: `b${Math.floor(i / 3)}`,
    areaM2: 20 + 200 * r(),
    tiltDeg: r() < 0.3 ? 0 : 5 + 55 * r(),
    azimuthDeg: 360 * r(),
  }));
};

/** Per roof and hour: solar position, Hay-Davies and the same PV model written out, with nothing shared. */
const naiveYield = (roof: RoofSurface, w: WeatherSeries): number => {
  const rad = Math.PI / 180;
  const tilt = roof.tiltDeg < 5 ? 15 : roof.tiltDeg;
  const az = roof.tiltDeg < 5 ? 180 : roof.azimuthDeg;
  const o = DEFAULT_PV_SYSTEM;
  let kwh = 0;
  for (let i = 0; i < w.tempC.length; i++) {
    const ghi = (w.beamHorizontal[i] as number) + (w.diffuseHorizontal[i] as number);
    if (ghi <= 0) continue;
    const ts = w.start + (i + 0.5) * w.stepMs;
    const sun = sunPosition(ts, ESSEN.latDeg, ESSEN.lonDeg);
    const cosT = Math.max(
      0,
      Math.cos(sun.zenithDeg * rad) * Math.cos(tilt * rad) +
        Math.sin(sun.zenithDeg * rad) * Math.sin(tilt * rad) * Math.cos((sun.azimuthDeg - az) * rad),
    );
    const low = sun.cosZenith < Math.cos(85 * rad);
    const dni = low ? 0 : (w.beamHorizontal[i] as number) / sun.cosZenith;
    const dhi = low ? ghi : (w.diffuseHorizontal[i] as number);
    const a = low ? 0 : Math.min(1, dni / extraterrestrialNormal(ts));
    const rb = a > 0 ? cosT / sun.cosZenith : 0;
    const sky = dhi * (a * rb + (1 - a) * (1 + Math.cos(tilt * rad)) / 2);
    const beam = dni * cosT;
    const ground = ghi * o.albedo * (1 - Math.cos(tilt * rad)) / 2;
    const iam = cosT <= 0 ? 0 : Math.min(1, Math.max(0, 1 - o.iamB0 * (1 / cosT - 1)));
    const g = beam + sky + ground;
    const cell = (w.tempC[i] as number) + (g * (o.noctC - 20)) / 800;
    const dc = ((beam * iam + sky + ground) / 1000) * (1 + o.tempCoeffPerK * (cell - 25));
    if (dc > 0) kwh += dc * (1 - o.systemLosses) * (w.stepMs / 3_600_000);
  }
  return kwh;
};

export async function run(): Promise<BenchResult[]> {
  const text = profileText('TRY_5_a_2015_15min.csv');
  const parsed = parseTryCsv(text, 'TRY_5_a_2015_15min.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  const hourly = coarsenWeather(parsed.value, 4);
  const all = roofs(10_000);

  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = pvPotential(all, hourly, { profiles: true, minIrradiationKwhPerM2: 0 });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  if (!r.ok) throw new Error(r.error.message);
  const totalMwh = r.value.buildings.reduce((s, b) => s + b.annualKwh, 0) / 1000;

  const sample = all.slice(0, 100);
  const t1 = performance.now();
  const naive = sample.map((roof) => naiveYield(roof, hourly));
  const naiveMs = performance.now() - t1;
  // Same model, same numbers: the fast path must agree with the written-out one.
  const fast = sample.map((roof) => r.value.buildings.find((b) => b.buildingId === roof.buildingId)?.roofs.find((x) => x.surface === roof)?.specificYieldKwhPerKwp ?? -1);
  const worst = Math.max(...naive.map((v, i) => Math.abs(v / (fast[i] as number) - 1)));
  if (!(worst < 1e-9)) throw new Error(`fast and naive yields differ by ${worst}`);

  const t2 = performance.now();
  const fine = pvPotential(all.slice(0, 1000), parsed.value, { profiles: true });
  const fineMs = performance.now() - t2;
  if (!fine.ok) throw new Error(fine.error.message);

  return [
    {
      name: 'models: PV potential, 10,000 roofs x 8,760 hours, profiles per building',
      value: ms / 1000,
      unit: 's',
      baseline: { name: 'solar position per roof and hour, 100 roofs x 100', value: (naiveMs * 100) / 1000 },
      note: `target < 10 s (CPU time ${cpuS.toFixed(1)} s); ${r.value.buildings.length} buildings, ${Math.round(totalMwh).toLocaleString('en')} MWh/a; yields equal to the naive path; load average ${loadavg()[0]?.toFixed(1)}`,
    },
    {
      name: 'models: PV potential, 1,000 roofs x 35,040 quarter hours',
      value: fineMs / 1000,
      unit: 's',
      note: '15-minute TRY, 15-minute profile per building',
    },
  ];
}
