import type { Carrier } from '../energy/carriers.js';
import type { Period } from '../energy/period.js';
import { MISSING_CODE } from '../energy/quality.js';
import type { BuildingProfile } from '../energy/series.js';
import type { FactorSet } from '../factors/factor-set.js';
import { err, ok, type Result } from '../result.js';
import { pvPotential, type PvPotentialOptions } from '../solar/pv-potential.js';
import { DEFAULT_PV_SYSTEM, pvPerKwp } from '../solar/pv-system.js';
import type { SkyTable } from '../solar/sky.js';
import { INTERVAL_MS } from '../time-grid.js';
import type { WeatherSeries } from '../weather/try-weather.js';
import { assessDistrict, type DistrictAssessment } from './assess.js';
import { dispatchBattery } from './battery.js';
import { MEASURE_ORDER, validateScenario, type Measure, type Scenario } from './measures.js';
import { pvOnGrid } from './pv-on-grid.js';
import { emptyWork, shiftNet, toSeries, windowOf, type WorkSeries } from './work-series.js';

/** Module-local copy: loaders that turn imports into getters would otherwise pay a call per slot. */
const MISSING = MISSING_CODE;

export interface ScenarioContext {
  readonly period: Period;
  readonly primarySet: FactorSet;
  readonly co2Set: FactorSet;
  /** Needed for PV measures: the typical year (e.g. TRY region 5) and its sky table. */
  readonly weather?: WeatherSeries;
  readonly sky?: SkyTable;
  readonly pvOptions?: Partial<PvPotentialOptions>;
  /** Grid of an electricity series created for a building that has none; 15 minutes by default. */
  readonly stepMs?: number;
  /**
   * A building's net cost in EUR over the period under its tariffs (the core passes the analysis' cost code): given,
   * each effect carries what its measure saves, priced on the building's profiles just before and just after it.
   */
  readonly netCostEur?: (p: BuildingProfile) => number;
}

export interface MeasureEffect {
  readonly index: number;
  readonly kind: Measure['kind'];
  readonly buildingId: string;
  /** Change of consumption per carrier over the period, kWh (negative = less). */
  readonly consumptionChangeKwh: Readonly<Partial<Record<Carrier, number>>>;
  readonly addedGenerationKwh: number;
  readonly kwp?: number;
  readonly battery?: {
    readonly chargedKwh: number;
    readonly dischargedKwh: number;
    readonly lossesKwh: number;
    readonly equivalentCycles: number;
  };
  /**
   * Net cost before the measure minus after it, EUR (positive = cheaper), when the context prices profiles. Measures
   * act in MEASURE_ORDER, so each is priced on what the ones before it left; the effects add up to the total saving.
   */
  readonly savingEur?: number;
}

export interface ScenarioResult {
  readonly scenario: { readonly id: string; readonly name: string };
  readonly period: Period;
  readonly measured: DistrictAssessment;
  readonly simulated: DistrictAssessment;
  readonly effects: readonly MeasureEffect[];
  /** The simulated profiles, for charts and further scenarios. */
  readonly profiles: readonly BuildingProfile[];
}

type Work = Map<Carrier, WorkSeries>;


const electricityOf = (work: Work, ctx: ScenarioContext): WorkSeries => {
  let e = work.get('electricity');
  if (e === undefined) {
    e = emptyWork('electricity', ctx.period, ctx.stepMs ?? INTERVAL_MS);
    work.set('electricity', e);
  }
  return e;
};

const applyEfficiency = (work: Work, carrier: Carrier | '*', saving: number): Partial<Record<Carrier, number>> => {
  const change: Partial<Record<Carrier, number>> = {};
  for (const w of work.values()) {
    if (carrier !== '*' && w.carrier !== carrier) continue;
    let saved = 0;
    for (let j = 0; j < w.l.length; j++) {
      if (w.q[j] === MISSING) continue;
      const cut = (w.l[j] as number) * saving;
      w.l[j] = (w.l[j] as number) - cut;
      shiftNet(w, j, -cut);
      saved += cut;
    }
    change[w.carrier] = -saved;
  }
  return change;
};

