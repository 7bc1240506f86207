/**
 * 'district.pvPotential': rooftop PV potential of the district's buildings from the stored roof surfaces (LoD2
 * import), or from footprint and roof type (assumedRoofs) for buildings without any, with the Essen TRY.
 */
import type { Building, RoofSurface } from '../../../models/types.js';
import type { BuildingPvPotentialView, DistrictPvPotential } from '../../../models/contract/index.js';
import { DEFAULT_PV_POTENTIAL, pvPotential } from '../../../models/solar/pv-potential.js';
import { assumedRoofs } from '../../../models/solar/roofs.js';
import type { WeatherSeries } from '../../../models/weather/try-weather.js';
import { err, ok, type Result } from '../../../models/result.js';
import { note, noteText } from '../../../models/i18n/analysis-notes.js';
import { skyFor } from './weather.js';

/** The sun's position is told to a metre or so; more digits would only be noise in the note. */
const round3 = (v: number): number => Math.round(v * 1000) / 1000;

export interface RoofSet {
  readonly roofs: readonly RoofSurface[];
  readonly source: ReadonlyMap<string, 'imported' | 'assumed'>;
}

/** Stored surfaces where a building has any, else the assumed layout. */
export const roofsFor = (buildings: readonly Building[], stored: readonly RoofSurface[]): RoofSet => {
  const byBuilding = new Set(stored.map((r) => r.buildingId));
  const source = new Map<string, 'imported' | 'assumed'>();
  const roofs: RoofSurface[] = [];
  for (const b of buildings) {
    if (byBuilding.has(b.id)) {
      source.set(b.id, 'imported');
      roofs.push(...stored.filter((r) => r.buildingId === b.id));
    } else {
      source.set(b.id, 'assumed');
      roofs.push(...assumedRoofs(b));
    }
  }
  return { roofs, source };
};

export interface PvPotentialInput {
  readonly buildings: readonly Building[];
  readonly roofs: RoofSet;
  readonly weather: WeatherSeries;
  readonly latDeg: number;
  readonly lonDeg: number;
  /** Share of the suitable potential counted (default 1). */
  readonly share?: number | undefined;
}

export const districtPvPotential = (input: PvPotentialInput): Result<DistrictPvPotential> => {
  const share = input.share ?? 1;
  if (!(share >= 0 && share <= 1)) return err('validation', `share must be between 0 and 1, got ${share}`, 'share');
  const sky = skyFor(input.weather, input.latDeg, input.lonDeg);
  const r = pvPotential(input.roofs.roofs, input.weather, { latDeg: input.latDeg, lonDeg: input.lonDeg, profiles: false }, sky);
  if (!r.ok) return r;
  const names = new Map(input.buildings.map((b) => [b.id, b.name]));
  const buildings: BuildingPvPotentialView[] = r.value.buildings.map((b) => ({
    buildingId: b.buildingId,
    name: names.get(b.buildingId) ?? b.buildingId,
    roofSource: input.roofs.source.get(b.buildingId) ?? 'imported',
    kwp: b.kwp * share,
    annualKwh: b.annualKwh * share,
    roofs: b.roofs,
  }));
  const o = DEFAULT_PV_POTENTIAL;
  const assumed = buildings.filter((b) => b.roofSource === 'assumed').map((b) => b.buildingId);
  const notes = [
    note('note.pv.weather', { source: r.value.weatherSource, lat: round3(input.latDeg), lon: round3(input.lonDeg) }),
    note('note.pv.roofs', {
      usable: o.usableShare * 100,
      flatMaxTilt: o.flatMaxTiltDeg,
      flatTilt: o.flatLayout.tiltDeg,
      flatUsable: o.flatUsableShare * 100,
      m2PerKwp: o.m2PerKwp,
      minIrradiation: o.minIrradiationKwhPerM2,
    }),
    ...(assumed.length > 0 ? [note('note.pv.assumedRoofs', { buildings: assumed.join(', ') })] : []),
    ...(share !== 1 ? [note('note.pv.share', { share: share * 100 })] : []),
  ];
  return ok({
    weatherSource: r.value.weatherSource,
    options: r.value.options,
    latDeg: input.latDeg,
    lonDeg: input.lonDeg,
    kwp: buildings.reduce((s, b) => s + b.kwp, 0),
    annualKwh: buildings.reduce((s, b) => s + b.annualKwh, 0),
    buildings,
    assumptions: notes.map((n) => noteText('en', n)),
    notes,
  });
};
