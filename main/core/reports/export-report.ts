/**
 * One entry point for every report export, used by the CLI and the app's menu: assemble, then write PDF, XLSX or
 * CSV to a file. Files appear complete or not at all (written under a temp name, then renamed).
 */
import { createWriteStream, renameSync, rmSync, writeFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import type { FactorSet } from '../../../models/factors/factor-set.js';
import type { WeatherSeries } from '../../../models/weather/try-weather.js';
import type { Store } from '../store/store.js';
import { assembleReport, ReportDataError, type ProgressFn } from './assemble-report.js';
import { printReportPdf } from './chromium-pdf.js';
import { writeIntervalCsv, type CsvVariant } from './csv-writer.js';
import type { Language } from '../../../models/values.js';
import { prepareReportFolder, type ReportFolder } from './report-folder.js';
import { parsePeriod, type ReportPeriod } from './report-period.js';
import { writeReportXlsx } from './xlsx-writer.js';
import { costsCsv } from './costs-csv.js';

export type ReportFormat = 'pdf' | 'xlsx' | 'csv';

export interface ExportRequest {
  readonly format: ReportFormat;
  readonly out: string;
  /** A ReportPeriod, or text such as "2025", "2025-03" or "2025-01-01..2025-06-30" in the site's time zone. */
  readonly period: ReportPeriod | string;
  readonly buildingIds?: readonly string[];
  readonly lang?: Language;
  /** CSV only: 'de' (default when lang is de) or 'intl'. */
  readonly csvVariant?: CsvVariant;
  /** CSV only: one row per point (default) or per building and interval; 'costs': one row per building and carrier. */
  readonly csvScope?: 'point' | 'building' | 'costs';
  /** XLSX only: leave out the 15-minute sheets. */
  readonly xlsxIntervals?: boolean;
  readonly weather?: WeatherSeries;
  readonly primarySet?: FactorSet;
  readonly co2Set?: FactorSet;
  readonly appVersion?: string;
  /** PDF only: the Chromium to print with (found automatically otherwise). */
  readonly chromiumPath?: string;
  readonly onProgress?: ProgressFn;
}

export interface ExportResult {
  readonly file: string;
  readonly format: ReportFormat;
  readonly period: ReportPeriod;
  readonly buildings: number;
  /** CSV data rows or XLSX interval rows. */
  readonly rows?: number;
}

const scaled = (p: ProgressFn | undefined, a: number, b: number): ProgressFn => (s, what) => p?.(a + (b - a) * s, what);

/** What every format shares: the district, the period in its time zone and the assembly options. */
const reportSetup = async (store: Store, req: Omit<ExportRequest, 'format' | 'out'>) => {
  const district = await store.getDistrict();
  if (district === null) throw new ReportDataError(`the store ${store.path} holds no district yet`);
  const period = typeof req.period === 'string' ? parsePeriod(req.period, district.site.timezone) : req.period;
  const lang = req.lang ?? 'de';
  const common = {
    period,
    lang,
    ...(req.buildingIds === undefined ? {} : { buildingIds: req.buildingIds }),
    ...(req.weather === undefined ? {} : { weather: req.weather }),
    ...(req.primarySet === undefined ? {} : { primarySet: req.primarySet }),
    ...(req.co2Set === undefined ? {} : { co2Set: req.co2Set }),
    ...(req.appVersion === undefined ? {} : { appVersion: req.appVersion }),
  };
  return { district, period, lang, common };
};

/** The report page, ready to print, for a printer outside this process (Electron's printToPDF); the caller removes `dir`. */
export const prepareReportPage = async (
  store: Store,
  req: Omit<ExportRequest, 'format' | 'out'>,
): Promise<Pick<ReportFolder, 'dir' | 'htmlFile' | 'headerTemplate' | 'footerTemplate'>> => {
  const { common } = await reportSetup(store, req);
  const data = await assembleReport(store, { ...common, onProgress: scaled(req.onProgress, 0, 1) });
  const { dir, htmlFile, headerTemplate, footerTemplate } = prepareReportFolder(data);
  return { dir, htmlFile, headerTemplate, footerTemplate };
};

export const exportReport = async (store: Store, req: ExportRequest): Promise<ExportResult> => {
  const { district, period, lang, common } = await reportSetup(store, req);
  const out = path.resolve(req.out);
  const buildings = req.buildingIds?.length ?? district.buildings.length;
  switch (req.format) {
    case 'pdf': {
      const data = await assembleReport(store, { ...common, onProgress: scaled(req.onProgress, 0, 0.6) });
      req.onProgress?.(0.6, 'rendering');
      const folder = prepareReportFolder(data);
      try {
        req.onProgress?.(0.7, 'printing');
        await printReportPdf(folder, out, req.chromiumPath === undefined ? {} : { executablePath: req.chromiumPath });
      } finally {
        folder.cleanup();
      }
      req.onProgress?.(1, 'done');
      return { file: out, format: 'pdf', period, buildings };
    }
    case 'xlsx': {
      const data = await assembleReport(store, { ...common, onProgress: scaled(req.onProgress, 0, 0.3) });
      const tmp = `${out}.${process.pid}.tmp`;
      try {
        const r = await writeReportXlsx(store, data, tmp, {
          onProgress: scaled(req.onProgress, 0.3, 1),
          ...(req.xlsxIntervals === undefined ? {} : { intervals: req.xlsxIntervals }),
        });
        renameSync(tmp, out);
        return { file: out, format: 'xlsx', period, buildings, rows: r.intervalRows };
      } catch (e) {
        rmSync(tmp, { force: true });
        throw e;
      }
    }
    case 'csv': {
      const tmp = `${out}.${process.pid}.tmp`;
      if (req.csvScope === 'costs') {
        const data = await assembleReport(store, { ...common, onProgress: scaled(req.onProgress, 0, 0.9) });
        const variant = req.csvVariant ?? (lang === 'de' ? 'de' : 'intl');
        const section = data.costs ?? { hasTariffs: false, rows: [], rules: [] };
        writeFileSync(tmp, costsCsv(section, variant, period.from, period.to, data.timeZone));
        renameSync(tmp, out);
        req.onProgress?.(1, 'done');
        return { file: out, format: 'csv', period, buildings, rows: section.rows.length };
      }
      const stream = createWriteStream(tmp);
      try {
        const r = await writeIntervalCsv(store, stream, {
          variant: req.csvVariant ?? (lang === 'de' ? 'de' : 'intl'),
          from: period.from,
          to: period.to,
          scope: req.csvScope === 'building' ? 'building' : 'point',
          ...(req.buildingIds === undefined ? {} : { buildingIds: req.buildingIds }),
          ...(req.onProgress === undefined ? {} : { onProgress: req.onProgress }),
        });
        stream.end();
        await finished(stream);
        renameSync(tmp, out);
        return { file: out, format: 'csv', period, buildings, rows: r.rows };
      } catch (e) {
        stream.destroy();
        rmSync(tmp, { force: true });
        throw e;
      }
    }
  }
};
