/**
 * 'district.analysis': balances per carrier, electricity KPIs at 15 minutes, energy-plus status (over the
 * period and 12-month rolling), CO2 and sharing, per building and for the district, from one load of the store.
 */
import type { AnalysisArgs, BuildingAnalysis, DistrictAnalysis, DistrictView, HeatSupplyUse } from '../../../models/contract/index.js';
import { computeBalance, computeDistrictBalance, type BalanceResult } from '../../../models/energy/balance.js';
import { energyPlusForPeriod } from '../../../models/energy/energy-plus.js';
import { ModelInputError } from '../../../models/energy/errors.js';
import { computeKpis } from '../../../models/energy/kpis.js';
import { resolutionName, type Period } from '../../../models/energy/period.js';
import { findSeries, type BuildingProfile } from '../../../models/energy/series.js';
import { sumProfiles } from '../../../models/energy/district.js';
import { districtSharing } from '../../../models/energy/sharing.js';
import { weighBalance } from '../../../models/factors/weigh.js';
import type { FactorSet } from '../../../models/factors/factor-set.js';
import { balanceYearOf, setForYear } from '../../../models/factors/by-year.js';
import { DEFAULT_EXPORT_CREDIT, withExportCredit, type ExportCreditVariantId } from '../../../models/factors/export-credit.js';
import { err, ok, type Result } from '../../../models/result.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Store } from '../store/store.js';
import { resolveFactorSet } from './factor-sets.js';
import { checkHeatSupply, heatSupplyNote } from './heat-supply.js';
import { note, noteText, type AnalysisNote } from '../../../models/i18n/analysis-notes.js';
import { loadDistrictProfiles, STEP_MS, type HeatDerivation, type LoadedDistrict, type ProfileStep } from './load-profiles.js';
import { addLocalMonths, checkTimeZone } from './local-time.js';
import { colourMetrics, districtMonths, monthBalances, verdictOf } from './period-figures.js';
import { classInputs, classSeriesKeys, consumptionClasses } from './consumption-classes.js';
import { buildingCostFields, comparisonOf, costNotes, districtCostFields, loadCostInput, noCostInput, type CostInput } from './period-costs.js';

const stepOf = (profiles: readonly BuildingProfile[]): number => profiles[0]?.series[0]?.stepMs ?? INTERVAL_MS;

/** Default coverage below which a verdict is provisional (the setting 'verdictMinCoverage'). */
export const DEFAULT_MIN_COVERAGE = 0.9;

/** The sign convention every surface states next to a net figure (docs/energy-models.md). */
export const SIGN_CONVENTION = 'Net = consumption - generation = import - export: positive = deficit (drawn from outside), negative = surplus.';

/** Longest period one analysis loads at 15 minutes (with the 12-month window: at most 3 years of slots). */
export const MAX_ANALYSIS_DAYS = 732;
const DAY_MS = 86_400_000;

export const checkPeriod = (from: number, to: number, stepMs: number, maxDays: number): Result<Period> => {
  if (!(to > from)) return err('validation', "'to' must be after 'from'", 'to');
  const grid = resolutionName(stepMs).replace(' ', '-');
  if (from % stepMs !== 0) return err('validation', `'from' must lie on the ${grid} UTC grid`, 'from');
  if (to % stepMs !== 0) return err('validation', `'to' must lie on the ${grid} UTC grid`, 'to');
  if (to - from > maxDays * DAY_MS) return err('validation', `the period may span at most ${maxDays} days`, 'to');
  return ok({ from, to });
};

export interface PreparedSets {
  readonly primary: FactorSet;
  readonly co2: FactorSet;
}

/** The sets an analysis weighs with: the primary set carries the export-credit rule it was asked for. */
export const prepareSets = (
  primarySetId: string | undefined,
  co2SetId: string | undefined,
  exportCredit: ExportCreditVariantId = DEFAULT_EXPORT_CREDIT,
  period?: Period,
): Result<PreparedSets> => {
  const primary = resolveFactorSet(primarySetId, 'primary-energy', 'primarySetId');
  if (!primary.ok) return primary;
  const co2 = resolveFactorSet(co2SetId, 'co2', 'co2SetId');
  if (!co2.ok) return co2;
  // a yearly set (BISKO) takes the factors of the balance year, and its version names that year
  const co2Set = period === undefined ? co2.value : setForYear(co2.value, balanceYearOf(period));
  return ok({ primary: withExportCredit(primary.value, exportCredit), co2: co2Set });
};

const heatUse = (h: HeatDerivation, balance: BalanceResult): HeatSupplyUse => {
  const heat = balance.carriers.find((c) => c.carrier === 'heat');
  const fuel = balance.carriers.find((c) => c.carrier === h.supply.carrier);
  return { buildingId: h.buildingId, ...h.supply, origin: h.origin, heatKwh: heat?.consumptionKwh ?? 0, deliveredKwh: fuel?.consumptionKwh ?? 0 };
};

