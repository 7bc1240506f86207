/** What-if scenarios: measures applied to the measured district and assessed by the same analysis. */
import type { Period } from '../energy/period.js';
import type { FactorSetRef } from '../factors/factor-set.js';
import type { DistrictAssessment, MeasureEffect } from '../scenarios/index.js';
import type { MeasureInput } from '../scenarios/measures.js';
import type { AnalysisArgs } from './analysis.js';

/** Measures as the UI sends them (models/scenarios/measures.ts). */
export type ScenarioMeasureInput = MeasureInput;

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
