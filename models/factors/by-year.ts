import type { Carrier } from '../energy/carriers.js';
import type { FactorSet, YearFactor, YearlyFactors } from './factor-set.js';

export type { YearFactor, YearlyFactors };

/** The row a balance year gets: its own, else the newest earlier one, else the oldest (and whether it matched). */
export const rowForYear = (rows: readonly YearFactor[], year: number): { readonly row: YearFactor; readonly exact: boolean } | undefined => {
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const exact = sorted.find((r) => r.year === year);
  if (exact !== undefined) return { row: exact, exact: true };
  const earlier = sorted.filter((r) => r.year < year).at(-1);
  const row = earlier ?? sorted[0];
  return row === undefined ? undefined : { row, exact: false };
};

/**
 * The set as it weighs the balance year: each yearly carrier gets the row of that year, and the set's version
 * names the balance year and the factor year, so no output can hide that a year's own value is missing.
 * A set without yearly factors is returned unchanged.
 */
export const setForYear = (set: FactorSet, year: number): FactorSet => {
  if (set.yearly === undefined) return set;
  const factors = { ...set.factors };
  const used: string[] = [];
  for (const [carrier, rows] of Object.entries(set.yearly) as [Carrier, readonly YearFactor[]][]) {
    const pick = rowForYear(rows, year);
    if (pick === undefined) continue;
    const { row, exact } = pick;
    const note = exact
      ? `${row.year}: ${row.source}`
      : `Wert von ${row.year} für Bilanzjahr ${year}: für ${year} ist in PlusTwin kein zitierfähiger Wert hinterlegt (${row.source})`;
    factors[carrier] = { value: row.value, note };
    used.push(`${carrier} ${row.year}${exact ? '' : ` (kein Wert für ${year})`}`);
  }
  return { ...set, version: `${set.version}; Bilanzjahr ${year}: ${used.join(', ')}`, factors, balanceYear: year };
};

/** The balance year of a period: the UTC calendar year its middle falls in (a calendar year is itself). */
export const balanceYearOf = (period: { readonly from: number; readonly to: number }): number =>
  new Date(period.from + (period.to - period.from) / 2).getUTCFullYear();
