/**
 * The PDF report page as the desktop app prints it: a file:// page in a temp folder (print-report.ts). Its CSP
 * (report-html.ts) must let it draw every chart, with chart.umd.js from its own folder and its one inline script and
 * sheet, and must refuse anything else. Loaded in the same Chromium the e2e tests use.
 */
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleReport } from '../../main/core/reports/assemble-report.js';
import { prepareReportFolder, type ReportFolder } from '../../main/core/reports/report-folder.js';
import { parsePeriod } from '../../main/core/reports/report-period.js';
import { SyntheticStore } from '../unit/reports/synthetic-store.js';
import { launchChromium, type Browser } from './chromium.js';

let browser: Browser;
let folder: ReportFolder;

beforeAll(async () => {
  const data = await assembleReport(new SyntheticStore(2), { period: parsePeriod('2025-06-02', 'Europe/Berlin') });
  folder = prepareReportFolder(data);
  browser = await launchChromium();
  // CSP violations are reported as events on the document; collect them from the first script on
  await browser.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
});

afterAll(async () => {
  await browser?.close();
  folder?.cleanup();
});

describe('the report page under its CSP', () => {
  it('draws every chart without a single violation', async () => {
    await browser.page.goto(pathToFileURL(folder.htmlFile).href);
    await browser.page.waitForFunction(() => document.body.dataset['ready'] === 'true', null, { timeout: 60_000 });
    expect(Number(await browser.page.evaluate(() => document.body.dataset['charts']))).toBe(folder.chartCount);
    expect(await browser.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    // the inline sheet applies: a page section is laid out as REPORT_CSS says, not as an unstyled block
    expect(await browser.page.evaluate(() => getComputedStyle(document.querySelector('section.page')!).breakBefore)).toBe('page');
  });

  it('refuses a script from the network and any inline script but its own', async () => {
    // (other file: URLs match 'self'; the desktop app's report session refuses them, window-security.ts isReportRequest)
    const outcome = await browser.page.evaluate(async (src) => {
      const s = document.createElement('script');
      s.src = src;
      const done = new Promise((r) => ((s.onerror = () => r('blocked')), (s.onload = () => r('loaded'))));
      document.body.append(s);
      const inline = document.createElement('script');
      inline.textContent = 'window.__inline = true;';
      document.body.append(inline);
      return [await done, (window as unknown as { __inline?: boolean }).__inline ?? false];
    }, 'https://example.invalid/x.js');
    expect(outcome).toEqual(['blocked', false]);
    await expect
      .poll(() => browser.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))
      .toEqual(expect.arrayContaining([expect.stringMatching(/^script-src(-elem)? https:\/\/example\.invalid/), expect.stringMatching(/^script-src(-elem)? inline$/)]));
  });
});
