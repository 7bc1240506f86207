/**
 * Energy tariffs of a building for one carrier, valid from one local date to another. Prices are what the building
 * pays per kWh drawn across its boundary (ct/kWh, gross as the bill states them), a fixed charge per month (EUR),
 * and what it is paid per kWh exported (feed-in, ct/kWh). A dynamic tariff adds a price per quarter hour (from the
 * supplier's CSV) to its energy price, which then is the supplier's surcharge on top of the exchange price.
 */
import { CARRIERS, INTERNAL_CARRIERS, type Carrier } from '../energy/carriers.js';

/** Carriers a building buys or sells across its boundary: metered useful heat and ambient heat are nobody's bill. */
export const TARIFF_CARRIERS = CARRIERS.filter((c) => !INTERNAL_CARRIERS.includes(c)) as readonly Exclude<Carrier, 'heat' | 'ambient-heat'>[];
export type TariffCarrier = (typeof TARIFF_CARRIERS)[number];

export const TARIFF_KINDS = ['fixed', 'dynamic'] as const;
export type TariffKind = (typeof TARIFF_KINDS)[number];

/** A local calendar date "2025-01-01": validity starts and ends at local midnight in the site's time zone. */
export type LocalDate = string;

export const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of a valid local date, or null ("2025-02-30" is not one). */
export const localDateParts = (text: string): { year: number; month0: number; day: number } | null => {
  const m = LOCAL_DATE_PATTERN.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  const month0 = Number(m[2]) - 1;
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month0, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month0 && d.getUTCDate() === day ? { year, month0, day } : null;
};

/** A tariff as stored in the district file (without its quarter-hour prices, which have a table of their own). */
export interface Tariff {
  readonly id: string;
  readonly buildingId: string;
  readonly carrier: TariffCarrier;
  readonly kind: TariffKind;
  /** Free text, e.g. the supplier and product. */
  readonly name: string;
  /** First local day of validity. */
  readonly validFrom: LocalDate;
  /** First local day no longer valid (exclusive); null = open-ended. */
  readonly validTo: LocalDate | null;
  /** Energy price, ct/kWh; for a dynamic tariff the surcharge added to each quarter hour's price. */
  readonly energyCtPerKwh: number;
  /** Fixed charge (Grundpreis), EUR per local calendar month. */
  readonly fixedEurPerMonth: number;
  /** Paid per kWh exported, ct/kWh (feed-in payment for electricity; 0 when nothing is paid). */
  readonly feedInCtPerKwh: number;
  /** Dynamic tariffs: the CSV file the quarter-hour prices came from, for provenance. */
  readonly pricesFile: string | null;
}

/** One quarter hour's price of a dynamic tariff: the slot's UTC start and ct/kWh (may be negative). */
export interface QuarterHourPrice {
  readonly start: number;
  readonly ctPerKwh: number;
}

/** Bounds a price may take, ct/kWh: exchange prices have been negative and above 80 ct; 1,000 ct is a typo. */
export const PRICE_LIMIT_CT = 1000;
