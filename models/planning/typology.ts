/**
 * Estimated heat demand of a building from its type and age class, for buildings without a heat meter.
 *
 * Age classes: the IWU German residential building typology (TABULA), classes A-J as listed by the Energieatlas
 * Baden-Württemberg, "Gebäudetypologie nach IWU" (energieatlas-bw.de, Wärmebedarf Wohnen, Berechnungsmethodik):
 * A to 1859, B 1860-1918, C 1919-1948, D 1949-1957, E 1958-1968, F 1969-1978, G 1979-1983, H 1984-1994,
 * I 1995-2001, J 2002-2009; like the Energieatlas, buildings after 2009 fall in J.
 *
 * Specific demand, kWh per m² floor area and year (space heating and hot water, as built, no later
 * refurbishment): only the values PlusTwin could cite are in TYPOLOGY_DEMAND, from the municipal heat plan of
 * Neustadt a.d. Aisch, "Bestandsanalyse - Überwiegende Gebäudetypen" (waermeplan.net/neustadt-aisch, 2024), table
 * "Spezifische Heizenergiebedarfswerte und Brauchwarmwasserbedarfswerte für Wohngebäude in kWh/m²*a", row
 * "bis 1918": single/two-family houses (EZFH) 113, multi-family houses (MFH) 98. Every other class has no cited
 * value here: its buildings get no estimate (flagged 'unknown') until the user enters the building's demand or
 * a heat meter measures it. Add a row only with its source.
 *
 * Checked for issue 21 (December 2026): these rows are NOT rows of the IWU/TABULA typology itself (IWU 2015,
 * "Deutsche Wohngebäudetypologie", Loga/Stein/Diefenbach/Born; TABULA DE). Its tables could not be read in a
 * citable copy here: the transcripts found (docplayer.org "Deutsche Gebäudetypologie", the 2011 TABULA brochure)
 * show only their opening pages, and energieatlas-bw.de gives the age classes but no kWh values. So each row is
 * marked as a secondary source (the municipal heat plan that quotes age-class values) in its source text, which
 * the heat-plan export writes into every estimated row; no IWU/TABULA value is claimed.
 */
import type { BuildingUse } from '../types.js';

export const AGE_CLASSES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'] as const;
export type AgeClass = (typeof AGE_CLASSES)[number];

/** Last construction year of classes A..I; J is open-ended. */
const LAST_YEAR: readonly number[] = [1859, 1918, 1948, 1957, 1968, 1978, 1983, 1994, 2001];

export function ageClassOf(yearBuilt: number): AgeClass {
  const i = LAST_YEAR.findIndex((last) => yearBuilt <= last);
  return AGE_CLASSES[i === -1 ? AGE_CLASSES.length - 1 : i] ?? 'J';
}

/** The typology's building types that PlusTwin's uses map to (non-residential uses have none). */
export type TypologyType = 'EZFH' | 'MFH';

export const typologyTypeOf = (use: BuildingUse): TypologyType | null =>
  use === 'single-family' ? 'EZFH' : use === 'multi-family' ? 'MFH' : null;

export interface TypologyValue {
  readonly kwhPerM2a: number;
  readonly source: string;
}

const NEUSTADT =
  'Sekundärquelle, nicht IWU/TABULA: Wärmeplan Neustadt a.d. Aisch 2024 (waermeplan.net/neustadt-aisch), Bestandsanalyse, Tabelle spezifische Heizenergie- und Warmwasserbedarfswerte, Zeile "bis 1918"';

export const TYPOLOGY_DEMAND: Readonly<Partial<Record<TypologyType, Partial<Record<AgeClass, TypologyValue>>>>> = {
  EZFH: { A: { kwhPerM2a: 113, source: NEUSTADT }, B: { kwhPerM2a: 113, source: NEUSTADT } },
  MFH: { A: { kwhPerM2a: 98, source: NEUSTADT }, B: { kwhPerM2a: 98, source: NEUSTADT } },
};

export function typologyDemand(use: BuildingUse, ageClass: AgeClass): TypologyValue | null {
  const type = typologyTypeOf(use);
  if (type === null) return null;
  return TYPOLOGY_DEMAND[type]?.[ageClass] ?? null;
}
