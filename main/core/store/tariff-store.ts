/**
 * What the store keeps about tariffs (schema 8): each tariff as a document, and a dynamic tariff's quarter-hour
 * prices keyed by 15-minute UTC slot. Checking a tariff (dates, overlaps, the CSV) happens before it gets here.
 */
import type { QuarterHourPrice, Tariff } from '../../../models/tariffs/tariff.js';

export interface TariffPriceSpan {
  readonly count: number;
  readonly from: number;
  /** End of the last quarter hour. */
  readonly to: number;
}

export interface TariffStore {
  /** Every tariff, or a building's, ordered by building, carrier and start. */
  list(buildingId?: string): Promise<Tariff[]>;
  /** Upserts the tariff; prices given replace its price table, null keeps it (and an empty list clears it). */
  save(tariff: Tariff, prices: readonly QuarterHourPrice[] | null): Promise<void>;
  /** false when there was no such tariff. */
  remove(id: string): Promise<boolean>;
  /** Quarter-hour prices (ct/kWh) of the tariffs over [from, to), by tariff id and slot start. */
  prices(tariffIds: readonly string[], from: number, to: number): Promise<Map<string, Map<number, number>>>;
  /** What each tariff's price table spans; tariffs without prices are left out. */
  priceSpans(): Promise<Map<string, TariffPriceSpan>>;
}
