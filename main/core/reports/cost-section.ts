/**
 * The costs of a report: the analysis' cost figures per building and for the district (nothing computed here), as
 * rows for the PDF page, the XLSX sheet and the costs CSV, so that the three print the same figures.
 */
import type { CarrierCost, CostFigures, DistrictAnalysis } from '../../../models/contract/index.js';
import type { AnalysisNote } from '../../../models/i18n/analysis-notes.js';
import { COST_NOTE_KEYS } from '../analysis/period-costs.js';

export interface CostRow {
  /** Building id, or 'district'. */
  readonly id: string;
  readonly name: string;
  /** null: the subject's total over its carriers. */
  readonly carrier: CarrierCost['carrier'] | null;
  readonly energyEur: number;
  readonly fixedEur: number;
  readonly feedInEur: number;
  readonly netEur: number;
  readonly referenceEur: number;
  readonly savingsEur: number;
  readonly unpricedImportKwh: number;
}

export interface CostSection {
  readonly hasTariffs: boolean;
  /** Per building: one row per carrier, then its total; last the district's. */
  readonly rows: readonly CostRow[];
  /** The cost rules as the analysis states them (printed in the report's language). */
  readonly rules: readonly AnalysisNote[];
}

const rowOf = (id: string, name: string, carrier: CostRow['carrier'], c: CarrierCost | CostFigures): CostRow => ({
  id,
  name,
  carrier,
  energyEur: c.energyEur,
  fixedEur: c.fixedEur,
  feedInEur: c.feedInEur,
  netEur: c.netEur,
  referenceEur: c.referenceEur,
  savingsEur: c.savingsEur,
  unpricedImportKwh: c.unpricedImportKwh,
});

const subjectRows = (id: string, name: string, c: CostFigures): CostRow[] =>
  c.hasTariffs ? [...c.carriers.map((x) => rowOf(id, name, x.carrier, x)), rowOf(id, name, null, c)] : [];

export const costSection = (a: DistrictAnalysis): CostSection => ({
  hasTariffs: a.district.costs.hasTariffs,
  rows: [...a.buildings.flatMap((b) => subjectRows(b.buildingId, b.name, b.costs)), ...subjectRows('district', 'district', a.district.costs)],
  rules: a.notes.filter((n) => COST_NOTE_KEYS.includes(n.key)),
});
