/**
 * The report page on disk: a temp folder with report.html and chart.umd.js (copied from node_modules/chart.js as a
 * file, never fetched from a network), ready for a headless Chromium or for Electron's printToPDF.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReportData } from './report-data.js';
import { renderReportHtml } from './report-html.js';

export interface ReportFolder {
  readonly dir: string;
  readonly htmlFile: string;
  readonly headerTemplate: string;
  readonly footerTemplate: string;
  /** Number of charts the page draws; the page sets body[data-charts] to the number it drew. */
  readonly chartCount: number;
  cleanup(): void;
}

/** The UMD build of chart.js, located through the package's own entry point. */
export const chartJsFile = (): string => {
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.js');
  if (!existsSync(file)) throw new Error(`chart.js UMD build not found at ${file}`);
  return file;
};

export const prepareReportFolder = (data: ReportData): ReportFolder => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plustwin-report-'));
  try {
    copyFileSync(chartJsFile(), path.join(dir, 'chart.umd.js'));
    const r = renderReportHtml(data, 'chart.umd.js');
    const htmlFile = path.join(dir, 'report.html');
    writeFileSync(htmlFile, r.html, 'utf8');
    return {
      dir,
      htmlFile,
      headerTemplate: r.headerTemplate,
      footerTemplate: r.footerTemplate,
      chartCount: r.charts.length,
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
};
