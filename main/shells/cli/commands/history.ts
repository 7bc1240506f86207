/**
 * `plustwin history FILE.csv --db FILE --point ID [--preview]`: brings a meter's past into the district from a CSV
 * file (meter readings or a 15-minute load profile, German or international format). The preview shows what was
 * recognised and every bad line; an import writes all of it or nothing.
 */
import { cliTextLoose } from '../messages.js';
import { readFileSync, statSync } from 'node:fs';
import { numberFormatter, type NumberFormatter } from '../number-format.js';
import { usageError } from '../cli-error.js';
import { commandLang } from '../command-lang.js';
import { decodeCsvBytes } from '../../../core/importers/history-csv/csv-lines.js';
import type { HistoryKind } from '../../../core/importers/history-csv/csv-layout.js';
import type { HistoryPreviewView, StampMarksWhy } from '../../../../models/contract/index.js';
import { DEFAULT_LOCALE } from '../../../../models/i18n/locales.js';
import { HISTORY_KINDS, HISTORY_UNITS, type HistoryUnit } from '../../../../models/values.js';
import {
  HistoryImportError,
  importHistoryCsv,
  previewHistoryCsv,
  previewView,
  type HistoryCsvOptions,
  type LineError,
} from '../../../core/importers/history-csv/history-import.js';
import { openExistingDistrict } from '../open-district.js';
import { NotFoundError } from '../../../core/store/sqlite-store.js';
import type { CliCommand, CliIo } from '../../common/command.js';
import { parseArgs } from '../../common/args.js';

const usage = `usage: plustwin history FILE.csv --db FILE --point ID [--preview] [--kind K] [--unit U] [--marks start|end] [--json] [--lang de|en]

Imports the history of one point from a CSV file: cumulative meter readings (turned into 15-minute energies by the
same engine as live data) or a 15-minute load profile (kWh per quarter hour or mean kW), as utilities and meter
portals export them: semicolon or comma, decimal comma or point, dd.mm.yyyy hh:mm or ISO times, Europe/Berlin.
Importing the same period again replaces it. A file with a bad line is not imported at all; every bad line is
listed with its number.
  --db FILE          the district file
  --point ID         the energy point the history belongs to (an id from the district)
  --preview          show what would be imported and every bad line; write nothing
  --kind K           readings, profile-kwh or profile-kw, when the columns do not say
  --unit U           the values' unit: W, kW, Wh, kWh, MWh or GJ (overrides a unit in the header, "Wert [kW]", or an
                     "Einheit;kW" line); values are converted to kWh or kW, and the preview prints the unit it applied
  --marks start|end  a profile's times mark the quarter hour's start or end (decided from the whole file otherwise)
  --json             print the result as JSON
  --lang de|en       number and date format (default from LANG)`;


function options(flags: { kind?: string; marks?: string; unit?: string }): HistoryCsvOptions {
  if (flags.unit !== undefined && !(HISTORY_UNITS as readonly string[]).includes(flags.unit))
    throw usageError('usage.oneOf', { flag: '--unit', values: HISTORY_UNITS.join(', '), got: flags.unit });
  if (flags.kind !== undefined && !(HISTORY_KINDS as readonly string[]).includes(flags.kind))
    throw usageError('usage.oneOf', { flag: '--kind', values: HISTORY_KINDS.join(', '), got: flags.kind });
  if (flags.marks !== undefined && flags.marks !== 'start' && flags.marks !== 'end')
    throw usageError('usage.oneOf', { flag: '--marks', values: 'start, end', got: flags.marks });
  return {
    ...(flags.kind === undefined ? {} : { kind: flags.kind as HistoryKind }),
    ...(flags.marks === undefined ? {} : { stampMarks: flags.marks as 'start' | 'end' }),
    ...(flags.unit === undefined ? {} : { unit: flags.unit as HistoryUnit }),
  };
}

