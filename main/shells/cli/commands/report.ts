/** `plustwin report`: a PDF, XLSX or CSV report of a district file for energy consultants. */
import { existsSync, readFileSync } from 'node:fs';
import { parseTryCsv, type WeatherSeries } from '../../../../models/weather/try-weather.js';
import { tryFilePath } from '../../../core/analysis/weather.js';
import type { CliCommand } from '../../common/command.js';
import { cliFailure, usageError } from '../cli-error.js';
import { cliText, cliTextLoose } from '../messages.js';
import { parseArgs } from '../../common/args.js';
import { appVersion } from '../../../core/base/app-root.js';
import { checkSource, openSource, sourceUsage } from '../open-source.js';
import type { ReportFormat } from '../../../core/reports/export-report.js';
import { isLanguage, type Language } from '../../../../models/values.js';
import { PeriodError } from '../../../core/reports/report-period.js';
import { progressBar } from '../../../core/reports/progress-bar.js';

const usage = `usage: plustwin report (--db FILE | --pg URL [--site ID]) --period PERIOD --format pdf|xlsx|csv --out FILE
                       [--buildings ID,...] [--lang de|en] [--weather TRY.csv]
                       [--csv de|intl] [--csv-scope point|building|costs] [--no-intervals]

Writes a report of the district in a PlusTwin data file or of one site of a fleet's central database.
${sourceUsage(19)}
  --period PERIOD    2025, 2025-03, 2025-03-30 or 2025-01-01..2025-06-30 (end inclusive), in the site's time zone
  --format F         pdf: the consultant's report (needs a Chromium: /usr/bin/chromium or PLUSTWIN_CHROMIUM)
                     xlsx: buildings, monthly balances, 15-minute intervals with quality, factors
                     csv: 15-minute intervals, streamed
  --out FILE         where to write it (written under a temp name, then renamed)
  --buildings IDS    comma-separated building ids (default: all)
  --lang de|en       language of texts and numbers (default de)
  --weather FILE     a DWD test-reference-year CSV (15 min) for PV potential and the scenario comparison
                     (default: the shipped Essen TRY, region 5 = the Ruhr area)
  --csv de|intl      CSV variant: de = semicolon, decimal comma, local time with offset (default with --lang de);
                     intl = comma, decimal point, UTC
  --csv-scope S      point (one row per point and interval, default), building (four roles per row) or
                     costs (one row per building and carrier under the stored tariffs)
  --no-intervals     XLSX without the 15-minute sheets`;

const FORMATS: readonly ReportFormat[] = ['pdf', 'xlsx', 'csv'];

/** A step the report names while it works ('analysis'), in the language; a building or point id stays as it is. */
const stepText = (lang: Language, what: string): string => cliTextLoose(lang, `report.step.${what}`) ?? what;

const loadWeather = (file: string): WeatherSeries => {
  if (!existsSync(file)) throw usageError('usage.noFile', { flag: '--weather', file });
  const w = parseTryCsv(readFileSync(file, 'utf8'), file);
  if (!w.ok) throw cliFailure('report.weather', { problem: `${w.error.message}${w.error.where === undefined ? '' : ` at ${w.error.where}`}` });
  return w.value;
};

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'write a PDF, XLSX or CSV report of a district file',
  usage,
  async run(argv, io) {
    const { positional, flags } = parseArgs(argv, {
      db: 'string',
      pg: 'string',
      site: 'string',
      period: 'string',
      format: 'string',
      out: 'string',
      buildings: 'string',
      lang: 'string',
      weather: 'string',
      csv: 'string',
      'csv-scope': 'string',
      'no-intervals': 'boolean',
    });
    if (positional.length > 0) throw usageError('usage.unexpected', { arg: positional[0] as string });
    checkSource(flags);
    if (flags.period === undefined) throw usageError('usage.required', { flag: '--period' });
    if (flags.out === undefined) throw usageError('usage.required', { flag: '--out' });
    const format = flags.format as ReportFormat | undefined;
    if (format === undefined || !FORMATS.includes(format)) throw usageError('usage.oneOf', { flag: '--format', values: FORMATS.join(', '), got: flags.format ?? '' });
    const lang = flags.lang ?? 'de';
    if (!isLanguage(lang)) throw usageError('usage.lang', { got: lang });
    const t = cliText(lang);
    const csv = flags.csv;
    if (csv !== undefined && csv !== 'de' && csv !== 'intl') throw usageError('report.csv', { got: csv });
    const scope = flags['csv-scope'];
    if (scope !== undefined && scope !== 'point' && scope !== 'building' && scope !== 'costs') throw usageError('report.csvScope', { got: scope });
    const buildingIds = flags.buildings?.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (buildingIds !== undefined && buildingIds.length === 0) throw usageError('report.noBuildings');
    const weather = loadWeather(flags.weather ?? tryFilePath());
    const store = await openSource(flags);
    const bar = progressBar(io.err);
    try {
      // loaded here: the writers bring exceljs and playwright-core, which the other commands do not need
      const { exportReport } = await import('../../../core/reports/export-report.js');
      const r = await exportReport(store, {
        format,
        out: flags.out,
        period: flags.period,
        lang,
        appVersion: appVersion(),
        ...(buildingIds === undefined ? {} : { buildingIds }),
        ...(weather === undefined ? {} : { weather }),
        ...(csv === undefined ? {} : { csvVariant: csv }),
        ...(scope === undefined ? {} : { csvScope: scope }),
        ...(flags['no-intervals'] ? { xlsxIntervals: false } : {}),
        onProgress: (s, what) => bar.update(s, stepText(lang, what)),
      });
      bar.done();
      const done = r.rows === undefined ? t('report.written', { file: r.file, format: r.format, buildings: r.buildings }) : t('report.writtenRows', { file: r.file, format: r.format, buildings: r.buildings, rows: r.rows });
      io.out.write(done + '\n');
      return 0;
    } catch (e) {
      bar.done();
      if (e instanceof PeriodError) throw usageError('usage.period', { problem: e.message });
      throw e;
    } finally {
      await store.close();
    }
  },
};
