import { err, ok, type Result } from '../result.js';
import type { RoofSurface } from '../types.js';
import type { WeatherSeries } from '../weather/try-weather.js';
import { DEFAULT_PV_SYSTEM, pvPerKwp, type PvSystemOptions } from './pv-system.js';
import { buildSkyTable, type SkyTable } from './sky.js';

/** Essen, centre of DWD test-reference-year region 5 (Ruhr area). */
export const ESSEN = { latDeg: 51.456, lonDeg: 7.057 } as const;

export interface PvPotentialOptions {
  readonly latDeg: number;
  readonly lonDeg: number;
  readonly system: PvSystemOptions;
  /** Share of a sloped roof's area that modules can cover (edges, windows, chimneys), 0..1. */
  readonly usableShare: number;
  /** Module area per roof area on a flat roof with tilted rows (row spacing against self-shading), 0..1. */
  readonly flatUsableShare: number;
  /** Module area per kWp, m² (about 5-6 for current modules). */
  readonly m2PerKwp: number;
  /** Surfaces below this tilt count as flat and get the assumed flat-roof layout. */
  readonly flatMaxTiltDeg: number;
  readonly flatLayout: { readonly tiltDeg: number; readonly azimuthDeg: number };
  /** Surfaces with less annual plane irradiation than this are not worth covering, kWh/m²a. */
  readonly minIrradiationKwhPerM2: number;
  /** Keep the per-slot profile per building (memory: 8 bytes x slots x buildings). */
  readonly profiles: boolean;
}

export const DEFAULT_PV_POTENTIAL: PvPotentialOptions = {
  ...ESSEN,
  system: DEFAULT_PV_SYSTEM,
  usableShare: 0.7,
  flatUsableShare: 0.5,
  m2PerKwp: 5.5,
  flatMaxTiltDeg: 5,
  flatLayout: { tiltDeg: 15, azimuthDeg: 180 },
  minIrradiationKwhPerM2: 800,
  profiles: true,
};

export interface RoofPotential {
  readonly surface: RoofSurface;
  readonly layout: 'on-surface' | 'flat-roof-assumed';
  /** Plane the modules lie in. */
  readonly moduleTiltDeg: number;
  readonly moduleAzimuthDeg: number;
  /** Irradiation on the module plane, kWh/m² per year. */
  readonly irradiationKwhPerM2: number;
  readonly suitable: boolean;
  readonly moduleAreaM2: number;
  readonly kwp: number;
  readonly specificYieldKwhPerKwp: number;
  readonly annualKwh: number;
}

export interface BuildingPvPotential {
  readonly buildingId: string;
  readonly kwp: number;
  readonly annualKwh: number;
  readonly roofs: readonly RoofPotential[];
  /** AC energy per weather slot, kWh (when options.profiles). */
  readonly profileKwh: Float64Array | null;
}

export interface PvPotentialResult {
  readonly start: number;
  readonly stepMs: number;
  readonly weatherSource: string;
  readonly options: PvPotentialOptions;
  readonly buildings: readonly BuildingPvPotential[];
}

const YEAR_MS = 365 * 86_400_000;
const MAX_CACHED_PROFILES = 256;

const checkOptions = (o: PvPotentialOptions): Result<true> => {
  const share = (v: number, where: string): Result<true> | null =>
    v >= 0 && v <= 1 ? null : err('validation', `must be between 0 and 1, got ${v}`, where);
  const bad =
    share(o.usableShare, 'usableShare') ??
    share(o.flatUsableShare, 'flatUsableShare') ??
    share(o.system.systemLosses, 'system.systemLosses') ??
    share(o.system.albedo, 'system.albedo');
  if (bad !== null) return bad;
  if (!(o.m2PerKwp > 0)) return err('validation', `must be > 0, got ${o.m2PerKwp}`, 'm2PerKwp');
  if (!(Math.abs(o.latDeg) <= 90 && Math.abs(o.lonDeg) <= 180)) return err('validation', 'latitude/longitude out of range', 'latDeg');
  return ok(true);
};

const checkSurface = (s: RoofSurface, i: number): Result<true> => {
  const where = `roofs[${i}]`;
  if (typeof s.buildingId !== 'string' || s.buildingId === '') return err('validation', 'buildingId is empty', `${where}.buildingId`);
  if (!(Number.isFinite(s.areaM2) && s.areaM2 >= 0)) return err('validation', `area must be >= 0 m², got ${s.areaM2}`, `${where}.areaM2`);
  if (!(s.tiltDeg >= 0 && s.tiltDeg <= 90)) return err('validation', `tilt must be 0..90 deg, got ${s.tiltDeg}`, `${where}.tiltDeg`);
  if (!(s.azimuthDeg >= 0 && s.azimuthDeg <= 360)) return err('validation', `azimuth must be 0..360 deg, got ${s.azimuthDeg}`, `${where}.azimuthDeg`);
  return ok(true);
};

