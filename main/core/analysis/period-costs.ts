/**
 * Costs and period comparisons for the one analysis: the tariffs of the district file resolved to UTC windows in
 * the site's zone, each building's costs over the period (models/tariffs/costs.ts), and the figures of the
 * previous period and the same period last year beside the chosen one (comparison-periods.ts).
 */
import type { BuildingAnalysis, DistrictView, PeriodComparison, PeriodFigures } from '../../../models/contract/index.js';
import { computeBalance, finalEnergyNetImport } from '../../../models/energy/balance.js';
import type { Period } from '../../../models/energy/period.js';
import type { BuildingProfile } from '../../../models/energy/series.js';
import { carrierCost, districtCosts, sumCosts, type CostFigures, type TariffWindow } from '../../../models/tariffs/costs.js';
import { localDateParts, type Tariff } from '../../../models/tariffs/tariff.js';
import { ok, type Result } from '../../../models/result.js';
import { note, type AnalysisNote } from '../../../models/i18n/analysis-notes.js';
import type { StoreReader } from '../store/store.js';
import { lastYearPeriod, previousPeriod } from './comparison-periods.js';
import { localDateStart, localDays } from './local-days.js';
import { coverageShare } from './period-figures.js';

export interface CostInput {
  /** Every tariff of the district as UTC windows, sorted by start. */
  readonly windows: readonly TariffWindow[];
  readonly comparison: { readonly previous: Period; readonly lastYear: Period } | null;
  readonly timeZone: string;
}

export const noCostInput = (timeZone: string): CostInput => ({ windows: [], comparison: null, timeZone });

/** A tariff's validity as UTC instants: local midnights of its dates; open-ended = Infinity. */
export const tariffBounds = (t: Tariff, timeZone: string): { from: number; to: number } => {
  const a = localDateParts(t.validFrom);
  const b = t.validTo === null ? null : localDateParts(t.validTo);
  return { from: a === null ? Infinity : localDateStart(a, timeZone), to: b === null ? Infinity : localDateStart(b, timeZone) };
};

/** The comparison periods and what the analysis must load to cover them. */
export const comparisonOf = (period: Period, timeZone: string, stepMs: number): { previous: Period; lastYear: Period } => ({
  previous: previousPeriod(period, timeZone, stepMs),
  lastYear: lastYearPeriod(period, timeZone, stepMs),
});

/** Tariffs and the dynamic prices over [from, to) from the store; a store without tariffs gives none. */
export const loadCostInput = async (
  store: StoreReader,
  view: DistrictView,
  from: number,
  to: number,
  comparison: CostInput['comparison'],
): Promise<Result<CostInput>> => {
  const timeZone = view.site.timezone;
  const book = store.tariffs;
  if (book === undefined) return ok({ ...noCostInput(timeZone), comparison });
  const ids = new Set(view.buildings.map((b) => b.id));
  const tariffs = (await book.list()).filter((t) => ids.has(t.buildingId));
  const dynamic = tariffs.filter((t) => t.kind === 'dynamic').map((t) => t.id);
  const prices = dynamic.length === 0 ? new Map<string, Map<number, number>>() : await book.prices(dynamic, from, to);
  const windows = tariffs
    .map((t): TariffWindow => ({ tariff: t, ...tariffBounds(t, timeZone), prices: t.kind === 'dynamic' ? (prices.get(t.id) ?? new Map()) : null }))
    .sort((a, b) => a.from - b.from);
  return ok({ windows, comparison, timeZone });
};

/** A building's costs over a period: each carrier it has a tariff for, metered or not. */
export const buildingCosts = (p: BuildingProfile, period: Period, input: CostInput): CostFigures => {
  const own = input.windows.filter((w) => w.tariff.buildingId === p.buildingId && w.from < period.to && w.to > period.from);
  const carriers = [...new Set(own.map((w) => w.tariff.carrier))];
  const days = own.some((w) => w.tariff.fixedEurPerMonth !== 0) ? localDays(period, input.timeZone) : [];
  return sumCosts(
    carriers.map((c) =>
      carrierCost(
        c,
        p.series.find((s) => s.carrier === c),
        own.filter((w) => w.tariff.carrier === c),
        period,
        days,
      ),
    ),
  );
};

const figuresOf = (p: BuildingProfile, period: Period, input: CostInput): PeriodFigures => {
  const all = computeBalance(p, period);
  const e = all.carriers.find((c) => c.carrier === 'electricity');
  const coverage = p.series.length === 0 ? 0 : coverageShare(all.coverage);
  return {
    from: period.from,
    to: period.to,
    hasData: coverage > 0,
    coverage,
    consumptionKwh: e?.consumptionKwh ?? 0,
    generationKwh: e?.generationKwh ?? 0,
    importKwh: e?.importKwh ?? 0,
    exportKwh: e?.exportKwh ?? 0,
    finalEnergyNetKwh: finalEnergyNetImport(all.carriers),
    costs: buildingCosts(p, period, input),
  };
};

/** The cost and comparison fields of a BuildingAnalysis. */
export const buildingCostFields = (p: BuildingProfile, period: Period, input: CostInput): Pick<BuildingAnalysis, 'costs' | 'comparison'> => {
  const current = figuresOf(p, period, input);
  const c = input.comparison;
  return {
    costs: current.costs,
    comparison: c === null ? null : { current, previous: figuresOf(p, c.previous, input), lastYear: figuresOf(p, c.lastYear, input) },
  };
};

const sumFigures = (list: readonly PeriodFigures[], period: Period): PeriodFigures => {
  const sum = (f: (x: PeriodFigures) => number) => list.reduce((s, x) => s + f(x), 0);
  return {
    from: period.from,
    to: period.to,
    hasData: list.some((x) => x.hasData),
    coverage: list.length === 0 ? 0 : sum((x) => x.coverage) / list.length,
    consumptionKwh: sum((x) => x.consumptionKwh),
    generationKwh: sum((x) => x.generationKwh),
    importKwh: sum((x) => x.importKwh),
    exportKwh: sum((x) => x.exportKwh),
    finalEnergyNetKwh: sum((x) => x.finalEnergyNetKwh),
    costs: districtCosts(list.map((x) => x.costs)),
  };
};

/** The district's: the buildings' added up (each behind its own meter, as the balance); coverage is their mean. */
export const districtCostFields = (
  buildings: readonly Pick<BuildingAnalysis, 'costs' | 'comparison'>[],
  input: CostInput,
  period: Period,
): { costs: CostFigures; comparison: PeriodComparison | null } => {
  const c = input.comparison;
  const list = buildings.map((b) => b.comparison).filter((x): x is PeriodComparison => x !== null);
  return {
    costs: districtCosts(buildings.map((b) => b.costs)),
    comparison:
      c === null
        ? null
        : {
            current: sumFigures(list.map((x) => x.current), period),
            previous: sumFigures(list.map((x) => x.previous), c.previous),
            lastYear: sumFigures(list.map((x) => x.lastYear), c.lastYear),
          },
  };
};

/** The cost rules as notes every surface prints in its language (only when a tariff is stored). */
export const costNotes = (input: CostInput, stepMs: number): AnalysisNote[] =>
  input.windows.length === 0 ? [] : [note(stepMs > 900_000 ? 'note.costsHourly' : 'note.costs'), note('note.fixedCharges'), note('note.savings'), note('note.unpriced')];

/** The keys of costNotes, for surfaces that print the cost rules beside the costs. */
export const COST_NOTE_KEYS: readonly AnalysisNote['key'][] = ['note.costs', 'note.costsHourly', 'note.fixedCharges', 'note.savings', 'note.unpriced'];
