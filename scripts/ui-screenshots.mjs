/**
 * Review screenshots of the browser UI: starts `plustwin serve` (the built dist/) on a free port with its own data
 * folder, opens Chromium (playwright-core) at each size and language, selects the school (a building with a boiler
 * heat meter, so heat and gas are on screen) and writes docs/screenshots/<size>-<lang>.png, the same with the top
 * bar's menu open (<size>-<lang>-menu.png), plus the add-device
 * dialog with OPC UA chosen and the devices list. Run after `node scripts/build.mjs`:
 *   node scripts/ui-screenshots.mjs
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'docs', 'screenshots');
const SIZES = [
  [1366, 768],
  [1920, 1080],
  [2560, 1440],
];
const LANGS = ['de', 'en'];

const data = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-shots-'));
const cli = path.join(ROOT, 'bin', 'plustwin.js');
const serve = spawn(process.execPath, [cli, 'serve', '--data', data, '--port', '0', '--speed', '1', '--demo-history-days', '2'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  serve.stdout.on('data', (c) => {
    out += c;
    const m = /listening on (\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
  serve.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
});

// the OPC UA heat meters join and write their history a little after the Modbus devices: wait until the analysis
// holds heat, so that every shot shows it
const call = async (method, args) => {
  const r = await (await fetch(`${url}api/call`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method, args }) })).json();
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
};
for (let waited = 0; ; waited += 1000) {
  const now = (await call('status.get', {})).now;
  const series = await call('carriers.series', { from: now - 86_400_000, to: now, step: 'day' });
  if (series.carriers.some((c) => c.carrier === 'heat' && c.consumptionKwh > 0)) break;
  if (waited > 120_000) throw new Error('the demo heat meters wrote no history within 2 minutes');
  await new Promise((r) => setTimeout(r, 1000));
}

const browser = await chromium.launch({ executablePath: process.env.PLUSTWIN_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
fs.mkdirSync(OUT, { recursive: true });
try {
  for (const [width, height] of SIZES) {
    for (const lang of LANGS) {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(`${url}?lang=${lang}`);
      await page.waitForFunction(() => window.__plustwin?.ready === true, null, { timeout: 90_000 });
      await page.locator('[data-testid="building-item"]', { hasText: 'Grundschule' }).first().click();
      // the charts draw after their data arrived (the heat meters join a few seconds after the Modbus devices)
      await page.waitForFunction(() => (window.__plustwin?.chartPoints().daily ?? 0) > 0, null, { timeout: 60_000 });
      await page.waitForFunction(() => (window.__plustwin?.panelCharts()?.carriers.chartBuckets ?? 0) > 0, null, { timeout: 90_000 });
      await page.waitForFunction(() => document.querySelector('[data-testid="dashboard-carrier-table"]') !== null, null, { timeout: 60_000 });
      await page.screenshot({ path: path.join(OUT, `${width}x${height}-${lang}.png`) });
      await page.getByTestId('menu-open').click();
      await page.getByTestId('menu-list').waitFor({ state: 'visible' });
      await page.screenshot({ path: path.join(OUT, `${width}x${height}-${lang}-menu.png`) });
      await page.keyboard.press('Escape');
      if (width === 1366) {
        await page.getByTestId('menu-open').click();
        await page.getByTestId('devices-open').click();
        await page.getByTestId('devices-table').locator('tbody tr').first().waitFor();
        await page.screenshot({ path: path.join(OUT, `devices-${lang}.png`) });
        await page.getByTestId('devices-add').click();
        await page.getByTestId('device-protocol').selectOption('opcua');
        await page.screenshot({ path: path.join(OUT, `add-device-opcua-${lang}.png`) });
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  serve.kill('SIGTERM');
  await new Promise((r) => serve.once('exit', r));
  fs.rmSync(data, { recursive: true, force: true });
}