/**
 * Rooftop PV potential per roof surface and per building over a weather series (the Essen TRY by default):
 * irradiation on each module plane (transposition per options.system), suitability threshold, usable area,
 * kWp from m² per kWp, AC yield with losses, and a per-slot profile per building. The sky (sun position,
 * irradiance split) is computed once for all roofs; roofs of equal orientation share one yield computation.
 */
export const pvPotential = (
  roofs: readonly RoofSurface[],
  weather: WeatherSeries,
  options: Partial<PvPotentialOptions> = {},
  sky?: SkyTable,
): Result<PvPotentialResult> => {
  const o: PvPotentialOptions = { ...DEFAULT_PV_POTENTIAL, ...options, system: { ...DEFAULT_PV_SYSTEM, ...options.system } };
  const checked = checkOptions(o);
  if (!checked.ok) return checked;
  for (let i = 0; i < roofs.length; i++) {
    const c = checkSurface(roofs[i] as RoofSurface, i);
    if (!c.ok) return c;
  }
  const table = sky ?? buildSkyTable(weather, o.latDeg, o.lonDeg);
  const n = table.length;
  const toAnnual = YEAR_MS / (n * table.stepMs);
  // Yields by exact orientation; the per-slot arrays are kept only for the first orientations seen, so a district
  // of ten thousand differently oriented roofs does not hold ten thousand profiles at once.
  const cache = new Map<string, { perKwp: Float64Array | null; poa: number; kwhPerKwp: number }>();
  const scratch = new Float64Array(n);
  const byBuilding = new Map<string, { roofs: RoofPotential[]; profile: Float64Array | null }>();
  for (const surface of roofs) {
    const flat = surface.tiltDeg < o.flatMaxTiltDeg;
    const tilt = flat ? o.flatLayout.tiltDeg : surface.tiltDeg;
    const azimuth = flat ? o.flatLayout.azimuthDeg : surface.azimuthDeg;
    const key = `${tilt}|${azimuth}`;
    let y = cache.get(key);
    let per = y?.perKwp ?? null;
    if (y === undefined || (per === null && o.profiles)) {
      const keep = o.profiles && cache.size < MAX_CACHED_PROFILES;
      const r = pvPerKwp(table, tilt, azimuth, o.system, keep ? new Float64Array(n) : scratch);
      per = r.perKwp;
      y = { perKwp: keep ? r.perKwp : null, poa: r.poaKwhPerM2 * toAnnual, kwhPerKwp: r.kwhPerKwp * toAnnual };
      if (!cache.has(key) || keep) cache.set(key, y);
    }
    const suitable = y.poa >= o.minIrradiationKwhPerM2;
    const moduleArea = suitable ? surface.areaM2 * (flat ? o.flatUsableShare : o.usableShare) : 0;
    const kwp = moduleArea / o.m2PerKwp;
    const roof: RoofPotential = {
      surface,
      layout: flat ? 'flat-roof-assumed' : 'on-surface',
      moduleTiltDeg: tilt,
      moduleAzimuthDeg: azimuth,
      irradiationKwhPerM2: y.poa,
      suitable,
      moduleAreaM2: moduleArea,
      kwp,
      specificYieldKwhPerKwp: y.kwhPerKwp,
      annualKwh: kwp * y.kwhPerKwp,
    };
    let entry = byBuilding.get(surface.buildingId);
    if (entry === undefined) {
      entry = { roofs: [], profile: o.profiles ? new Float64Array(n) : null };
      byBuilding.set(surface.buildingId, entry);
    }
    entry.roofs.push(roof);
    if (entry.profile !== null && kwp > 0) {
      const p = entry.profile;
      const perSlot = per as Float64Array;
      for (let i = 0; i < n; i++) p[i] = (p[i] as number) + kwp * (perSlot[i] as number);
    }
  }
  const buildings = [...byBuilding].map(([buildingId, e]) => ({
    buildingId,
    kwp: e.roofs.reduce((s, r) => s + r.kwp, 0),
    annualKwh: e.roofs.reduce((s, r) => s + r.annualKwh, 0),
    roofs: e.roofs,
    profileKwh: e.profile,
  }));
  return ok({ start: table.start, stepMs: table.stepMs, weatherSource: weather.source, options: o, buildings });
};

/** Per-slot AC energy of a given system (kWp, tilt, azimuth) over the weather, kWh. */
export const pvProfileForSystem = (
  kwp: number,
  tiltDeg: number,
  azimuthDeg: number,
  sky: SkyTable,
  system: PvSystemOptions = DEFAULT_PV_SYSTEM,
): Float64Array => {
  const r = pvPerKwp(sky, tiltDeg, azimuthDeg, system);
  const out = r.perKwp;
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * kwp;
  return out;
};
