/**
 * `npm start` (scripts/start.mjs) where the Electron binary is missing: one message that says why and what to do,
 * then serve mode with its address and data folder; SIGTERM to `npm start` stops the server it started.
 *
 * The binary is made missing with Electron's own ELECTRON_OVERRIDE_DIST_PATH (node_modules/electron/index.js
 * resolves the binary inside that folder), pointed at an empty folder, so the test means the same on a machine
 * where Electron is installed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, ROOT } from './build-once.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-npm-start-'));
const noElectron = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-no-electron-'));
afterAll(() => {
  for (const d of [dataDir, noElectron]) fs.rmSync(d, { recursive: true, force: true });
});

describe('npm start without the Electron binary', () => {
  it('says why and what to do once, then serves the UI and prints its address and data folder', async () => {
    await ensureCliBuilt();
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--port', '0', '--data', dataDir, '--no-demo'], {
      cwd: ROOT,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: noElectron },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const check = () => {
          const m = /PlusTwin listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        };
        child.stdout.on('data', check);
        void exited.then((code) => reject(new Error(`npm start exited (${code}) before serving:\n${err}`)));
      });

      // one message: why, and what to do
      expect(err.match(/desktop app cannot start/g)).toHaveLength(1);
      expect(err).toContain(`the Electron binary is missing (${noElectron}`);
      expect(err).toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
      expect(err).toMatch(/network access/);
      expect(err).toMatch(/npm rebuild electron/);
      expect(err).toMatch(/Starting serve mode instead/);
      // then serve mode: its data folder (the core's log) and its address, which serves the UI
      expect(err).toContain(`data folder: ${dataDir}`);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);
    } finally {
      child.kill('SIGTERM');
    }
    // SIGTERM reached the server npm start had started: it shut down gracefully and so did npm start
    expect(await exited).toBe(0);
    expect(err).toMatch(/stopped: \d+ readings accepted/);
  }, 120_000);
});