const applyHeatPump = (work: Work, ctx: ScenarioContext, fuel: Carrier, scop: number, boilerEff: number): Partial<Record<Carrier, number>> | string => {
  const f = work.get(fuel);
  if (f === undefined) return `the building has no ${fuel} series for the heat pump to replace`;
  const e = electricityOf(work, ctx);
  if (e.stepMs !== f.stepMs) return `${fuel} (step ${f.stepMs / 60_000} min) and electricity (step ${e.stepMs / 60_000} min) must share one grid`;
  let fuelKwh = 0;
  let elecKwh = 0;
  for (let j = 0; j < f.l.length; j++) {
    if (f.q[j] === MISSING) {
      // Without the fuel value the heat pump's draw is unknown, so the electricity slot is unknown too.
      e.q[j] = MISSING;
      e.l[j] = e.g[j] = e.im[j] = e.ex[j] = Number.NaN;
      continue;
    }
    const fuelIn = f.l[j] as number;
    const add = (fuelIn * boilerEff) / scop;
    fuelKwh += fuelIn;
    f.l[j] = 0;
    f.im[j] = 0;
    f.ex[j] = 0;
    if (e.q[j] === MISSING) continue;
    e.l[j] = (e.l[j] as number) + add;
    shiftNet(e, j, add);
    if ((f.q[j] as number) > (e.q[j] as number)) e.q[j] = f.q[j] as number;
    elecKwh += add;
  }
  return { [fuel]: -fuelKwh, electricity: elecKwh };
};

const addGeneration = (e: WorkSeries, profile: Float64Array): number => {
  let added = 0;
  for (let j = 0; j < e.g.length; j++) {
    if (e.q[j] === MISSING) continue;
    const gen = profile[j] as number;
    e.g[j] = (e.g[j] as number) + gen;
    shiftNet(e, j, -gen);
    added += gen;
  }
  return added;
};

/**
 * A copy of the district with the scenario's measures applied to the measured profiles over ctx.period, assessed
 * next to the measured state (balances, KPIs, energy-plus status, CO2, sharing). Measures act in MEASURE_ORDER.
 * Heat pumps use one seasonal COP for every slot; PV comes from the typical weather year laid onto the dates.
 */
