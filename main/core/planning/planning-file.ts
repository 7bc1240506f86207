/**
 * One planning file of a kind, written to a path: the entry the API's 'planning.export' uses (and any other way
 * in that needs a file), composing the same functions as `plustwin heat-plan`, `bisko` and `energy-report`.
 */
import { LIFE_CYCLE_GEMIS } from '../../../models/factors/life-cycle.js';
import { setForYear } from '../../../models/factors/by-year.js';
import { biskoBalance } from '../../../models/planning/bisko.js';
import type { PlanningExportKind } from '../../../models/values.js';
import type { Store } from '../store/store.js';
import { readBenchmarks } from './benchmarks-file.js';
import { writeBisko } from './bisko-export.js';
import { biskoInputs } from './bisko-inputs.js';
import { energyReportData } from './energy-report-data.js';
import { writeEnergyReportPdf, writeEnergyReportXlsx } from './energy-report-export.js';
import { exportHeatPlan } from './export-heat-plan.js';
import type { PlanningLang } from './planning-messages.js';

export const PLANNING_FILE: Readonly<Record<PlanningExportKind, { readonly name: (year: number) => string; readonly mimeType: string }>> = {
  'heat-plan-gpkg': { name: (y) => `waermeplan-${y}.gpkg`, mimeType: 'application/geopackage+sqlite3' },
  'bisko-xlsx': { name: (y) => `bisko-${y}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  'bisko-csv': { name: (y) => `bisko-${y}.csv`, mimeType: 'text/csv' },
  'energy-report-pdf': { name: (y) => `energiebericht-${y}.pdf`, mimeType: 'application/pdf' },
  'energy-report-xlsx': { name: (y) => `energiebericht-${y}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
};

export class PlanningFileError extends Error {
  override readonly name = 'PlanningFileError';
}

export async function writePlanningFile(store: Store, kind: PlanningExportKind, year: number, lang: PlanningLang, file: string): Promise<void> {
  switch (kind) {
    case 'heat-plan-gpkg': {
      const r = await exportHeatPlan(store, { gpkg: file, lastYear: year });
      if (!r.ok) throw new PlanningFileError(r.error.message);
      return;
    }
    case 'bisko-xlsx':
    case 'bisko-csv': {
      const { inputs, leftOut } = await biskoInputs(store, year);
      await writeBisko(file, biskoBalance(year, inputs, setForYear(LIFE_CYCLE_GEMIS, year)), lang, leftOut);
      return;
    }
    case 'energy-report-pdf':
    case 'energy-report-xlsx': {
      const report = await energyReportData(store, readBenchmarks(), { year });
      if (kind === 'energy-report-pdf') await writeEnergyReportPdf(file, report, lang);
      else await writeEnergyReportXlsx(file, report, lang);
      return;
    }
  }
}