/** The assumptions as notes every surface prints in its language (models/i18n/analysis-notes.ts). */
export const analysisNotes = (loaded: LoadedDistrict, sets: PreparedSets, timeZone: string, minCoverage: number): AnalysisNote[] => {
  const credit = sets.primary.exportCreditVariant;
  return [
    note('note.boundary'),
    note('note.sign'),
    ...loaded.heat.map((h) => heatSupplyNote(h.buildingId, h.supply, h.origin)),
    ...loaded.heatWithMeteredSupply.map((id) => note('note.heatMeteredSupply', { building: id })),
    ...loaded.subMeters.map((m) =>
      note(m.pointIds.length === 1 ? 'note.subMeter' : 'note.subMeters', { building: m.buildingId, points: m.pointIds.join(', '), carrier: m.carrier }),
    ),
    ...loaded.completed.map((c) => note('note.completed', { building: c.buildingId, carrier: c.carrier })),
    note('note.factors', {
      primaryName: sets.primary.name,
      primaryId: sets.primary.id,
      primaryVersion: sets.primary.version,
      co2Name: sets.co2.name,
      co2Id: sets.co2.id,
      co2Version: sets.co2.version,
    }),
    credit === undefined ? note('note.exportCreditSet') : note('note.exportCredit', { id: credit.id, factor: credit.factor, name: credit.name, source: credit.source }),
    note('note.coverage', { share: Math.round(minCoverage * 100) }),
    note('note.localPeriods', { zone: timeZone }),
  ];
};

/** The assumptions in English words, made from the same notes. */
export const analysisAssumptions = (loaded: LoadedDistrict, sets: PreparedSets, timeZone: string, minCoverage: number): string[] =>
  analysisNotes(loaded, sets, timeZone, minCoverage).map((n) => noteText('en', n));

const guard = <T>(fn: () => T): Result<T> => {
  try {
    return ok(fn());
  } catch (e) {
    if (e instanceof ModelInputError) return err('validation', e.message, e.where);
    throw e;
  }
};

/** The analysis of already loaded profiles (tests and the benchmark call this with their own profiles). */
export const analyseProfiles = (
  view: DistrictView,
  loaded: LoadedDistrict,
  period: Period,
  rollingFrom: number,
  sets: PreparedSets,
  timeZone = view.site.timezone,
  minCoverage = DEFAULT_MIN_COVERAGE,
  costInput: CostInput = noCostInput(timeZone),
): Result<DistrictAnalysis> => {
  const rolling = { from: rollingFrom, to: period.to };
  const buildings: BuildingAnalysis[] = [];
  const names = new Map(view.buildings.map((b) => [b.id, b.name]));
  const profiles: readonly BuildingProfile[] = loaded.profiles;
  for (const p of profiles) {
    const r = guard(() => {
      const balance = computeBalance(p, period);
      const e = findSeries(p, 'electricity');
      return { balance, kpis: e === undefined ? null : computeKpis(e, period) };
    });
    if (!r.ok) return r;
    const where = (x: { error: { kind: 'validation' | 'device' | 'not-found' | 'internal'; message: string; where?: string } }) =>
      err(x.error.kind, `${p.buildingId}: ${x.error.message}`, x.error.where);
    const epPeriod = energyPlusForPeriod(p, sets.primary, period);
    if (!epPeriod.ok) return where(epPeriod);
    // a year-long period is its own 12-month window: no second pass over the slots
    const ep = rollingFrom === period.from ? epPeriod : energyPlusForPeriod(p, sets.primary, rolling);
    if (!ep.ok) return where(ep);
    const co2 = weighBalance(r.value.balance.carriers, sets.co2);
    if (!co2.ok) return where(co2);
    const h = loaded.heat.find((x) => x.buildingId === p.buildingId);
    const months = guard(() => monthBalances(p, period, timeZone));
    if (!months.ok) return months;
    buildings.push({
      buildingId: p.buildingId,
      name: names.get(p.buildingId) ?? p.buildingId,
      balance: r.value.balance,
      kpis: r.value.kpis,
      energyPlusPeriod: epPeriod.value,
      energyPlus: ep.value,
      co2: co2.value,
      co2Tonnes: co2.value.total / 1e6,
      heatSupply: h === undefined ? null : heatUse(h, r.value.balance),
      verdictPeriod: verdictOf(epPeriod.value, minCoverage),
      verdict: verdictOf(ep.value, minCoverage),
      months: months.value,
      colours: colourMetrics(r.value.balance, r.value.kpis, co2.value, epPeriod.value),
      ...buildingCostFields(p, period, costInput),
    });
  }
  const sums = guard(() => {
    const whole = { from: rollingFrom < period.from ? rollingFrom : period.from, to: period.to };
    const summed = sumProfiles(profiles, whole);
    const e = findSeries(summed, 'electricity');
    const hasElectricity = e !== undefined;
    return {
      summed,
      balance: computeDistrictBalance(profiles, period),
      kpis: hasElectricity ? computeKpis(e, period) : null,
      sharing: hasElectricity ? districtSharing(profiles, period) : null,
    };
  });
  if (!sums.ok) return err('validation', `the buildings cannot be summed: ${sums.error.message}`, sums.error.where);
  const epPeriod = energyPlusForPeriod(sums.value.summed, sets.primary, period);
  if (!epPeriod.ok) return epPeriod;
  const ep = rollingFrom === period.from ? epPeriod : energyPlusForPeriod(sums.value.summed, sets.primary, rolling);
  if (!ep.ok) return ep;
  const co2 = weighBalance(sums.value.balance.carriers, sets.co2);
  if (!co2.ok) return co2;
  return ok({
    period,
    resolution: resolutionName(profiles[0]?.series[0]?.stepMs ?? INTERVAL_MS),
    rollingFrom,
    buildings,
    district: {
      balance: sums.value.balance,
      kpis: sums.value.kpis,
      energyPlusPeriod: epPeriod.value,
      energyPlus: ep.value,
      co2: co2.value,
      co2Tonnes: co2.value.total / 1e6,
      sharing: sums.value.sharing,
      coverage: sums.value.balance.coverage,
      verdictPeriod: verdictOf(epPeriod.value, minCoverage),
      verdict: verdictOf(ep.value, minCoverage),
      months: districtMonths(buildings.map((b) => b.months)),
      ...districtCostFields(buildings, costInput, period),
    },
    factorSets: { primary: ep.value.primaryEnergy.set, co2: co2.value.set },
    assumptions: [...analysisAssumptions(loaded, sets, timeZone, minCoverage), ...costNotes(costInput, stepOf(profiles)).map((n) => noteText('en', n))],
    notes: [...analysisNotes(loaded, sets, timeZone, minCoverage), ...costNotes(costInput, stepOf(profiles))],
    timeZone,
    minCoverage,
  });
};

