/** What-if scenarios: measures applied to the measured district and assessed by the same analysis. */
import type { Carrier } from '../energy/carriers.js';
import type { Period } from '../energy/period.js';
import type { FactorSetRef } from '../factors/factor-set.js';
import type { DistrictAssessment, MeasureEffect } from '../scenarios/index.js';
import type { MeasureInput } from '../scenarios/measures.js';
import type { AnalysisNote } from '../i18n/analysis-notes.js';
import type { CostFigures } from '../tariffs/costs.js';
import type { AnalysisArgs } from './analysis.js';

/** Measures as the UI sends them (models/scenarios/measures.ts). */
export type ScenarioMeasureInput = MeasureInput;

export interface ScenarioArgs extends AnalysisArgs {
  readonly id?: string;
  readonly name?: string;
  readonly measures: readonly ScenarioMeasureInput[];
}

/** The costs of one state (measured or simulated) under the buildings' tariffs, as the analysis computes them. */
export interface StateCosts {
  /** The buildings' costs added up (each behind its own meter). */
  readonly district: CostFigures;
  readonly buildings: readonly { readonly buildingId: string; readonly costs: CostFigures }[];
}

/** simulated - measured, EUR, for the district: per part and each carrier's energy cost (negative = cheaper). */
export interface CostDifference {
  readonly energyEur: number;
  readonly fixedEur: number;
  readonly feedInEur: number;
  readonly netEur: number;
  readonly carriers: readonly { readonly carrier: Carrier; readonly energyEur: number }[];
}

export interface ScenarioCosts {
  readonly measured: StateCosts;
  readonly simulated: StateCosts;
  readonly difference: CostDifference;
  /** measured net - simulated net, EUR: positive = the scenario costs less. The effects' savingEur add up to it. */
  readonly savingEur: number;
}

export interface ScenarioRunResult {
  readonly scenario: { readonly id: string; readonly name: string };
  readonly period: Period;
  readonly factorSets: { readonly primary: FactorSetRef; readonly co2: FactorSetRef };
  readonly measured: DistrictAssessment;
  readonly simulated: DistrictAssessment;
  /** Each effect with savingEur: what its measure saves, priced on the profiles just before and after it. */
  readonly effects: readonly MeasureEffect[];
  readonly costs: ScenarioCosts;
  /** The assumptions in English (made from notes). */
  readonly assumptions: readonly string[];
  /** The assumptions as notes every surface prints in its language (noteText). */
  readonly notes: readonly AnalysisNote[];
}

export interface ScenarioMethods {
  'scenario.run': { args: ScenarioArgs; result: ScenarioRunResult };
}
