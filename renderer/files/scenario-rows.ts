/**
 * The rows of the scenario comparison: each picks one figure out of an assessment the core computed
 * ('scenario.run'), so measured and simulated columns show the API's numbers and nothing is worked out here.
 */
import type { ScenarioRunResult } from '../../models/contract/index.js';
import type { Carrier } from '../../models/energy/carriers.js';

type DistrictAssessment = ScenarioRunResult['measured'];

export const SCENARIO_ROWS = [
  'electricityConsumption',
  'electricityGeneration',
  'electricityImport',
  'electricityExport',
  'heatConsumption',
  'gasConsumption',
  'districtHeatConsumption',
  'finalNet',
  'primaryNet',
  'co2',
] as const;
export type ScenarioRow = (typeof SCENARIO_ROWS)[number];

export interface RowValue {
  readonly value: number;
  readonly unit: 'kWh' | 't';
  readonly digits: number;
}

const carrierOf = (a: DistrictAssessment, carrier: Carrier) => a.balance.carriers.find((c) => c.carrier === carrier);

/** The figure of one row, or null when the district has no such carrier (the row is left out). */
export function rowValue(row: ScenarioRow, a: DistrictAssessment): RowValue | null {
  const kwh = (v: number | undefined): RowValue | null => (v === undefined ? null : { value: v, unit: 'kWh', digits: 0 });
  switch (row) {
    case 'electricityConsumption':
      return kwh(carrierOf(a, 'electricity')?.consumptionKwh);
    case 'electricityGeneration':
      return kwh(carrierOf(a, 'electricity')?.generationKwh);
    case 'electricityImport':
      return kwh(carrierOf(a, 'electricity')?.importKwh);
    case 'electricityExport':
      return kwh(carrierOf(a, 'electricity')?.exportKwh);
    case 'heatConsumption':
      return kwh(carrierOf(a, 'heat')?.consumptionKwh);
    case 'gasConsumption':
      return kwh(carrierOf(a, 'gas')?.consumptionKwh);
    case 'districtHeatConsumption':
      return kwh(carrierOf(a, 'district-heat')?.consumptionKwh);
    case 'finalNet':
      return kwh(a.energyPlus.finalEnergyNetKwh);
    case 'primaryNet':
      return kwh(a.energyPlus.primaryEnergy.total);
    case 'co2':
      return { value: a.co2Tonnes, unit: 't', digits: 2 };
  }
}
