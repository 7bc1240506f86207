/**
 * The desktop app's main process: one window on the renderer, the core behind IPC. Kept thin on purpose (Electron
 * cannot run on the build machines): everything it calls is tested in Node and Chromium.
 */
import { app, BrowserWindow, ipcMain, session } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EventName } from '../../models/contract.js';
import { err } from '../../models/result.js';
import { dispatch } from '../api/dispatch.js';
import { startCore, type Core } from '../core/app-core.js';
import { appRoot } from '../core/app-root.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels.js';
import { isTrustedSender, lockDownContents, lockDownSession, secureWebPreferences } from './window-security.js';

const EVENTS: readonly EventName[] = ['status', 'live'];

if (!app.requestSingleInstanceLock()) app.quit();

let core: Core | undefined;
let window: BrowserWindow | undefined;
const indexHtml = path.join(appRoot(), 'dist', 'renderer', 'index.html');
const appUrl = pathToFileURL(indexHtml).href;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'PlusTwin',
    show: false,
    webPreferences: secureWebPreferences(path.join(appRoot(), 'dist', 'preload.cjs')),
  });
  lockDownContents(win.webContents, appUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appUrl);
  return win;
}

app.on('second-instance', () => {
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

app.whenReady().then(async () => {
  lockDownSession(session.defaultSession);
  const speed = Number(process.env.PLUSTWIN_SPEED ?? '1');
  core = await startCore({ dataDir: app.getPath('userData'), transport: 'electron', speed, log: (l) => console.log(l) });
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, args: unknown) => {
    if (!isTrustedSender(event.senderFrame, appUrl)) return err('validation', 'call from an untrusted frame refused');
    return dispatch(core!.handlers, method, args);
  });
  for (const name of EVENTS) {
    core.events.on(name, (payload) => window?.webContents.send(EVENT_CHANNEL, name, payload));
  }
  window = createWindow();
  window.on('closed', () => (window = undefined));
});

app.on('window-all-closed', () => app.quit());

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !core) return;
  // finish writing pending readings before the process ends
  event.preventDefault();
  quitting = true;
  void core.close().finally(() => app.quit());
});
