/**
 * PV potential per building and the scenario "potential used on top of what is installed", compared with the
 * measured state. The potential is district.pvPotential's (main/core/analysis/district-pv.ts), the profiles are
 * the analysis' own: the report prints the figures the app shows.
 */
import type { Period } from '../../../models/energy/period.js';
import type { BuildingProfile } from '../../../models/energy/series.js';
import type { FactorSet } from '../../../models/factors/factor-set.js';
import type { DistrictAssessment } from '../../../models/scenarios/assess.js';
import { runScenario } from '../../../models/scenarios/run-scenario.js';
import type { Building, Site } from '../../../models/types.js';
import type { WeatherSeries } from '../../../models/weather/try-weather.js';
import { districtPvPotential, roofsFor } from '../analysis/district-pv.js';
import { noCostInput, type CostInput } from '../analysis/period-costs.js';
import { scenarioCosts } from '../analysis/scenario-costs.js';
import { skyFor } from '../analysis/weather.js';
import type { Store } from '../store/store.js';
import type { PvBuildingRow, PvSection, ScenarioColumn } from './report-data.js';

const column = (a: DistrictAssessment, netCostEur: number | null): ScenarioColumn => ({
  finalEnergyNetKwh: a.energyPlus.finalEnergyNetKwh,
  primaryEnergyNetKwh: a.energyPlus.primaryEnergy.total,
  co2Tonnes: a.co2Tonnes,
  selfSufficiency: a.sharing?.district.selfSufficiency ?? null,
  energyPlusBuildings: a.buildings.filter((b) => b.energyPlus.energyPlus).length,
  districtEnergyPlus: a.energyPlus.energyPlus,
  perBuilding: Object.fromEntries(a.buildings.map((b) => [b.buildingId, b.energyPlus.energyPlus])),
  netCostEur,
});

export const buildPvSection = async (
  store: Store,
  site: Site,
  buildings: readonly Building[],
  profiles: readonly BuildingProfile[],
  weather: WeatherSeries,
  period: Period,
  sets: { readonly primarySet: FactorSet; readonly co2Set: FactorSet },
  /** The tariffs over the period (loadCostInput): the scenario's costs come from the analysis' cost code. */
  costInput: CostInput = noCostInput(site.timezone),
): Promise<PvSection> => {
  const roofs = roofsFor(buildings, await store.getRoofs());
  const location = { latDeg: site.origin.lat, lonDeg: site.origin.lon };
  const pot = districtPvPotential({ buildings, roofs, weather, ...location });
  if (!pot.ok) throw new Error(`PV potential: ${pot.error.message} (${pot.error.where ?? ''})`);
  const rows: PvBuildingRow[] = buildings.map((b) => {
    const p = pot.value.buildings.find((x) => x.buildingId === b.id);
    return {
      buildingId: b.id,
      roofSource: roofs.source.get(b.id) === 'imported' ? 'lod2' : 'assumed',
      roofs: p?.roofs.length ?? 0,
      suitableRoofs: p?.roofs.filter((r) => r.suitable).length ?? 0,
      kwp: p?.kwp ?? 0,
      annualKwh: p?.annualKwh ?? 0,
      specificYieldKwhPerKwp: p !== undefined && p.kwp > 0 ? p.annualKwh / p.kwp : null,
    };
  });
  const mine = new Set(buildings.map((b) => b.id));
  const scenario = runScenario(
    profiles.filter((p) => mine.has(p.buildingId)),
    {
      id: 'pv-potential',
      name: 'PV potential',
      measures: buildings.map((b) => ({ kind: 'pv-potential' as const, buildingId: b.id, roofs: roofs.roofs.filter((r) => r.buildingId === b.id) })),
    },
    { period, primarySet: sets.primarySet, co2Set: sets.co2Set, weather, sky: skyFor(weather, location.latDeg, location.lonDeg), pvOptions: location },
  );
  const costs = scenario.ok ? scenarioCosts(scenario.value.measured.buildings.map((b) => profiles.find((p) => p.buildingId === b.buildingId) as BuildingProfile), scenario.value.profiles, period, costInput) : null;
  const priced = costs !== null && (costs.measured.district.hasTariffs || costs.simulated.district.hasTariffs);
  return {
    weatherSource: weather.source,
    options: pot.value.options,
    notes: pot.value.notes,
    buildings: rows,
    scenario: scenario.ok
      ? {
          measured: column(scenario.value.measured, priced ? costs.measured.district.netEur : null),
          pvPotential: column(scenario.value.simulated, priced ? costs.simulated.district.netEur : null),
          savingEur: priced ? costs.savingEur : null,
        }
      : null,
    scenarioError: scenario.ok ? null : `${scenario.error.message} (${scenario.error.where ?? ''})`,
  };
};
