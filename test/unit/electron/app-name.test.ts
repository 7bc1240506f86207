/**
 * The desktop app and serve mode share one data folder. Electron names userData after the app: "the appData
 * directory appended with your app's name", and the name is package.json's productName, preferred over name
 * (Electron docs, app.getPath and app.getName; electron.d.ts 41 says the same of getName). electron-builder.yml's
 * productName alone does not reach the running app (electron-builder#3375: two folders). appData is %APPDATA% on
 * Windows, $XDG_CONFIG_HOME or ~/.config on Linux, ~/Library/Application Support on macOS (Electron docs, app.getPath).
 * The macOS app menu (role 'appMenu') reads "Quit <name>", so the same name appears there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_NAME, defaultDataDir } from '../../../main/core/base/data-dir.js';

const root = path.resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; productName?: string };
const builderYml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');

/** Electron's appData for each platform, as its docs list it. */
function electronAppData(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') return env.APPDATA!;
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
}

describe('the app name and the data folder', () => {
  it('package.json names the product PlusTwin, as electron-builder.yml and data-dir.ts do', () => {
    expect(pkg.productName).toBe('PlusTwin');
    expect(pkg.productName).toBe(APP_NAME);
    expect(builderYml).toMatch(new RegExp(`^productName: ${APP_NAME}$`, 'm'));
    // appRoot() finds the package by its npm name, which stays lower case
    expect(pkg.name).toBe('plustwin');
  });

  it.each([
    ['linux', { XDG_CONFIG_HOME: '/home/ada/.config' }],
    ['linux', {}],
    ['win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }],
    ['darwin', {}],
  ] as const)('on %s %j serve mode uses Electron\'s userData folder', (platform, env) => {
    expect(defaultDataDir(env, platform)).toBe(path.join(electronAppData(platform, env), pkg.productName!));
  });
});
