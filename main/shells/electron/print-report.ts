/**
 * PDF reports in the desktop app without any other browser: the core lays the report page out in a temp folder
 * ('prepare-pdf'), and this prints it with Electron's own printToPDF. The page window is hidden, sandboxed, has no
 * preload, lives in its own in-memory session partition that denies every permission and loads nothing but the
 * report's own folder, and cannot navigate anywhere else; the page itself carries a strict CSP (report-html.ts).
 */
import { BrowserWindow, session } from 'electron';
import fs from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { lockDownContents, lockDownReportSession, secureWebPreferences } from './window-security.js';

export interface PreparedReportPage {
  readonly dir: string;
  readonly htmlFile: string;
  readonly headerTemplate: string;
  readonly footerTemplate: string;
}

const DRAW_TIMEOUT_MS = 120_000;
/** In memory (no 'persist:' prefix): nothing of a report page outlives the app. */
export const REPORT_PARTITION = 'plustwin-report';
/** The folders of the reports being printed: the only files the report session may load. */
const printing = new Set<string>();
let sessionLocked = false;

export async function printReportPage(page: PreparedReportPage, outFile: string): Promise<void> {
  const url = pathToFileURL(page.htmlFile).href;
  if (!sessionLocked) {
    lockDownReportSession(session.fromPartition(REPORT_PARTITION), printing);
    sessionLocked = true;
  }
  printing.add(page.dir);
  const win = new BrowserWindow({
    show: false,
    webPreferences: { ...secureWebPreferences(), partition: REPORT_PARTITION },
  });
  lockDownContents(win.webContents, url);
  try {
    await win.loadURL(url);
    // the page sets body[data-ready] once every chart is drawn
    const deadline = Date.now() + DRAW_TIMEOUT_MS;
    while ((await win.webContents.executeJavaScript("document.body.dataset.ready === 'true'")) !== true) {
      if (Date.now() > deadline) throw new Error(`the report page did not finish drawing within ${DRAW_TIMEOUT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const pdf = await win.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: page.headerTemplate,
      footerTemplate: page.footerTemplate,
    });
    // written under a temp name first, so a failed export leaves no half file under the chosen name
    const tmp = `${outFile}.${process.pid}.tmp`;
    await fs.writeFile(tmp, pdf);
    await fs.rename(tmp, outFile);
  } finally {
    win.destroy();
    printing.delete(page.dir);
    await fs.rm(page.dir, { recursive: true, force: true });
  }
}
