/**
 * 'history.preview' and 'history.import': a meter's past from CSV text (the UI reads the file, the core parses it).
 * A file with a bad line is refused whole, its lines named, so nothing is half imported.
 */
import {
  HistoryImportError,
  importHistoryCsv,
  previewHistoryCsv,
  previewView,
  type HistoryCsvOptions,
  type HistoryTarget,
} from '../importers/history-csv/history-import.js';
import { NotFoundError } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import type { Handlers } from './dispatch.js';
import { ApiFailure, notFound } from '../base/failure.js';

const optionsOf = (args: { kind?: HistoryCsvOptions['kind']; stampMarks?: 'start' | 'end'; unit?: HistoryCsvOptions['unit'] }): HistoryCsvOptions => ({
  ...(args.kind === undefined ? {} : { kind: args.kind }),
  ...(args.unit === undefined ? {} : { unit: args.unit }),
  ...(args.stampMarks === undefined ? {} : { stampMarks: args.stampMarks }),
});

export function historyHandlers(store: Store): Pick<Handlers, 'history.preview' | 'history.import'> {
  return {
    'history.preview': async (args) => previewView(previewHistoryCsv(args.csv, optionsOf(args))),
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
