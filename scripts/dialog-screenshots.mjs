/**
 * Review screenshots of the top bar's menu and of the dialogs in its "Analysis & files" group (report and district
 * export, building import, scenarios, CO2 path): starts `plustwin serve` (the built dist/) with the demo on a free
 * port and its own data folder, and writes docs/screenshots/dialogs/<dialog>-<width>x<height>-<lang>.png at each size and language.
 * Run after `node scripts/build.mjs`:
 *   node scripts/dialog-screenshots.mjs
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'docs', 'screenshots', 'dialogs');
const SIZES = [
  [1366, 768],
  [1920, 1080],
];
const LANGS = ['de', 'en'];

const data = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-dialog-shots-'));
const broken = path.join(data, 'kaputt.geojson');
fs.writeFileSync(broken, '{\n  "type": "FeatureCollection",\n  "features": [\n    { "type": "Feature" "id": "x" }\n  ]\n}\n');
const cli = path.join(ROOT, 'bin', 'plustwin.js');
const serve = spawn(process.execPath, [cli, 'serve', '--data', data, '--port', '0', '--speed', '1', '--demo-history-days', '3'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  serve.stdout.on('data', (c) => {
    out += c;
    const m = /listening on (\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
  serve.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
});

// the browser's own language formats the date inputs and names the file button: a German user's browser is German
const launch = (lang) =>
  chromium.launch({
    executablePath: process.env.PLUSTWIN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', `--lang=${lang === 'de' ? 'de-DE' : 'en-GB'}`],
  });
let browser = null;
fs.mkdirSync(OUT, { recursive: true });
const shot = (page, name, size, lang) => page.screenshot({ path: path.join(OUT, `${name}-${size}-${lang}.png`) });
const closeDialogs = (page) => page.evaluate(() => document.querySelectorAll('dialog[open]').forEach((d) => d.close()));
try {
  for (const lang of LANGS) {
    await browser?.close();
    browser = await launch(lang);
    for (const [width, height] of SIZES) {
      const size = `${width}x${height}`;
      const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, locale: lang === 'de' ? 'de-DE' : 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${url}?lang=${lang}`);
      await page.waitForFunction(() => window.__plustwin?.ready === true, null, { timeout: 90_000 });
      const open = async (entry, dialog) => {
        await page.getByTestId('menu-open').click();
        await page.getByTestId(entry).click();
        await page.getByTestId(dialog).waitFor({ state: 'visible' });
      };

      await page.getByTestId('menu-open').click();
      await page.getByTestId('menu-list').waitFor({ state: 'visible' });
      await shot(page, 'menu', size, lang);
      await page.keyboard.press('Escape');

      await open('tools-export', 'export-dialog');
      await page.getByTestId('export-format').selectOption('csv');
      const downloaded = page.waitForEvent('download', { timeout: 120_000 });
      await page.getByTestId('export-report').click();
      await downloaded;
      await shot(page, 'export', size, lang);
      await closeDialogs(page);

      await open('tools-import', 'import-dialog');
      await page.getByTestId('import-file').setInputFiles(broken);
      await page.getByTestId('import-start').click();
      await page.waitForFunction(() => (document.querySelector('[data-testid="import-error"]')?.textContent ?? '') !== '', null, { timeout: 60_000 });
      await shot(page, 'import-error', size, lang);
      await closeDialogs(page);

      await open('tools-scenarios', 'scenario-dialog');
      await page.getByTestId('scenario-measure').first().locator('[data-field="kwp"]').fill('80');
      await page.getByTestId('scenario-add').click();
      await page.getByTestId('scenario-measure').nth(1).getByTestId('measure-kind').selectOption('battery');
      await page.getByTestId('scenario-run').click();
      await page.getByTestId('scenario-table').waitFor({ timeout: 120_000 });
      await shot(page, 'scenario', size, lang);
      await closeDialogs(page);

      await open('tools-co2', 'co2-dialog');
      await page.waitForFunction(() => document.querySelector('[data-testid="co2-canvas"]')?.hasAttribute('data-series') === true, null, { timeout: 60_000 });
      await shot(page, 'co2', size, lang);
      await context.close();
    }
  }
} finally {
  await browser?.close();
  serve.kill('SIGTERM');
  await new Promise((r) => serve.once('exit', r));
  fs.rmSync(data, { recursive: true, force: true });
}
