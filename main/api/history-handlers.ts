/**
 * 'history.preview' and 'history.import': a meter's past from CSV text (the UI reads the file, the core parses it).
 * A file with a bad line is refused whole, its lines named, so nothing is half imported.
 */
import type { HistoryPreviewView } from '../../models/contract.js';
import {
  HistoryImportError,
  importHistoryCsv,
  previewHistoryCsv,
  type HistoryCsvOptions,
  type HistoryTarget,
} from '../importers/history-csv/history-import.js';
import { NotFoundError } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import type { Handlers } from './dispatch.js';
import { ApiFailure, notFound } from './api-failure.js';

const SAMPLE_ROWS = 8;
const LISTED_ERRORS = 100;

const optionsOf = (args: { kind?: HistoryCsvOptions['kind']; stampMarks?: 'start' | 'end' }): HistoryCsvOptions => ({
  ...(args.kind === undefined ? {} : { kind: args.kind }),
  ...(args.stampMarks === undefined ? {} : { stampMarks: args.stampMarks }),
});

export function historyHandlers(store: Store): Pick<Handlers, 'history.preview' | 'history.import'> {
  return {
    'history.preview': async (args): Promise<HistoryPreviewView> => {
      const p = previewHistoryCsv(args.csv, optionsOf(args));
      return {
        kind: p.kind,
        delimiter: p.delimiter,
        decimalComma: p.decimalComma,
        stampMarks: p.stampMarks,
        rows: p.rows.length,
        first: p.rows[0]?.ts ?? null,
        last: p.rows[p.rows.length - 1]?.ts ?? null,
        intervals: p.intervals.length,
        kwh: p.intervals.reduce((a, i) => a + i.kwh, 0),
        sample: p.rows.slice(0, SAMPLE_ROWS),
        errors: p.errors.slice(0, LISTED_ERRORS),
        errorCount: p.errors.length,
      };
    },
    'history.import': async ({ pointId, ...args }) => {
      const target = store as Partial<HistoryTarget>;
      if (typeof target.replaceHistory !== 'function') throw new ApiFailure('internal', 'this store cannot import history');
      try {
        return { pointId, ...(await importHistoryCsv(target as HistoryTarget, pointId, args.csv, optionsOf(args))) };
      } catch (e) {
        if (e instanceof HistoryImportError) throw new ApiFailure('validation', e.message, 'csv');
        if (e instanceof NotFoundError) throw notFound('energy point', pointId);
        throw e;
      }
    },
  };
}