function describe(p: HistoryPreviewView, f: NumberFormatter): string[] {
  const t = f.t;
  const when = new Intl.DateTimeFormat(DEFAULT_LOCALE[f.lang], { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' });
  const marks = t(`history.marks.${p.stampMarks}`);
  return [
    t('history.unit', { unit: p.unit, source: t(`history.unitSource.${p.unitSource}`) }),
    t('history.marks', { marks, reason: whyText(f, p.stampMarksWhy) }),
    t('history.layout', { kind: kindText(f, p.kind), delimiter: p.delimiter === '\t' ? '\\t' : p.delimiter, decimal: t(p.decimalComma ? 'history.decimal.comma' : 'history.decimal.point'), marks }),
    p.first !== null && p.last !== null ? t('history.span', { rows: p.rows, first: when.format(p.first), last: when.format(p.last) }) : t('history.rows', { rows: p.rows }),
    ...(p.errorCount === 0 ? [t('history.energy', { intervals: p.intervals, kwh: f.num(p.kwh, 1) })] : []),
  ];
}

/** What decided starts or ends: the evidence in the file, or the basis when there is none. */
const whyText = (f: NumberFormatter, why: StampMarksWhy): string =>
  why.basis === 'evidence' ? why.evidence.map((e) => f.t(`history.evidence.${e}`)).join(', ') : f.t(`history.why.${why.basis}`);

const kindText = (f: NumberFormatter, kind: string): string =>
  (HISTORY_KINDS as readonly string[]).includes(kind) ? f.t(`history.kind.${kind as HistoryKind}`) : kind;

/** A bad line in the run's language (its code's text; the core's English words for a problem without one). */
const lineText = (f: NumberFormatter, e: LineError): string => {
  const message = cliTextLoose(f.lang, `history.problem.${e.code}`, e.params) ?? e.message;
  return e.line > 0 ? f.t('history.line', { line: String(e.line), message }) : message;
};
const lineErrors = (f: NumberFormatter, p: { errors: readonly LineError[] }): string[] => p.errors.map((e) => lineText(f, e));

/** Ten years of 15-minute values are 350,400 rows of about 30 bytes (11 MB); far more is not one meter's history. */
const MAX_HISTORY_FILE_BYTES = 64 * 2 ** 20;

export const historyCommand: CliCommand = {
  name: 'history',
  summary: "import a meter's history from a CSV file (readings or a 15-minute load profile)",
  usage,
  async run(argv, io: CliIo) {
    const { flags, positional } = parseArgs(argv, { db: 'string', point: 'string', preview: 'boolean', kind: 'string', unit: 'string', marks: 'string', json: 'boolean', lang: 'string' });
    const [file, ...extra] = positional;
    if (file === undefined) throw usageError('history.missingFile');
    if (extra.length > 0) throw usageError('usage.unexpected', { arg: extra[0] as string });
    const lang = commandLang(flags.lang);
    const f = numberFormatter(lang);
    const t = f.t;
    const opts = options(flags);
    let text: string;
    try {
      // a file that is not there or too big is a problem with the input, not with how the command was typed: exit 1
      const size = statSync(file).size;
      if (size > MAX_HISTORY_FILE_BYTES) {
        io.err.write(`plustwin history: ${t('history.tooBig', { file, mb: Math.round(size / 2 ** 20), max: MAX_HISTORY_FILE_BYTES / 2 ** 20 })}\n`);
        return 1;
      }
      text = decodeCsvBytes(readFileSync(file));
    } catch (e) {
      io.err.write(`plustwin history: ${t('file.cannotRead', { file, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? t('file.noSuchFile') : (e as Error).message })}\n`);
      return 1;
    }

    if (flags.preview) {
      // every bad line, not only the first hundred the UI lists
      const p = previewView(previewHistoryCsv(text, opts), 8, Infinity);
      if (flags.json) io.out.write(JSON.stringify(p, null, 2) + '\n');
      else io.out.write([...describe(p, f), ...p.warnings.map((w) => t('warning', { text: lineText(f, w) })), ...lineErrors(f, p)].join('\n') + '\n');
      return p.errorCount === 0 ? 0 : 1;
    }

    if (flags.db === undefined) throw usageError('usage.required', { flag: '--db FILE' });
    if (flags.point === undefined) throw usageError('usage.required', { flag: '--point ID' });
    const store = await openExistingDistrict(flags.db);
    try {
      const result = await importHistoryCsv(store, flags.point, text, opts);
      io.out.write(
        flags.json
          ? JSON.stringify({ point: flags.point, ...result }, null, 2) + '\n'
          : t('history.imported', { point: flags.point, rows: result.rows, kind: kindText(f, result.kind), unit: result.unit, intervals: result.intervals }) + '\n' +
              result.warnings.map((w) => t('warning', { text: lineText(f, w) }) + '\n').join(''),
      );
      return 0;
    } catch (e) {
      if (e instanceof HistoryImportError) {
        io.err.write(`plustwin history: ${t('history.refused', { file, count: e.errors.length })}\n${lineErrors(f, e).join('\n')}\n`);
        return 1;
      }
      if (e instanceof NotFoundError) {
        const district = await store.getDistrict();
        const energy = district?.points.filter((p) => p.kind === 'energy-counter' || p.kind === 'power').map((p) => p.id) ?? [];
        throw usageError('history.noPoint', { problem: e.message, points: energy.join(', ') || t('history.none') });
      }
      throw e;
    } finally {
      await store.close();
    }
  },
};
