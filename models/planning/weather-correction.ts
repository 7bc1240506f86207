/**
 * Weather correction of measured heat with the Klimafaktor of the Deutscher Wetterdienst (DWD): the ratio of the
 * long-term heating degree days of the reference location (Potsdam) to those of the building's location in the
 * given year, published per postcode and year for energy performance certificates ("Klimafaktoren für
 * Energieverbrauchsausweise", dwd.de). The user enters the factor of each year with its source; PlusTwin ships none.
 * Corrected heat = (heat - hot water) x Klimafaktor + hot water: hot water does not depend on the weather, so only
 * the heating share is scaled. Without a known hot-water share the whole heat is scaled (stated where used).
 */

export interface Klimafaktor {
  readonly year: number;
  readonly factor: number;
  /** Where the value comes from, e.g. "DWD Klimafaktoren, PLZ 45127, 2024". */
  readonly source: string;
}

export function weatherCorrectedKwh(heatKwh: number, klimafaktor: number, hotWaterKwh = 0): number {
  return (heatKwh - hotWaterKwh) * klimafaktor + hotWaterKwh;
}

/** Parses "2024=1.12" (decimal point or comma); null when it is not a year and a positive factor. */
export function parseKlimafaktor(text: string, source: string): Klimafaktor | null {
  const m = /^(\d{4})=(\d+(?:[.,]\d+)?)$/.exec(text.trim());
  if (m === null) return null;
  const factor = Number((m[2] ?? '').replace(',', '.'));
  return factor > 0 && Number.isFinite(factor) ? { year: Number(m[1]), factor, source } : null;
}

/** Degree days G20/15 of a year at the site, entered by the user with their source (e.g. DWD Gradtagzahlen). */
export interface YearDegreeDays {
  readonly year: number;
  readonly g: number;
  readonly source: string;
}

/**
 * How a year's heat was weather-corrected, in order of precedence:
 * - 'klimafaktor': the DWD Klimafaktor the user entered for the year (reference: Potsdam);
 * - 'degree-days': G20/15 of the shipped Essen test reference year (DWD TRY region 5, an average year) over the
 *   year's G20/15 the user entered (VDI 3807 degree-day method, reference: the Ruhr area's average year);
 * - 'try-default': nothing entered for the year: the year is taken as the Essen TRY's average year, factor 1, so
 *   the heat is NOT corrected for the year's weather; reports label it as this default.
 */
export type WeatherBasis = 'klimafaktor' | 'degree-days' | 'try-default';

export interface WeatherInputs {
  readonly klimafaktoren: readonly Klimafaktor[];
  readonly degreeDays: readonly YearDegreeDays[];
  /** G20/15 of the Essen TRY, Kd (computed from assets/profiles); null where the TRY could not be read. */
  readonly tryDegreeDays: number | null;
}

export const NO_WEATHER_INPUTS: WeatherInputs = { klimafaktoren: [], degreeDays: [], tryDegreeDays: null };

export function yearCorrection(year: number, w: WeatherInputs): { readonly factor: number; readonly basis: WeatherBasis } {
  const kf = w.klimafaktoren.find((k) => k.year === year);
  if (kf !== undefined) return { factor: kf.factor, basis: 'klimafaktor' };
  const g = w.degreeDays.find((d) => d.year === year);
  if (g !== undefined && w.tryDegreeDays !== null) return { factor: w.tryDegreeDays / g.g, basis: 'degree-days' };
  return { factor: 1, basis: 'try-default' };
}

/** Parses "2024=3120" (degree days, Kd); null when it is not a year and a positive number. */
export function parseDegreeDays(text: string, source: string): YearDegreeDays | null {
  const k = parseKlimafaktor(text, source);
  return k === null ? null : { year: k.year, g: k.factor, source };
}