export const runScenario = (district: readonly BuildingProfile[], scenario: Scenario, ctx: ScenarioContext): Result<ScenarioResult> => {
  const ids = new Set(district.map((p) => p.buildingId));
  const valid = validateScenario(scenario, ids);
  if (!valid.ok) return valid;
  const needsWeather = scenario.measures.some((m) => m.kind === 'pv' || m.kind === 'pv-potential');
  if (needsWeather && (ctx.weather === undefined || ctx.sky === undefined)) {
    return err('validation', 'PV measures need the weather series and its sky table in the context', 'ctx.weather');
  }
  const measured = assessDistrict(district, ctx);
  if (!measured.ok) return measured;

  const works = new Map<string, Work>();
  for (const p of district) {
    const work: Work = new Map();
    for (const s of p.series) {
      const w = windowOf(s, ctx.period);
      if (typeof w === 'string') return err('validation', w, `district.${p.buildingId}`);
      work.set(s.carrier, w);
    }
    works.set(p.buildingId, work);
  }

  const ordered = scenario.measures
    .map((m, index) => ({ m, index }))
    .sort((a, b) => MEASURE_ORDER.indexOf(a.m.kind) - MEASURE_ORDER.indexOf(b.m.kind) || a.index - b.index);
  const effects: MeasureEffect[] = [];
  const profileOf = (buildingId: string): BuildingProfile => ({ buildingId, series: [...(works.get(buildingId) as Work).values()].map(toSeries) });
  const price = ctx.netCostEur;
  // each building's net cost as the measures so far left it; a building is priced the first time a measure touches it
  const costNow = new Map<string, number>();
  const priced = (effect: MeasureEffect): MeasureEffect => {
    if (price === undefined) return effect;
    const before = costNow.get(effect.buildingId) as number;
    const after = price(profileOf(effect.buildingId));
    costNow.set(effect.buildingId, after);
    return { ...effect, savingEur: before - after };
  };
  for (const { m, index } of ordered) {
    const at = `measures[${index}]`;
    const targets = m.kind === 'efficiency' && m.buildingId === '*' ? [...works.keys()] : [m.buildingId];
    for (const buildingId of targets) {
      const work = works.get(buildingId) as Work;
      const base = { index, kind: m.kind, buildingId };
      if (price !== undefined && !costNow.has(buildingId)) costNow.set(buildingId, price(profileOf(buildingId)));
      const start = effects.length;
      switch (m.kind) {
        case 'efficiency':
          effects.push({ ...base, consumptionChangeKwh: applyEfficiency(work, m.carrier, m.saving), addedGenerationKwh: 0 });
          break;
        case 'heat-pump': {
          const r = applyHeatPump(work, ctx, m.replaces ?? 'gas', m.scop, m.boilerEfficiency ?? 0.9);
          if (typeof r === 'string') return err('validation', r, at);
          effects.push({ ...base, consumptionChangeKwh: r, addedGenerationKwh: 0 });
          break;
        }
        case 'pv':
        case 'pv-potential': {
          const sky = ctx.sky as SkyTable;
          let perSlot: Float64Array;
          let kwp: number;
          if (m.kind === 'pv') {
            const system = { ...DEFAULT_PV_SYSTEM, ...ctx.pvOptions?.system };
            perSlot = pvPerKwp(sky, m.tiltDeg, m.azimuthDeg, system).perKwp;
            for (let i = 0; i < perSlot.length; i++) perSlot[i] = (perSlot[i] as number) * m.kwp;
            kwp = m.kwp;
          } else {
            const pot = pvPotential(m.roofs.filter((r) => r.buildingId === buildingId), ctx.weather as WeatherSeries, { ...ctx.pvOptions, profiles: true }, sky);
            if (!pot.ok) return err('validation', pot.error.message, `${at}.${pot.error.where ?? 'roofs'}`);
            const share = m.share ?? 1;
            const b = pot.value.buildings[0];
            perSlot = (b?.profileKwh ?? new Float64Array(sky.length)).map((v) => v * share);
            kwp = (b?.kwp ?? 0) * share;
          }
          const e = electricityOf(work, ctx);
          const onGrid = pvOnGrid(perSlot, sky, e.start, e.stepMs, e.g.length);
          if (typeof onGrid === 'string') return err('validation', onGrid, at);
          effects.push({ ...base, consumptionChangeKwh: {}, addedGenerationKwh: addGeneration(e, onGrid), kwp });
          break;
        }
        case 'battery': {
          const e = electricityOf(work, ctx);
          const d = dispatchBattery(e.im, e.ex, e.q, e.stepMs, m);
          e.im = d.import;
          e.ex = d.export;
          const losses = d.chargedKwh - d.dischargedKwh - (d.finalSocKwh - d.initialSocKwh);
          effects.push({
            ...base,
            consumptionChangeKwh: {},
            addedGenerationKwh: 0,
            battery: { chargedKwh: d.chargedKwh, dischargedKwh: d.dischargedKwh, lossesKwh: losses, equivalentCycles: d.equivalentCycles },
          });
          break;
        }
      }
      if (effects.length > start) effects[start] = priced(effects[start] as MeasureEffect);
    }
  }

  const profiles: BuildingProfile[] = district.map((p) => profileOf(p.buildingId));
  const simulated = assessDistrict(profiles, ctx);
  if (!simulated.ok) return simulated;
  return ok({ scenario: { id: scenario.id, name: scenario.name }, period: ctx.period, measured: measured.value, simulated: simulated.value, effects, profiles });
};

