/**
 * Where PlusTwin keeps its SQLite file, settings and PKI: --data DIR, else PLUSTWIN_DATA, else the platform's
 * user-data folder (the same folder Electron's app.getPath('userData') uses for an app named PlusTwin: package.json's
 * productName, which Electron prefers over name; electron-builder.yml's productName alone would not do, see
 * electron-builder#3375; test/unit/electron/app-name.test.ts).
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

export const APP_NAME = 'PlusTwin';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.PLUSTWIN_DATA) return path.resolve(env.PLUSTWIN_DATA);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export interface DataPaths {
  readonly dir: string;
  readonly db: string;
  readonly settings: string;
  readonly pki: string;
}

/** Resolve and create the data folder; fails with a clear message when it cannot be written. */
export function prepareDataDir(dir: string): DataPaths {
  const resolved = path.resolve(dir);
  try {
    fs.mkdirSync(resolved, { recursive: true, mode: 0o700 });
    fs.accessSync(resolved, fs.constants.W_OK);
  } catch (e) {
    throw new Error(`cannot use data folder ${resolved}: ${(e as Error).message}`);
  }
  // it holds the key that seals stored passwords and the district files: the user's alone
  try {
    if ((fs.statSync(resolved).mode & 0o077) !== 0) fs.chmodSync(resolved, 0o700);
  } catch {
    // a folder the user does not own (a shared --data): its files are still 0600
  }
  return {
    dir: resolved,
    db: path.join(resolved, 'district.sqlite'),
    settings: path.join(resolved, 'settings.json'),
    pki: path.join(resolved, 'pki'),
  };
}
