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
