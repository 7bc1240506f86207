/**
 * One building's line of the heat-planning export (WPG section 15, Anlage 2): what is known of it and its annual
 * heat, measured where a heat meter covers whole years, else estimated from the typology, flagged either way.
 */
import type { Building } from '../types.js';
import type { BiskoSector } from './attributes.js';
import { estimatedFloorAreaM2, ringAreaM2, ringCentre } from './floor-area.js';
import { sectorFromUse } from './sector.js';
import { ageClassOf, typologyDemand, type AgeClass } from './typology.js';
import { weatherCorrectedKwh, type Klimafaktor } from './weather-correction.js';

export type HeatSource = 'measured' | 'estimated' | 'unknown';

export interface MeasuredYear {
  readonly year: number;
  readonly kwh: number;
}

export interface HeatPlanRow {
  readonly id: string;
  readonly address: string | null;
  readonly use: Building['use'];
  readonly sector: BiskoSector;
  readonly yearBuilt: number | null;
  readonly ageClass: AgeClass | null;
  readonly heatingType: string | null;
  readonly fuel: string | null;
  readonly heaterYear: number | null;
  readonly floorAreaM2: number;
  readonly floorAreaEstimated: boolean;
  /** Measured heat of up to three whole years, oldest first. */
  readonly measured: readonly MeasuredYear[];
  /**
   * The building's annual heat: mean of the measured years (each weather-corrected where its Klimafaktor is
   * given), or floor area x typology value; null if unknown.
   */
  readonly heatKwh: number | null;
  /** True when every measured year was weather-corrected. */
  readonly weatherCorrected: boolean;
  readonly heatSource: HeatSource;
  /** The typology value used for an estimate, kWh/(m²*a), and its source. */
  readonly typologyKwhPerM2a: number | null;
  readonly typologySource: string | null;
  /** Outer ring in the export's metric CRS. */
  readonly ring: readonly (readonly [number, number])[];
  readonly centre: readonly [number, number];
}

export function heatPlanRow(
  b: Building,
  ring: readonly (readonly [number, number])[],
  measured: readonly MeasuredYear[],
  klimafaktoren: readonly Klimafaktor[] = [],
): HeatPlanRow {
  const p = b.planning ?? {};
  const footprint = ringAreaM2(ring);
  const floorAreaM2 = p.floorAreaM2 ?? estimatedFloorAreaM2(footprint, b);
  const ageClass = p.yearBuilt === undefined ? null : ageClassOf(p.yearBuilt);
  const typology = ageClass === null ? null : typologyDemand(b.use, ageClass);
  const years = [...measured].sort((a, c) => a.year - c.year).slice(-3);
  const kf = (year: number) => klimafaktoren.find((k) => k.year === year)?.factor;
  const corrected = years.map((y) => {
    const f = kf(y.year);
    return f === undefined ? y.kwh : weatherCorrectedKwh(y.kwh, f);
  });
  const heatKwh = years.length > 0 ? corrected.reduce((s, k) => s + k, 0) / years.length : typology === null ? null : floorAreaM2 * typology.kwhPerM2a;
  return {
    id: b.id,
    address: b.address ?? null,
    use: b.use,
    sector: p.sector ?? sectorFromUse(b.use),
    yearBuilt: p.yearBuilt ?? null,
    ageClass,
    heatingType: p.heatingType ?? null,
    fuel: p.fuel ?? null,
    heaterYear: p.heaterYear ?? null,
    floorAreaM2,
    floorAreaEstimated: p.floorAreaM2 === undefined,
    measured: years,
    heatKwh,
    weatherCorrected: years.length > 0 && years.every((y) => kf(y.year) !== undefined),
    heatSource: years.length > 0 ? 'measured' : heatKwh === null ? 'unknown' : 'estimated',
    typologyKwhPerM2a: years.length === 0 && typology !== null ? typology.kwhPerM2a : null,
    typologySource: years.length === 0 && typology !== null ? typology.source : null,
    ring,
    centre: ringCentre(ring),
  };
}
