/**
 * PDF reports in the desktop app without any other browser: the core lays the report page out in a temp folder
 * ('prepare-pdf'), and this prints it with Electron's own printToPDF. The page window is hidden, sandboxed, has no
 * preload, lives in its own session partition and cannot navigate anywhere else.
 */
import { BrowserWindow } from 'electron';
import fs from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { lockDownContents } from './window-security.js';

export interface PreparedReportPage {
  readonly dir: string;
  readonly htmlFile: string;
  readonly headerTemplate: string;
  readonly footerTemplate: string;
}

const DRAW_TIMEOUT_MS = 120_000;

export async function printReportPage(page: PreparedReportPage, outFile: string): Promise<void> {
  const url = pathToFileURL(page.htmlFile).href;
  const win = new BrowserWindow({
    show: false,
    webPreferences: { partition: 'plustwin-report', sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
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
    await fs.rm(page.dir, { recursive: true, force: true });
  }
}
