/**
 * Review screenshots of the top bar's menu and of the dialogs in its "Analysis & files" group (report and district
 * export, building import, scenarios, CO2 path): starts `plustwin serve` (the built dist/) with the demo on a free
 * port and its own data folder, and writes docs/screenshots/dialogs/<dialog>-<width>x<height>-<lang>.png at each size and language.
 * The first two buildings get a fixed electricity tariff, so the scenario table shows its costs.
 * Run after `node scripts/build.mjs`:
 *   node scripts/dialog-screenshots.mjs                       (every dialog at every size)
 *   node scripts/dialog-screenshots.mjs scenario 1366x768     (only the named dialogs, only the named sizes)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'docs', 'screenshots', 'dialogs');
const args = process.argv.slice(2);
const wantedSizes = args.filter((a) => /^\d+x\d+$/.test(a));
const wanted = args.filter((a) => !wantedSizes.includes(a));
const SIZES = [
  [1366, 768],
  [1920, 1080],
].filter(([w, h]) => wantedSizes.length === 0 || wantedSizes.includes(`${w}x${h}`));
/** Whether a dialog (menu, export, import-error, scenario, co2) is to be shot. */
const wants = (name) => wanted.length === 0 || wanted.includes(name);
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

const api = async (method, args) => {
  const r = await (await fetch(new URL('/api/call', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method, args }) })).json();
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
};
const { buildings } = await api('district.get', {});
const year = new Date().getUTCFullYear();
for (const [b, ct, fixed] of [
  [buildings[0], 30, 12],
  [buildings[1], 32, 10],
])
  await api('tariffs.save', { buildingId: b.id, carrier: 'electricity', kind: 'fixed', validFrom: `${year - 1}-01-01`, energyCtPerKwh: ct, fixedEurPerMonth: fixed, feedInCtPerKwh: 8 });

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

      if (wants('menu')) {
        await page.getByTestId('menu-open').click();
        await page.getByTestId('menu-list').waitFor({ state: 'visible' });
        await shot(page, 'menu', size, lang);
        await page.keyboard.press('Escape');
      }

      if (wants('export')) {
        await open('tools-export', 'export-dialog');
        await page.getByTestId('export-format').selectOption('csv');
        const downloaded = page.waitForEvent('download', { timeout: 120_000 });
        await page.getByTestId('export-report').click();
        await downloaded;
        await shot(page, 'export', size, lang);
        await closeDialogs(page);
      }

      if (wants('import-error')) {
        await open('tools-import', 'import-dialog');
        await page.getByTestId('import-file').setInputFiles(broken);
        await page.getByTestId('import-start').click();
        await page.waitForFunction(() => (document.querySelector('[data-testid="import-error"]')?.textContent ?? '') !== '', null, { timeout: 60_000 });
        await shot(page, 'import-error', size, lang);
        await closeDialogs(page);
      }

      if (wants('scenario')) {
        await open('tools-scenarios', 'scenario-dialog');
        await page.getByTestId('scenario-measure').first().locator('[data-field="kwp"]').fill('80');
        await page.getByTestId('scenario-add').click();
        await page.getByTestId('scenario-measure').nth(1).getByTestId('measure-kind').selectOption('battery');
        await page.getByTestId('scenario-run').click();
        await page.getByTestId('scenario-table').waitFor({ timeout: 120_000 });
        await shot(page, 'scenario', size, lang);
        // the assumptions, opened, in the page's language
        await page.getByTestId('scenario-notes').locator('summary').click();
        await page.getByTestId('scenario-notes').locator('li').last().scrollIntoViewIfNeeded();
        await shot(page, 'scenario-notes', size, lang);
        await closeDialogs(page);
      }

      if (wants('co2')) {
        await open('tools-co2', 'co2-dialog');
        await page.waitForFunction(() => document.querySelector('[data-testid="co2-canvas"]')?.hasAttribute('data-series') === true, null, { timeout: 60_000 });
        await shot(page, 'co2', size, lang);
      }
      await context.close();
    }
  }
} finally {
  await browser?.close();
  serve.kill('SIGTERM');
  await new Promise((r) => serve.once('exit', r));
  fs.rmSync(data, { recursive: true, force: true });
}
