/**
 * Tariffs per building and carrier (energy price, fixed charge per month, feed-in payment; dynamic tariffs with
 * quarter-hour prices from a CSV), and the costs and period comparisons the analysis computes from them.
 */
import type { CostFigures } from '../tariffs/costs.js';
import type { LocalDate, Tariff, TariffCarrier, TariffKind } from '../tariffs/tariff.js';

export type { CarrierCost, CostFigures } from '../tariffs/costs.js';
export type { LocalDate, Tariff, TariffCarrier, TariffKind } from '../tariffs/tariff.js';

/** A tariff as listed: the stored fields and, for a dynamic tariff, what its price table spans. */
export interface TariffView extends Tariff {
  readonly prices: { readonly count: number; readonly from: number; readonly to: number } | null;
}

export interface TariffSaveArgs {
  /** Given: replaces that tariff; omitted: a new one. */
  readonly id?: string;
  readonly buildingId: string;
  readonly carrier: TariffCarrier;
  readonly kind: TariffKind;
  readonly name?: string;
  readonly validFrom: LocalDate;
  readonly validTo?: LocalDate | null;
  readonly energyCtPerKwh: number;
  readonly fixedEurPerMonth: number;
  readonly feedInCtPerKwh?: number;
  /**
   * Dynamic tariffs: the CSV of quarter-hour prices (German ";" with decimal comma, or English "," with decimal
   * point) and its file name for messages. Required for a new dynamic tariff; omitted on an update keeps the prices.
   */
  readonly prices?: { readonly csv: string; readonly file: string };
}

/** Figures of one period for one building or the district, to set beside the chosen period. */
export interface PeriodFigures {
  readonly from: number;
  readonly to: number;
  /** false when no slot of the period holds a value: surfaces show "no data", never 0. */
  readonly hasData: boolean;
  /** Share of slots (all carriers) with a value, 0..1. */
  readonly coverage: number;
  /** Electricity, kWh. */
  readonly consumptionKwh: number;
  readonly generationKwh: number;
  readonly importKwh: number;
  readonly exportKwh: number;
  /** Final energy net over every delivered carrier, kWh, positive = deficit. */
  readonly finalEnergyNetKwh: number;
  readonly costs: CostFigures;
}

/**
 * The chosen period beside the previous period and the same period a year earlier, each of the same local
 * calendar length (docs/costs.md: whole months stay months, whole days stay days; 29 February a year earlier is
 * 28 February).
 */
export interface PeriodComparison {
  readonly current: PeriodFigures;
  readonly previous: PeriodFigures;
  readonly lastYear: PeriodFigures;
}

export interface TariffMethods {
  'tariffs.list': { args: { buildingId?: string }; result: readonly TariffView[] };
  /** Checks and stores a tariff (a CSV with a bad row is refused whole, its rows named); answers it as stored. */
  'tariffs.save': { args: TariffSaveArgs; result: TariffView };
  'tariffs.remove': { args: { id: string }; result: { id: string } };
}
