/**
 * Heating degree days G20/15 (the German Gradtagzahl of VDI 3807 Blatt 1 and VDI 4710, also the basis of the DWD
 * Klimafaktor): the sum over all heating days (daily mean outdoor temperature below the heating limit of 15 °C) of
 * 20 °C minus the daily mean. Definition as stated by hermos.com/kontakt-service/glossar/gradtagszahl/ ("Grundlage
 * bilden eine Rauminnentemperatur von 20°C und ein Heizbedarf ab einer Außentemperatur (Tagesmittelwert) von
 * 15°C") and energieberatung-badura.de/buero/glossar/heizgradzahl-1.php (heating day: daily mean below 15 °C).
 *
 * Degree-day correction (VDI 3807 Blatt 1): the heating share of a year's heat times G20/15 of the reference
 * (long-term) climate over G20/15 of the year; hot water is not scaled.
 */
export const ROOM_C = 20;
export const HEATING_LIMIT_C = 15;

export function degreeDays(dailyMeansC: readonly number[]): number {
  let g = 0;
  for (const t of dailyMeansC) if (t < HEATING_LIMIT_C) g += ROOM_C - t;
  return g;
}

/** Daily means of a regular series whose first value starts at a local midnight (slotsPerDay values a day). */
export function dailyMeans(values: ArrayLike<number>, slotsPerDay: number): number[] {
  const out: number[] = [];
  for (let d = 0; d + slotsPerDay <= values.length; d += slotsPerDay) {
    let s = 0;
    for (let i = d; i < d + slotsPerDay; i++) s += values[i] as number;
    out.push(s / slotsPerDay);
  }
  return out;
}

/** The degree-day factor: reference over the year; the heat of a colder year than the reference shrinks. */
export const degreeDayFactor = (referenceG: number, yearG: number): number => referenceG / yearG;