export interface AnalysedDistrict {
  readonly analysis: DistrictAnalysis;
  /** The profiles the analysis rested on (reports run their PV scenario on these, not on a second load). */
  readonly loaded: LoadedDistrict;
}

/**
 * Loads [min(from, to - 12 local months), to) and analyses [from, to). At 15 minutes by default (the KPIs need it);
 * step 'hour' reads the hourly rollups for large districts, and the result's resolution says so. sets overrides
 * the factor set ids of args (a report given its own sets).
 */
export const analyseDistrictWithProfiles = async (
  store: Store,
  view: DistrictView,
  args: AnalysisArgs,
  step: ProfileStep = '15min',
  givenSets?: PreparedSets,
): Promise<Result<AnalysedDistrict>> => {
  const period = checkPeriod(args.from, args.to, STEP_MS[step], MAX_ANALYSIS_DAYS);
  if (!period.ok) return period;
  const sets = givenSets === undefined ? prepareSets(args.primarySetId, args.co2SetId, args.exportCredit, period.value) : ok(givenSets);
  if (!sets.ok) return sets;
  const heatOk = checkHeatSupply(args.heatSupply, new Set(view.buildings.map((b) => b.id)));
  if (!heatOk.ok) return heatOk;
  const minCoverage = args.minCoverage ?? DEFAULT_MIN_COVERAGE;
  if (!(minCoverage >= 0 && minCoverage <= 1)) return err('validation', `minCoverage must be between 0 and 1, got ${minCoverage}`, 'minCoverage');
  const timeZone = view.site.timezone;
  try {
    checkTimeZone(timeZone);
  } catch (e) {
    return err('validation', (e as Error).message, 'site.timezone');
  }
  // The 12-month window ends at 'to' and starts 12 local calendar months earlier (on the step's grid).
  const stepMs = STEP_MS[step];
  const rollingFrom = args.rolling === false ? args.from : Math.floor(addLocalMonths(args.to, -12, timeZone) / stepMs) * stepMs;
  // the comparisons (previous period, same period last year) are read from the same load, which then reaches back to them
  const comparison = args.compare === false ? null : comparisonOf(period.value, timeZone, stepMs);
  const loadFrom = Math.min(rollingFrom, args.from, comparison?.previous.from ?? Infinity, comparison?.lastYear.from ?? Infinity);
  // the consumption classes' meters (charge points, wallboxes, lighting circuits) are kept from this load, not read twice
  const classes = await classInputs(store, view);
  const loaded = await loadDistrictProfiles(store, view, { from: loadFrom, to: args.to, step, heatSupply: args.heatSupply, keep: classSeriesKeys(classes) });
  if (!loaded.ok) return loaded;
  const costInput = await loadCostInput(store, view, loadFrom, args.to, comparison);
  if (!costInput.ok) return costInput;
  const analysis = analyseProfiles(view, loaded.value, period.value, rollingFrom, sets.value, timeZone, minCoverage, costInput.value);
  if (!analysis.ok) return analysis;
  const classFigures = await consumptionClasses(store, view, loaded.value, period.value, stepMs, classes);
  return ok({ analysis: { ...analysis.value, consumptionClasses: classFigures }, loaded: loaded.value });
};

export const analyseDistrict = async (store: Store, view: DistrictView, args: AnalysisArgs, step: ProfileStep = '15min'): Promise<Result<DistrictAnalysis>> => {
  const r = await analyseDistrictWithProfiles(store, view, args, step);
  return r.ok ? ok(r.value.analysis) : r;
};
