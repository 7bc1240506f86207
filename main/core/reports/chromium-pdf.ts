/**
 * PDF through a headless Chromium (playwright-core driving the system's browser), for serve mode and the CLI.
 * Electron prints the same report page with webContents.printToPDF instead (see docs/reports.md).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReportFolder } from './report-folder.js';

/** Where a Chromium is looked for when PLUSTWIN_CHROMIUM is not set. */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** No browser to print with: the message says what was tried and how to fix it. */
export class NoChromiumError extends Error {
  override readonly name = 'NoChromiumError';
}

/** The browser to use: PLUSTWIN_CHROMIUM when set (it must exist), else the first candidate that exists. */
export const findChromium = (env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = CHROMIUM_CANDIDATES): string => {
  const wanted = env['PLUSTWIN_CHROMIUM'];
  if (wanted !== undefined && wanted !== '') {
    if (!existsSync(wanted)) throw new NoChromiumError(`PLUSTWIN_CHROMIUM points to ${wanted}, which does not exist`);
    return wanted;
  }
  const found = candidates.find((c) => existsSync(c));
  if (found === undefined) {
    throw new NoChromiumError(
      `PDF needs a Chromium or Chrome and none was found (looked for ${candidates.join(', ')}). ` +
        'Install one (Debian/Ubuntu: apt-get install chromium) or set PLUSTWIN_CHROMIUM to its executable; ' +
        'XLSX and CSV exports work without it.',
    );
  }
  return found;
};

export interface PdfOptions {
  readonly executablePath?: string;
  /** For drawing every chart and printing, ms (default 120 s: a hundred buildings take a while on two cores). */
  readonly timeoutMs?: number;
}

/** Prints the report folder's page to outFile (A4, backgrounds, page-numbered footer); written via a temp file. */
export const printReportPdf = async (folder: ReportFolder, outFile: string, o: PdfOptions = {}): Promise<void> => {
  const executablePath = o.executablePath ?? findChromium();
  const timeout = o.timeoutMs ?? 120_000;
  // loaded when a PDF is printed: playwright-core costs every other command ~40 MB and 0.3 s at start
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], timeout });
  const tmp = path.join(path.dirname(path.resolve(outFile)), `.${path.basename(outFile)}.${process.pid}.tmp`);
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(timeout);
    await page.goto(pathToFileURL(folder.htmlFile).href, { waitUntil: 'load' });
    await page.waitForFunction("document.body.dataset.ready === 'true'", undefined, { timeout });
    const drawn = Number(await page.evaluate('document.body.dataset.charts'));
    if (drawn !== folder.chartCount) throw new Error(`the report page drew ${drawn} of ${folder.chartCount} charts`);
    await page.pdf({
      path: tmp,
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: folder.headerTemplate,
      footerTemplate: folder.footerTemplate,
      margin: { top: '18mm', bottom: '20mm', left: '18mm', right: '16mm' },
    });
    renameSync(tmp, outFile);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    await browser.close();
  }
};
