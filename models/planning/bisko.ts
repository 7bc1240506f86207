/**
 * The municipal BISKO balance of one year, sector x energy carrier: final energy, t CO2e with life-cycle factors
 * (upstream chain included) and a data-quality grade per cell.
 *
 * Method: ifeu / Difu / Klima-Bündnis, "BISKO - Bilanzierungs-Systematik Kommunal. Empfehlungen zur Methodik der
 * kommunalen Treibhausgasbilanzierung für den Energie- und Verkehrssektor in Deutschland" (Hertle et al., ifeu
 * Heidelberg, 2014, updated 2019), chapter "Datengüte": each input is graded A (regional primary data, value 1),
 * B (primary data and extrapolation, 0.5), C (regional characteristic values and statistics, 0.25) or D (national
 * characteristic values, 0); a sum's grade is the final-energy-weighted mean of its inputs' values. PlusTwin
 * grades a meter covering >= 90 % of the year A, a meter with gaps extrapolated to the year B, and a typology
 * estimate D (the typology is a national characteristic value). The letter of a cell is the best grade whose
 * value the weighted mean reaches (>= 1 A, >= 0.5 B, >= 0.25 C, else D).
 * Transport is balanced by territory (vehicle kilometres), not by building: its rows are part of the layout and
 * stay empty for the user to fill in Klimaschutz-Planer.
 */
import type { Carrier } from '../energy/carriers.js';
import type { FactorSet } from '../factors/factor-set.js';
import type { BiskoSector } from './attributes.js';

export const BISKO_ROWS = ['households', 'trade-services', 'industry', 'municipal', 'transport'] as const;
export type BiskoRow = (typeof BISKO_ROWS)[number];

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_VALUE: Readonly<Record<Grade, number>> = { A: 1, B: 0.5, C: 0.25, D: 0 };

export const gradeOfValue = (v: number): Grade => (v >= 1 ? 'A' : v >= 0.5 ? 'B' : v >= 0.25 ? 'C' : 'D');

/** One building's final energy of one carrier in the balance year. */
export interface BiskoInput {
  readonly buildingId: string;
  readonly sector: BiskoSector;
  readonly carrier: Carrier;
  readonly kwh: number;
  readonly grade: Grade;
}

export interface BiskoCell {
  readonly sector: BiskoRow;
  readonly carrier: Carrier;
  readonly buildings: number;
  readonly mwh: number;
  /** g CO2e/kWh used; null when the set has no factor for the carrier (then tCo2e is null too). */
  readonly factorGPerKwh: number | null;
  readonly tCo2e: number | null;
  /** Final-energy-weighted mean of the inputs' grade values, 0..1, and its letter. */
  readonly gradeValue: number;
  readonly grade: Grade;
}

export interface BiskoBalance {
  readonly year: number;
  readonly factorSet: { readonly id: string; readonly version: string; readonly source: string };
  readonly cells: readonly BiskoCell[];
  readonly totalMwh: number;
  /** Sum of the cells that have a factor. */
  readonly totalTCo2e: number;
  /** Carriers with energy but no factor in the set: their CO2 is not in the total. */
  readonly carriersWithoutFactor: readonly Carrier[];
}

export function biskoBalance(year: number, inputs: readonly BiskoInput[], set: FactorSet): BiskoBalance {
  const byCell = new Map<string, { sector: BiskoSector; carrier: Carrier; ids: Set<string>; kwh: number; graded: number }>();
  for (const i of inputs) {
    if (!(i.kwh > 0)) continue;
    const key = `${i.sector}/${i.carrier}`;
    const c = byCell.get(key) ?? { sector: i.sector, carrier: i.carrier, ids: new Set<string>(), kwh: 0, graded: 0 };
    c.ids.add(i.buildingId);
    c.kwh += i.kwh;
    c.graded += i.kwh * GRADE_VALUE[i.grade];
    byCell.set(key, c);
  }
  const cells: BiskoCell[] = [...byCell.values()].map((c) => {
    const factor = set.factors[c.carrier]?.value ?? null;
    const gradeValue = c.graded / c.kwh;
    return {
      sector: c.sector,
      carrier: c.carrier,
      buildings: c.ids.size,
      mwh: c.kwh / 1000,
      factorGPerKwh: factor,
      // kWh x g/kWh = g; / 1e6 = t
      tCo2e: factor === null ? null : (c.kwh * factor) / 1e6,
      gradeValue,
      grade: gradeOfValue(gradeValue),
    };
  });
  cells.sort((a, b) => BISKO_ROWS.indexOf(a.sector) - BISKO_ROWS.indexOf(b.sector) || a.carrier.localeCompare(b.carrier));
  return {
    year,
    factorSet: { id: set.id, version: set.version, source: set.source },
    cells,
    totalMwh: cells.reduce((s, c) => s + c.mwh, 0),
    totalTCo2e: cells.reduce((s, c) => s + (c.tCo2e ?? 0), 0),
    carriersWithoutFactor: [...new Set(cells.filter((c) => c.factorGPerKwh === null).map((c) => c.carrier))],
  };
}
