/**
 * 'scenario.run': measures applied to the measured 15-minute (or hourly) profiles of [from, to), assessed next to the
 * measured state. PV measures use the Essen TRY laid onto the measured dates; 'pv-potential' takes the
 * building's stored roof surfaces (or the assumed ones).
 */
import type { DistrictView, ScenarioArgs, ScenarioMeasureInput, ScenarioRunResult } from '../../../models/contract/index.js';
import { refOf } from '../../../models/factors/factor-set.js';
import { runScenario, type Measure } from '../../../models/scenarios/index.js';
import type { RoofSurface } from '../../../models/types.js';
import type { WeatherSeries } from '../../../models/weather/try-weather.js';
import { note, noteText } from '../../../models/i18n/analysis-notes.js';
import { ok, type Result } from '../../../models/result.js';
import type { Store } from '../store/store.js';
import { analysisNotes, checkPeriod, DEFAULT_MIN_COVERAGE, MAX_ANALYSIS_DAYS, prepareSets } from './district-analysis.js';
import { roofsFor } from './district-pv.js';
import { checkHeatSupply } from './heat-supply.js';
import { loadDistrictProfiles, STEP_MS } from './load-profiles.js';
import { costNotes, loadCostInput } from './period-costs.js';
import { netCostOf, scenarioCosts } from './scenario-costs.js';
import { essenWeather, skyFor } from './weather.js';

const toMeasure = (m: ScenarioMeasureInput, roofs: readonly RoofSurface[]): Measure =>
  m.kind === 'pv-potential'
    ? { kind: 'pv-potential', buildingId: m.buildingId, roofs: roofs.filter((r) => r.buildingId === m.buildingId), ...(m.share === undefined ? {} : { share: m.share }) }
    : m;

export interface ScenarioDeps {
  /** The weather for PV measures; the shipped Essen TRY by default. */
  readonly weather?: () => Promise<Result<WeatherSeries>>;
}

export const runDistrictScenario = async (store: Store, view: DistrictView, a: ScenarioArgs, deps: ScenarioDeps = {}): Promise<Result<ScenarioRunResult>> => {
  const step = a.resolution ?? '15min';
  const period = checkPeriod(a.from, a.to, STEP_MS[step], MAX_ANALYSIS_DAYS);
  if (!period.ok) return period;
  const sets = prepareSets(a.primarySetId, a.co2SetId, a.exportCredit, period.value);
  if (!sets.ok) return sets;
  const heatOk = checkHeatSupply(a.heatSupply, new Set(view.buildings.map((b) => b.id)));
  if (!heatOk.ok) return heatOk;
  const needsPv = a.measures.some((m) => m.kind === 'pv' || m.kind === 'pv-potential');
  const needsRoofs = a.measures.some((m) => m.kind === 'pv-potential');
  const roofs = needsRoofs ? roofsFor(view.buildings, await store.getRoofs()).roofs : [];
  const { lat, lon } = view.site.origin;
  let weather: WeatherSeries | undefined;
  if (needsPv) {
    const w = await (deps.weather ?? essenWeather)();
    if (!w.ok) return w;
    weather = w.value;
  }
  const loaded = await loadDistrictProfiles(store, view, { from: a.from, to: a.to, step, heatSupply: a.heatSupply });
  if (!loaded.ok) return loaded;
  const costInput = await loadCostInput(store, view, period.value.from, period.value.to, null);
  if (!costInput.ok) return costInput;
  const scenario = { id: a.id ?? 'scenario', name: a.name ?? a.id ?? 'Scenario', measures: a.measures.map((m) => toMeasure(m, roofs)) };
  const r = runScenario(loaded.value.profiles, scenario, {
    period: period.value,
    primarySet: sets.value.primary,
    co2Set: sets.value.co2,
    netCostEur: netCostOf(period.value, costInput.value),
    ...(weather === undefined ? {} : { weather, sky: skyFor(weather, lat, lon), pvOptions: { latDeg: lat, lonDeg: lon } }),
  });
  if (!r.ok) return r;
  const { primary, co2 } = sets.value;
  const costs = scenarioCosts(loaded.value.profiles, r.value.profiles, period.value, costInput.value);
  const notes = [
    ...analysisNotes(loaded.value, sets.value, view.site.timezone, DEFAULT_MIN_COVERAGE),
    // the analysis' 'savings' (against buying the own generation) is not a figure of the scenario: its note would mislead
    ...costNotes(costInput.value, STEP_MS[step]).filter((n) => n.key !== 'note.savings'),
    ...(costInput.value.windows.length === 0 ? [] : [note('note.scenarioCosts')]),
    ...(needsPv ? [note('note.scenarioPv', { source: weather?.source ?? 'TRY' })] : []),
    note('note.scenarioHeatPump'),
  ];
  return ok({
    scenario: r.value.scenario,
    period: r.value.period,
    factorSets: { primary: refOf(primary), co2: refOf(co2) },
    measured: r.value.measured,
    simulated: r.value.simulated,
    effects: r.value.effects,
    costs,
    assumptions: notes.map((n) => noteText('en', n)),
    notes,
  });
};
