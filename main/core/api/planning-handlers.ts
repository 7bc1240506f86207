/**
 * 'planning.reportCategories' and 'planning.setReportCategory': each building's Energiebericht category, and the
 * user's choice of one (or clearing it). 'planning.export': a planning file (heat plan, BISKO, energy report) written to a temp folder and answered as
 * base64 for the UI to download; the folder is removed either way. Files are district-sized: a city's heat plan
 * belongs to `plustwin heat-plan` (the answer names the limit).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Store } from '../store/store.js';
import { ApiFailure } from '../base/failure.js';
import { PLANNING_FILE, writePlanningFile } from '../planning/planning-file.js';
import { readBenchmarks } from '../planning/benchmarks-file.js';
import { setReportCategory } from '../planning/planning-attributes.js';
import { reportCategories } from '../planning/report-categories.js';
import type { Handlers } from './dispatch.js';

/** Largest file answered through the API (base64 grows it by a third). */
export const MAX_PLANNING_FILE_BYTES = 64 * 1024 * 1024;

export function planningHandlers(store: Store): Pick<Handlers, 'planning.export' | 'planning.reportCategories' | 'planning.setReportCategory'> {
  return {
    'planning.reportCategories': async () => reportCategories(store, readBenchmarks()),
    'planning.setReportCategory': async ({ buildingId, category }) => {
      const r = await setReportCategory(store, buildingId, category);
      if (!r.ok) throw new ApiFailure(r.error.kind, r.error.message, r.error.where);
      return { buildingId, category: r.value };
    },
    'planning.export': async ({ kind, year, lang }) => {
      if ((await store.getDistrict()) === null) throw new ApiFailure('not-found', 'this data file holds no district yet');
      const dir = mkdtempSync(path.join(tmpdir(), 'plustwin-planning-'));
      try {
        const spec = PLANNING_FILE[kind];
        const file = path.join(dir, spec.name(year));
        await writePlanningFile(store, kind, year, lang ?? 'de', file);
        const bytes = statSync(file).size;
        if (bytes > MAX_PLANNING_FILE_BYTES) {
          throw new ApiFailure('validation', `the file has ${bytes} bytes, more than the ${MAX_PLANNING_FILE_BYTES} the app hands over; use the command line (plustwin heat-plan, bisko, energy-report)`, 'kind');
        }
        return { fileName: spec.name(year), mimeType: spec.mimeType, base64: readFileSync(file).toString('base64'), bytes };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
