/**
 * `plustwin history FILE.csv --db FILE --point ID [--preview]`: brings a meter's past into the district from a CSV
 * file (meter readings or a 15-minute load profile, German or international format). The preview shows what was
 * recognised and every bad line; an import writes all of it or nothing.
 */
import { readFileSync, statSync } from 'node:fs';
import { langFrom, numberFormatter, type NumberFormatter } from '../number-format.js';
import { decodeCsvBytes } from '../../../core/importers/history-csv/csv-lines.js';
import type { HistoryKind } from '../../../core/importers/history-csv/csv-layout.js';
import type { HistoryPreviewView } from '../../../../models/contract/index.js';
import { DEFAULT_LOCALE } from '../../../../models/i18n/locales.js';
import { HISTORY_KINDS, HISTORY_UNITS, type HistoryUnit } from '../../../../models/values.js';
import {
  HistoryImportError,
  importHistoryCsv,
  lineErrorText,
  previewHistoryCsv,
  previewView,
  type HistoryCsvOptions,
  type LineError,
} from '../../../core/importers/history-csv/history-import.js';
import { openExistingDistrict } from '../open-district.js';
import { NotFoundError } from '../../../core/store/sqlite-store.js';
import { UsageError, type CliCommand, type CliIo } from '../../common/command.js';
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
    throw new UsageError(`--unit must be one of ${HISTORY_UNITS.join(', ')}, got '${flags.unit}'`);
  if (flags.kind !== undefined && !(HISTORY_KINDS as readonly string[]).includes(flags.kind))
    throw new UsageError(`--kind must be one of ${HISTORY_KINDS.join(', ')}, got '${flags.kind}'`);
  if (flags.marks !== undefined && flags.marks !== 'start' && flags.marks !== 'end')
    throw new UsageError(`--marks must be start or end, got '${flags.marks}'`);
  return {
    ...(flags.kind === undefined ? {} : { kind: flags.kind as HistoryKind }),
    ...(flags.marks === undefined ? {} : { stampMarks: flags.marks as 'start' | 'end' }),
    ...(flags.unit === undefined ? {} : { unit: flags.unit as HistoryUnit }),
  };
}

function describe(p: HistoryPreviewView, f: NumberFormatter): string[] {
  const when = new Intl.DateTimeFormat(DEFAULT_LOCALE[f.lang], { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' });
  const source = { option: 'as given with --unit', header: 'from the column header', 'unit-line': "from the file's unit line", assumed: 'ASSUMED: the file does not say; check it or give --unit' }[p.unitSource];
  return [
    `UNIT ${p.unit} (${source})`,
    `times mark the quarter hour's ${p.stampMarks}: ${p.stampMarksReason}`,
    `kind ${p.kind}; delimiter '${p.delimiter === '\t' ? '\\t' : p.delimiter}'; decimal ${p.decimalComma ? 'comma' : 'point'}; times mark the ${p.stampMarks}`,
    `${p.rows} rows${p.first !== null && p.last !== null ? `, ${when.format(p.first)} to ${when.format(p.last)}` : ''}`,
    ...(p.errorCount === 0 ? [`${p.intervals} quarter hours, ${f.num(p.kwh, 1)} kWh`] : []),
  ];
}

const lineErrors = (p: { errors: readonly LineError[] }): string[] => p.errors.map(lineErrorText);

/** Ten years of 15-minute values are 350,400 rows of about 30 bytes (11 MB); far more is not one meter's history. */
const MAX_HISTORY_FILE_BYTES = 64 * 2 ** 20;

export const historyCommand: CliCommand = {
  name: 'history',
  summary: "import a meter's history from a CSV file (readings or a 15-minute load profile)",
  usage,
  async run(argv, io: CliIo) {
    const { flags, positional } = parseArgs(argv, { db: 'string', point: 'string', preview: 'boolean', kind: 'string', unit: 'string', marks: 'string', json: 'boolean', lang: 'string' });
    const [file, ...extra] = positional;
    if (file === undefined) throw new UsageError('missing the CSV file');
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const lang = langFrom(flags.lang, process.env.LANG);
    if (lang === null) throw new UsageError(`--lang must be de or en, got '${flags.lang}'`);
    const opts = options(flags);
    let text: string;
    try {
      // a file that is not there or too big is a problem with the input, not with how the command was typed: exit 1
      const size = statSync(file).size;
      if (size > MAX_HISTORY_FILE_BYTES) {
        io.err.write(`plustwin history: ${file}: ${Math.round(size / 2 ** 20)} MB is more than a history file may have (${MAX_HISTORY_FILE_BYTES / 2 ** 20} MB); split it by year\n`);
        return 1;
      }
      text = decodeCsvBytes(readFileSync(file));
    } catch (e) {
      io.err.write(`plustwin history: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
      return 1;
    }
    const f = numberFormatter(lang);

    if (flags.preview) {
      // every bad line, not only the first hundred the UI lists
      const p = previewView(previewHistoryCsv(text, opts), 8, Infinity);
      if (flags.json) io.out.write(JSON.stringify(p, null, 2) + '\n');
      else io.out.write([...describe(p, f), ...p.warnings.map((w) => `warning: ${lineErrorText(w)}`), ...lineErrors(p)].join('\n') + '\n');
      return p.errorCount === 0 ? 0 : 1;
    }

    if (flags.db === undefined) throw new UsageError('--db FILE is required');
    if (flags.point === undefined) throw new UsageError('--point ID is required');
    const store = await openExistingDistrict(flags.db);
    try {
      const result = await importHistoryCsv(store, flags.point, text, opts);
      io.out.write(
        flags.json
          ? JSON.stringify({ point: flags.point, ...result }, null, 2) + '\n'
          : `${flags.point}: ${result.rows} rows (${result.kind}, unit ${result.unit}) -> ${result.intervals} quarter hours written\n` +
              result.warnings.map((w) => `warning: ${lineErrorText(w)}\n`).join(''),
      );
      return 0;
    } catch (e) {
      if (e instanceof HistoryImportError) {
        io.err.write(`plustwin history: ${file}: ${e.errors.length} bad line(s), nothing imported\n${lineErrors(e).join('\n')}\n`);
        return 1;
      }
      if (e instanceof NotFoundError) {
        const district = await store.getDistrict();
        const energy = district?.points.filter((p) => p.kind === 'energy-counter' || p.kind === 'power').map((p) => p.id) ?? [];
        throw new UsageError(`--point: ${e.message}; points: ${energy.join(', ') || 'none'}`);
      }
      throw e;
    } finally {
      await store.close();
    }
  },
};
