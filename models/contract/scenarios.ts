/** What-if scenarios: measures applied to the measured district and assessed by the same analysis. */
import type { Carrier } from '../energy/carriers.js';
import type { Period } from '../energy/period.js';
import type { FactorSetRef } from '../factors/factor-set.js';
import type { DistrictAssessment, MeasureEffect } from '../scenarios/index.js';
import type { AnalysisArgs } from './analysis.js';

/** Measures as the UI sends them; 'pv-potential' takes the building's stored (or assumed) roofs. */
export type ScenarioMeasureInput =
  | { readonly kind: 'pv'; readonly buildingId: string; readonly kwp: number; readonly tiltDeg: number; readonly azimuthDeg: number }
  | { readonly kind: 'pv-potential'; readonly buildingId: string; readonly share?: number }
  | {
      readonly kind: 'battery';
      readonly buildingId: string;
      readonly capacityKwh: number;
      readonly powerKw: number;
      readonly roundTripEfficiency: number;
      readonly initialSoc?: number;
    }
  | {
      readonly kind: 'heat-pump';
      readonly buildingId: string;
      readonly scop: number;
      readonly replaces?: 'gas' | 'oil' | 'lpg';
      readonly boilerEfficiency?: number;
    }
  | { readonly kind: 'efficiency'; readonly buildingId: string; readonly carrier: Carrier | '*'; readonly saving: number };

export interface ScenarioArgs extends AnalysisArgs {
  readonly id?: string;
  readonly name?: string;
  readonly measures: readonly ScenarioMeasureInput[];
}

export interface ScenarioRunResult {
  readonly scenario: { readonly id: string; readonly name: string };
  readonly period: Period;
  readonly factorSets: { readonly primary: FactorSetRef; readonly co2: FactorSetRef };
  readonly measured: DistrictAssessment;
  readonly simulated: DistrictAssessment;
  readonly effects: readonly MeasureEffect[];
  readonly assumptions: readonly string[];
}

export interface ScenarioMethods {
  'scenario.run': { args: ScenarioArgs; result: ScenarioRunResult };
}
