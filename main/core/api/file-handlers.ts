/**
 * 'files.export', 'files.import' and 'files.job': reports, the district file and its backup as downloads, and the
 * building import from an uploaded file, each as a job with progress (file-jobs.ts). The import reads the whole
 * file before the district is touched, so a broken file changes nothing, and its error names the problem and where.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BuildingImportArgs, ExportArgs } from '../../../models/contract/index.js';
import type { ErrorCode } from '../../../models/error-codes.js';
import { ApiFailure } from '../base/failure.js';
import { appVersion } from '../base/app-root.js';
import { ImportError, importBuildings } from '../importers/import-buildings.js';
import { importProblemCode } from '../../../models/import-problem-codes.js';
import { mergeIntoStore } from '../importers/merge-into-store.js';
import { NoChromiumError } from '../reports/chromium-pdf.js';
import { exportReport } from '../reports/export-report.js';
import { ReportDataError } from '../reports/quality-stats.js';
import { PeriodError } from '../reports/report-period.js';
import type { Store, StoreAdmin } from '../store/store.js';
import type { Handlers } from './dispatch.js';
import type { FileJobs } from './file-jobs.js';

type FileHandlers = Pick<Handlers, 'files.export' | 'files.import' | 'files.job'>;

/** The name a download gets: what it is and when, e.g. plustwin-bericht-2025-01-01..2025-12-31.pdf. */
export function exportFileName(args: ExportArgs, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  switch (args.kind) {
    case 'report':
      return `plustwin-${args.lang === 'de' ? 'bericht' : 'report'}-${args.period}.${args.format}`;
    case 'district':
      return `plustwin-district-${day}.sqlite`;
    case 'backup':
      return `plustwin-backup-${day}.sqlite`;
  }
}

/** The user's file name, reduced to a safe last path segment. */
const safeName = (name: string): string => path.basename(name).replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'upload';

/** An import problem as a failure the UI says in the user's language, where the file's name replaces the scratch path. */
function importFailure(e: ImportError, fileName: string): ApiFailure {
  const where = `${fileName}${e.line === undefined ? '' : `:${e.line}${e.column === undefined ? '' : `:${e.column}`}`}`;
  const code: ErrorCode = /^invalid JSON|^unexpected|unterminated|truncated/i.test(e.problem)
    ? 'import.json'
    : e.problem === 'the file is empty'
      ? 'import.empty'
      : e.problem.startsWith('neither CityGML')
        ? 'import.format'
        : 'import.problem';
  // the problem's own code and values where it has one (models/import-problem-codes.ts), for the UI's language
  const own = importProblemCode(e.problem);
  const params = { ...(own === undefined ? {} : { ...own.params, problemCode: own.code }), file: fileName, line: e.line ?? 0, column: e.column ?? 0, problem: e.problem };
  return new ApiFailure('validation', `${where}: ${e.problem}`, where, { code, params });
}

/** A store that cannot copy itself (PostgreSQL) says so instead of failing half way. */
const adminOf = (store: Store): Pick<StoreAdmin, 'backup' | 'exportDistrict'> => {
  const admin = store as Partial<StoreAdmin>;
  if (typeof admin.backup !== 'function' || typeof admin.exportDistrict !== 'function') throw new ApiFailure('internal', 'this store cannot be exported as a district file');
  return admin as Pick<StoreAdmin, 'backup' | 'exportDistrict'>;
};

/** `jobs` is called on first use, so a core that never exports or imports never touches its exports folder. */
export function fileHandlers(store: Store, jobsOf: () => FileJobs): FileHandlers {
  return {
    'files.export': async (args) =>
      jobsOf().start(args.kind === 'report' ? 'report' : args.kind, exportFileName(args, new Date()), async ({ out, progress }) => {
        switch (args.kind) {
          case 'report':
            try {
              // the CSV per building: consumption, generation, import and export of each quarter hour, as the UI shows them
              const csvScope = 'building';
              await exportReport(store, { format: args.format, out, period: args.period, lang: args.lang, csvScope, appVersion: appVersion(), onProgress: (share) => progress(share) });
            } catch (e) {
              if (e instanceof PeriodError || e instanceof ReportDataError) throw new ApiFailure('validation', e.message, 'period');
              // the desktop app prints PDFs itself from its File menu; the core, here, needs a browser of its own
              if (e instanceof NoChromiumError) throw new ApiFailure('internal', e.message, 'format', { code: 'report.noChromium', params: {} });
              throw e;
            }
            return;
          case 'district':
            await adminOf(store).exportDistrict(out);
            return;
          case 'backup':
            await adminOf(store).backup(out);
            return;
        }
      }),
    'files.import': async ({ fileName, text, crs }: BuildingImportArgs) => {
      const name = safeName(fileName);
      return jobsOf().start(
        'import',
        name,
        async ({ dir, progress }) => {
          const file = path.join(dir, name);
          fs.writeFileSync(file, text, { mode: 0o600 });
          let result;
          try {
            result = await importBuildings(file, { ...(crs === undefined ? {} : { crs }), onProgress: (done, total) => progress(total > 0 ? (0.9 * done) / total : 0) });
          } catch (e) {
            if (e instanceof ImportError) throw importFailure(e, name);
            throw e;
          }
          if (result.buildings.length === 0) {
            throw new ApiFailure('validation', `${name}: no buildings found`, name, { code: 'import.noBuildings', params: { file: name } });
          }
          const counts = await mergeIntoStore(store, result, name);
          return {
            imported: { format: result.format, crs: result.crs, buildings: result.buildings.length, ...counts, roofSurfaces: result.roofs.length, warnings: result.warnings, warningDetails: result.warningDetails ?? [] },
          };
        },
        false,
      );
    },
    'files.job': async ({ id }) => jobsOf().get(id),
  };
}
