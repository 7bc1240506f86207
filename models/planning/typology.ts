/**
 * Estimated heat demand of a building from its type and age class, for buildings without a heat meter.
 *
 * Age classes: the IWU German residential building typology (TABULA DE), classes A-J as listed by the Energieatlas
 * Baden-Württemberg, "Gebäudetypologie nach IWU" (energieatlas-bw.de, Wärmebedarf Wohnen, Berechnungsmethodik):
 * A to 1859, B 1860-1918, C 1919-1948, D 1949-1957, E 1958-1968, F 1969-1978, G 1979-1983, H 1984-1994,
 * I 1995-2001, J 2002-2009; like the Energieatlas, buildings after 2009 fall in J. These are TABULA DE's
 * construction-year classes DE.01 to DE.10 (Year1_Building/Year2_Building of its rows).
 *
 * Specific demand, kWh per m² and year: the TABULA DE typology (IWU, Darmstadt; IEE projects TABULA and EPISCOPE,
 * www.episcope.eu), its generic example buildings in their original state (variant code ...Gen.ReEx.001.001):
 * single/two-family houses (EZFH) are the SFH type, multi-family houses (MFH) the MFH type. The value is the
 * energy need for heating, q_h_nd, plus that for hot water, q_w_nd (10 for SFH, 15 for MFH), both in kWh per m²
 * of the TABULA reference area A_C_Ref (the conditioned floor area, about 1.1 x the living area), from TABULA's
 * standard calculation with the national reference climate (Potsdam). Read from TABULA's calculation workbook
 * (tabula-calculator.xlsx) as extracted in the FZJ HiSim repository, hisim/inputs/housing/data_raw/
 * tabula_DE_complete.csv (commit 166b6f3, 2021; "derived from tabula-calculator.xlsx", CC BY 4.0), rows
 * DE.N.SFH.01-10.Gen.ReEx.001.001 and DE.N.MFH.01-10.Gen.ReEx.001.001, columns q_h_nd and q_w_nd.
 *
 * Each value is that of one example building, not a mean of the stock (so class D can lie above C), and a
 * calculated need, not calibrated to metered consumption: for old unrefurbished buildings metered heat is usually
 * lower. That is why an estimate is always flagged and a measured year replaces it; the source text names the
 * TABULA row, and the heat-plan export writes it into every estimated row.
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

/** A TABULA DE example building in its original state: heating need plus hot-water need, with its row named. */
function tabula(type: 'SFH' | 'MFH', cls: number, heatingNeed: number, hotWaterNeed: number): TypologyValue {
  const de = (n: number): string => String(n).replace('.', ',');
  const code = `DE.N.${type}.${String(cls).padStart(2, '0')}.Gen.ReEx.001.001`;
  return {
    // one decimal, as TABULA gives them (269.7 + 10 is not exactly 279.7 in binary)
    kwhPerM2a: Math.round((heatingNeed + hotWaterNeed) * 10) / 10,
    source: `TABULA DE (IWU, episcope.eu), Beispielgebäude ${code}, Originalzustand: Nutzwärmebedarf Heizung q_h_nd ${de(heatingNeed)} + Warmwasser q_w_nd ${de(hotWaterNeed)} kWh/(m²a) je m² Bezugsfläche, Standardklima Potsdam; berechneter Bedarf, nicht an Verbrauch kalibriert`,
  };
}

/** q_h_nd of the SFH and MFH rows DE.01 (class A) to DE.10 (class J), in class order. */
const SFH_HEATING_NEED = [282.7, 269.7, 218.5, 272.9, 265.3, 195.3, 130.6, 151.7, 98.2, 70.1] as const;
const MFH_HEATING_NEED = [284.9, 172.5, 218.5, 193.7, 140.2, 147.9, 122.6, 127.6, 80.6, 49.9] as const;

const byClass = (type: 'SFH' | 'MFH', needs: readonly number[], hotWater: number): Record<AgeClass, TypologyValue> =>
  Object.fromEntries(AGE_CLASSES.map((c, i) => [c, tabula(type, i + 1, needs[i] as number, hotWater)])) as Record<AgeClass, TypologyValue>;

export const TYPOLOGY_DEMAND: Readonly<Record<TypologyType, Record<AgeClass, TypologyValue>>> = {
  EZFH: byClass('SFH', SFH_HEATING_NEED, 10),
  MFH: byClass('MFH', MFH_HEATING_NEED, 15),
};

export function typologyDemand(use: BuildingUse, ageClass: AgeClass): TypologyValue | null {
  const type = typologyTypeOf(use);
  if (type === null) return null;
  return TYPOLOGY_DEMAND[type][ageClass];
}
