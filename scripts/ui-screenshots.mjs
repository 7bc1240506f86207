/**
 * Review screenshots of the browser UI: starts `plustwin serve` (the built dist/) on a free port with its own data
 * folder, opens Chromium (playwright-core) at each size and language, selects the first building and writes
 * docs/screenshots/<size>-<lang>.png, plus the add-device dialog with OPC UA chosen. Run after `node scripts/build.mjs`:
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

const browser = await chromium.launch({ executablePath: process.env.PLUSTWIN_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
fs.mkdirSync(OUT, { recursive: true });
try {
  for (const [width, height] of SIZES) {
    for (const lang of LANGS) {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(`${url}?lang=${lang}`);
      await page.waitForFunction(() => window.__plustwin?.ready === true, null, { timeout: 90_000 });
      await page.locator('[data-testid="building-item"]').first().click();
      // the charts draw after their data arrived
      await page.waitForFunction(() => (window.__plustwin?.chartPoints().daily ?? 0) > 0, null, { timeout: 60_000 });
      await page.screenshot({ path: path.join(OUT, `${width}x${height}-${lang}.png`) });
      if (width === 1366) {
        await page.getByTestId('devices-open').click();
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
