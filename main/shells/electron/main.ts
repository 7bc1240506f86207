/**
 * The desktop app's main process: windows, menus, tray, dialogs and IPC forwarding, nothing else. The core (drivers,
 * collector, SQLite, analyses) runs in a utility process (core-process.ts), so a slow device or a long query never
 * freezes a window; the two talk over a MessagePort (core-protocol.ts). Electron cannot run on the build machines:
 * everything this file uses is tested in Node, and this file stays glue.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  nativeImage,
  nativeTheme,
  protocol,
  safeStorage,
  screen,
  session,
  Tray,
  utilityProcess,
  type MenuItemConstructorOptions,
} from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { err } from '../../../models/result.js';
import { appRoot, appVersion } from '../../core/base/app-root.js';
import { SettingsStore } from '../../core/settings/settings-store.js';
import type { Settings } from '../../core/settings/settings-schema.js';
import { aboutLines } from './about-text.js';
import { APP_SCHEME, APP_URL, resolveAppDownload, resolveAppRequest } from './app-protocol.js';
import { exportsDirOf } from '../../core/api/download-file.js';
import { connectCore, type CoreClient, type CorePort } from './core-protocol.js';
import { defaultExportName, defaultExportPeriod, EXPORT_FILTERS } from './export-defaults.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels.js';
import { buildMenuTemplate, type MenuAction, type MenuItemData } from './menu-template.js';
import { t } from './messages.js';
import { autostartDesktopEntry, autostartFile, HIDDEN_FLAG, launchCommand, startsHidden, syncAutostartFile } from './login-item.js';
import { themeSource, windowBackground } from './native-theme.js';
import { startShell, step, type Effect, type ShellEvent, type ShellState } from './shell-lifecycle.js';
import { SPLASH_SIZE, splashUrl } from './splash-page.js';
import { CENTRAL_PROMPT_SIZE, centralPromptUrl, checkCentralConnection, readCentralForm } from './central-connection.js';
import { isCallShape, isTrustedSender, lockDownContents, lockDownSession, secureWebPreferences } from './window-security.js';
import { openingSteps, parseWindowState, placeWindow, MIN_SIZE, type WindowState } from './window-state.js';
import { printReportPage, type PreparedReportPage } from './print-report.js';
import { keychainSecretKey, type Keychain } from './keychain-key.js';

if (!app.requestSingleInstanceLock()) {
  app.quit();
  process.exit(0);
}

// Without a usable GPU Chromium no longer falls back to SwiftShader (software WebGL) on its own, and the district has
// no 3D view (the renderer then shows a 2D map). Chromium calls the fallback "unsafe" because it exposes a JIT-ing GL
// implementation to untrusted web content; this app shows only its own offline pages under a strict CSP.
app.commandLine.appendSwitch('enable-unsafe-swiftshader');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const root = appRoot();
const dist = path.join(root, 'dist');
const userData = app.getPath('userData');
const { store: settings, problem: settingsProblem } = SettingsStore.open(path.join(userData, 'settings.json'));
const windowStateFile = path.join(userData, 'window-state.json');

let core: CoreClient | undefined;
let window: BrowserWindow | undefined;
let tray: Tray | undefined;
let splash: BrowserWindow | undefined;
/** Hidden start from a maximized window: maximize when it is first shown (maximize() would show it). */
let maximizeOnShow = false;
/** Started at login: the tray only, until the user opens the window. */
const hidden = startsHidden({
  argv: process.argv,
  platform: process.platform,
  wasOpenedAtLogin: process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin,
});
const lang = () => settings.get().language;
const start = startShell(hidden);
let shell: ShellState = start.state;
const quitting = (): boolean => shell.phase === 'quitting' || shell.phase === 'done';

/** safeStorage when it really protects: on Linux without a secret service Chromium encrypts with a fixed password. */
function osKeychain(): Keychain | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform;
  if (backend === 'basic_text' || backend === 'unknown') return undefined;
  return { name: `the OS keychain (${backend})`, encrypt: (s) => safeStorage.encryptString(s), decrypt: (b) => safeStorage.decryptString(b) };
}

/** The secrets key for the core, opened from the keychain; without one the core keeps its key file. */
function secretKeyForCore(): { secretKey?: string; secretKeyDescription?: string } {
  const keychain = osKeychain();
  if (!keychain) return {};
  try {
    const k = keychainSecretKey(userData, keychain);
    console.log(`secrets: key ${k.event} in ${k.description}`);
    return { secretKey: k.key.toString('base64'), secretKeyDescription: k.description };
  } catch (e) {
    console.error(`secrets: ${(e as Error).message}`);
    dialog.showErrorBox(t(lang(), 'dialog.errorTitle'), t(lang(), 'dialog.keychainFailed'));
    return {};
  }
}

function startCoreProcess(): CoreClient {
  const child = utilityProcess.fork(path.join(dist, 'core-process.js'), [], { serviceName: 'PlusTwin core', stdio: 'inherit' });
  const { port1, port2 } = new MessageChannelMain();
  const port: CorePort = {
    postMessage: (m) => port1.postMessage(m),
    onMessage: (l) => port1.on('message', (e) => l(e.data)),
    onClose: (l) => port1.on('close', l),
  };
  port1.start();
  const speed = Number(process.env.PLUSTWIN_SPEED ?? '1');
  child.postMessage({ dataDir: userData, speed: Number.isFinite(speed) && speed > 0 ? speed : 1, ...secretKeyForCore() }, [port2]);
  const client = connectCore(port);
  client.onLog((line) => console.log(line));
  client.onEvent((name, payload) => window?.webContents.send(EVENT_CHANNEL, name, payload));
  child.on('exit', (code) => {
    if (shell.phase === 'running') dialog.showErrorBox(t(lang(), 'dialog.errorTitle'), `PlusTwin core stopped (exit code ${code}).`);
  });
  return client;
}

function readWindowState(): WindowState | null {
  try {
    return parseWindowState(fs.readFileSync(windowStateFile, 'utf8'));
  } catch {
    return null;
  }
}

function saveWindowState(win: BrowserWindow): void {
  const b = win.getNormalBounds();
  // a hidden start has not maximized yet: keep the user's maximized window for the next start
  const state: WindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() || maximizeOnShow };
  fs.writeFileSync(windowStateFile, JSON.stringify(state));
}

function createWindow(show: boolean): BrowserWindow {
  const areas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  const place = placeWindow(readWindowState(), areas);
  const win = new BrowserWindow({
    x: place.x,
    y: place.y,
    width: place.width,
    height: place.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'PlusTwin',
    show: false,
    backgroundColor: windowBackground(settings.get().theme, nativeTheme.shouldUseDarkColors),
    webPreferences: secureWebPreferences(path.join(dist, 'preload.cjs')),
  });
  lockDownContents(win.webContents, APP_URL);
  const steps = openingSteps(place.maximized, !show);
  maximizeOnShow = steps.maximizeOnFirstShow;
  win.once('ready-to-show', () => {
    if (steps.maximizeAtReady) win.maximize();
    if (steps.showAtReady) win.show();
  });
  let saveTimer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => saveWindowState(win), 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('close', (event) => {
    saveWindowState(win);
    // the tray keeps the app, and the collection, running
    if (!quitting() && settings.get().keepCollectingWhenClosed) {
      event.preventDefault();
      win.hide();
    }
  });
  win.on('closed', () => (window = undefined));
  void win.loadURL(APP_URL);
  return win;
}

function showWindow(): void {
  if (!window) window = createWindow(true);
  if (window.isMinimized()) window.restore();
  if (maximizeOnShow) {
    maximizeOnShow = false;
    window.maximize();
  }
  window.show();
  window.focus();
}

async function runControl(action: Parameters<CoreClient['control']>[0], reload: boolean): Promise<void> {
  const result = await core!.control(action);
  if (!result.ok) {
    dialog.showErrorBox(t(lang(), 'dialog.errorTitle'), result.error.message);
    return;
  }
  if (reload) window?.webContents.reload();
  refreshMenus();
}

/** PDF: the core prepares the report page, this process prints it with Electron (no other browser needed). */
async function exportPdf(out: string, period: string, l: ReturnType<typeof lang>): Promise<void> {
  const prepared = await core!.control({ kind: 'prepare-pdf', period, lang: l });
  try {
    if (!prepared.ok) throw new Error(prepared.error.message);
    await printReportPage(prepared.value as PreparedReportPage, out);
  } catch (e) {
    dialog.showErrorBox(t(l, 'dialog.errorTitle'), (e as Error).message);
  }
}

/** Asks for a central database's connection in a small window (central-connection.ts); null when cancelled. */
function askCentralConnection(): Promise<string | null> {
  return new Promise((resolve) => {
    const l = lang();
    const win = new BrowserWindow({
      ...CENTRAL_PROMPT_SIZE,
      title: t(l, 'central.title'),
      ...(window ? { parent: window, modal: true } : {}),
      resizable: false,
      minimizable: false,
      maximizable: false,
      backgroundColor: windowBackground(settings.get().theme, nativeTheme.shouldUseDarkColors),
      webPreferences: secureWebPreferences(),
    });
    win.setMenu(null);
    const first = centralPromptUrl(l);
    lockDownContents(win.webContents, first);
    let answer: string | null = null;
    // the form's submission is a navigation that never loads: its fields are read here and it is cancelled
    win.webContents.on('will-navigate', (event, url) => {
      const form = readCentralForm(url);
      if (form === null) return;
      event.preventDefault();
      if (form.cancel) return win.close();
      const checked = checkCentralConnection(form.address, form.password);
      if (!checked.ok) return void win.loadURL(centralPromptUrl(l, { address: form.address, problem: checked.problem }));
      answer = checked.url;
      win.close();
    });
    win.on('closed', () => resolve(answer));
    void win.loadURL(first);
  });
}

async function onMenu(action: MenuAction): Promise<void> {
  const l = lang();
  switch (action.kind) {
    case 'new-from-demo':
      return runControl({ kind: 'new-demo-project', name: `Demo ${new Date().toLocaleDateString(l)}` }, true);
    case 'new-from-import':
    case 'import': {
      const picked = await dialog.showOpenDialog({
        title: t(l, action.kind === 'import' ? 'dialog.importTitle' : 'menu.newFromImport'),
        properties: ['openFile'],
        filters: [{ name: t(l, 'dialog.filterGeo'), extensions: ['gml', 'xml', 'geojson', 'json'] }],
      });
      const source = picked.filePaths[0];
      if (picked.canceled || !source) return;
      const name = path.basename(source).replace(/\.[^.]+$/, '');
      return runControl(action.kind === 'import' ? { kind: 'import', source } : { kind: 'new-import-project', name, source }, true);
    }
    case 'open-project': {
      const picked = await dialog.showOpenDialog({
        title: t(l, 'dialog.openTitle'),
        properties: ['openFile'],
        filters: [{ name: t(l, 'dialog.filterProject'), extensions: ['sqlite', 'db'] }],
      });
      const file = picked.filePaths[0];
      if (picked.canceled || !file) return;
      return runControl({ kind: 'open-project', file }, true);
    }
    case 'open-recent':
      return runControl({ kind: 'open-project', file: action.file }, true);
    case 'open-central': {
      const url = await askCentralConnection();
      if (url === null) return;
      return runControl({ kind: 'open-central', url }, true);
    }
    case 'export': {
      const now = new Date();
      const picked = await dialog.showSaveDialog({
        title: t(l, 'dialog.exportTitle'),
        defaultPath: path.join(app.getPath('documents'), defaultExportName(action.format, now)),
        filters: [EXPORT_FILTERS[action.format]],
      });
      if (picked.canceled || !picked.filePath) return;
      if (action.format === 'pdf') return exportPdf(picked.filePath, defaultExportPeriod(now), l);
      return runControl({ kind: 'export', format: action.format, out: picked.filePath, period: defaultExportPeriod(now), lang: l }, false);
    }
    case 'set-theme':
      settings.update({ theme: action.theme });
      nativeTheme.themeSource = themeSource(action.theme);
      return refreshMenus();
    case 'set-language':
      settings.update({ language: action.language });
      return refreshMenus();
    case 'toggle-keep-collecting':
      settings.update({ keepCollectingWhenClosed: !settings.get().keepCollectingWhenClosed });
      return refreshMenus();
    case 'toggle-start-at-login':
      applyLoginItem(settings.update({ startAtLogin: !settings.get().startAtLogin }));
      return refreshMenus();
    case 'about':
      await dialog.showMessageBox({
        type: 'info',
        title: t(l, 'dialog.aboutTitle'),
        message: `PlusTwin ${appVersion()}`,
        detail: [t(l, 'dialog.aboutDetail'), '', ...aboutLines(appVersion(), process.versions, process.platform, process.arch)].join('\n'),
        buttons: [t(l, 'dialog.ok')],
      });
      return;
    case 'quit':
      app.quit();
      return;
  }
}

const toElectron = (items: readonly MenuItemData[]): MenuItemConstructorOptions[] =>
  items.map(({ action, submenu, ...rest }) => ({
    ...rest,
    ...(submenu ? { submenu: toElectron(submenu) } : {}),
    ...(action ? { click: () => void onMenu(action).catch((e: unknown) => dialog.showErrorBox('PlusTwin', (e as Error).message)) } : {}),
  }));

async function refreshMenus(): Promise<void> {
  const recent = await core?.control({ kind: 'recent-projects' });
  const list = recent?.ok ? (recent.value as Array<{ name: string; file: string; missing: boolean }>) : [];
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectron(buildMenuTemplate({ settings: settings.get(), recent: list, platform: process.platform }))));
  tray?.setContextMenu(
    Menu.buildFromTemplate([
      { label: t(lang(), 'tray.collecting'), enabled: false },
      { type: 'separator' },
      { label: t(lang(), 'tray.show'), click: () => dispatch({ kind: 'show' }) },
      { label: t(lang(), 'tray.quit'), click: () => app.quit() },
    ]),
  );
}

function applyLoginItem(s: Settings): void {
  if (process.platform === 'linux') {
    const command = launchCommand({ execPath: process.execPath, defaultApp: process.defaultApp === true, appPath: app.getAppPath(), appImage: process.env.APPIMAGE });
    try {
      syncAutostartFile(autostartFile(process.env, os.homedir()), s.startAtLogin ? autostartDesktopEntry(command, t(lang(), 'dialog.aboutDetail')) : null);
    } catch (e) {
      dialog.showErrorBox(t(lang(), 'dialog.errorTitle'), (e as Error).message);
    }
    return;
  }
  app.setLoginItemSettings({ openAtLogin: s.startAtLogin, ...(process.platform === 'win32' ? { args: [HIDDEN_FLAG] } : {}) });
}

function openSplash(): void {
  // a second start or a dock click can come before Electron is ready to make windows
  if (!app.isReady()) return void app.whenReady().then(openSplash);
  if (splash) return;
  const win = new BrowserWindow({
    ...SPLASH_SIZE,
    title: 'PlusTwin',
    resizable: false,
    minimizable: false,
    maximizable: false,
    backgroundColor: windowBackground(settings.get().theme, nativeTheme.shouldUseDarkColors),
    webPreferences: secureWebPreferences(),
  });
  const url = splashUrl(lang());
  lockDownContents(win.webContents, url);
  win.on('closed', () => {
    if (splash !== win) return;
    splash = undefined;
    dispatch({ kind: 'splash-closed' });
  });
  void win.loadURL(url);
  splash = win;
}

function closeSplash(): void {
  const win = splash;
  splash = undefined;
  win?.destroy();
}

function shutDownCore(): void {
  // not from inside the before-quit handler that asked for the shutdown: its quit must be prevented first
  if (!core) return void setImmediate(() => dispatch({ kind: 'core-closed' }));
  // write every pending reading before the process ends; a core still starting answers once it is up
  core
    .shutdown()
    .then((r) => console.log(`core closed: ${r.accepted} readings accepted, ${r.stored} handed to the store`))
    .catch((e: unknown) => console.error((e as Error).message))
    .finally(() => dispatch({ kind: 'core-closed' }));
}

async function setUpTray(): Promise<void> {
  tray = new Tray(nativeImage.createFromPath(path.join(dist, 'icons', 'tray.png')));
  tray.setToolTip('PlusTwin');
  tray.on('click', () => dispatch({ kind: 'show' }));
  await refreshMenus();
  // the UI changes settings through the core ('settings.set'), which writes the same file: follow it
  fs.watchFile(settings.file, { interval: 1000 }, () => {
    nativeTheme.themeSource = themeSource(settings.get().theme);
    void refreshMenus();
  });
  if (settingsProblem) console.warn(`settings: ${settingsProblem}`);
}

function run(effect: Effect): void {
  switch (effect.kind) {
    case 'show-splash':
      return openSplash();
    case 'focus-splash':
      splash?.show();
      splash?.focus();
      return;
    case 'close-splash':
      return closeSplash();
    case 'set-up-tray':
      return void setUpTray().catch((e: unknown) => console.error((e as Error).message));
    case 'open-window':
      window ??= createWindow(effect.show);
      return;
    case 'show-window':
      return showWindow();
    case 'prevent-quit':
      return; // before-quit calls event.preventDefault()
    case 'shutdown-core':
      return shutDownCore();
    case 'quit-app':
      return app.quit();
    case 'error':
      return dialog.showErrorBox(t(lang(), 'dialog.errorTitle'), effect.message);
  }
}

/** Every lifecycle event goes through the state machine (shell-lifecycle.ts); returns the effects it ran. */
function dispatch(event: ShellEvent): readonly Effect[] {
  const next = step(shell, event);
  shell = next.state;
  next.effects.forEach(run);
  return next.effects;
}

app.on('second-instance', () => dispatch({ kind: 'show' }));

app.whenReady().then(async () => {
  lockDownSession(session.defaultSession);
  const rendererDir = path.join(dist, 'renderer');
  protocol.handle(APP_SCHEME, (request) => {
    // the UI's export button: the core wrote the file into the data folder, the page downloads it from here
    const download = resolveAppDownload(exportsDirOf(userData), request.url);
    if (download !== null) {
      if (!download.ok) return new Response(null, { status: download.status });
      return fs.promises.readFile(download.found.file).then(
        (body) => new Response(body, { status: 200, headers: download.found.headers }),
        () => new Response(null, { status: 404 }),
      );
    }
    const found = resolveAppRequest(rendererDir, request.url);
    if (!found.ok) return new Response(null, { status: found.status });
    return fs.promises.readFile(found.file).then(
      (body) => new Response(body, { status: 200, headers: found.headers }),
      () => new Response(null, { status: 404 }),
    );
  });
  nativeTheme.themeSource = themeSource(settings.get().theme);
  start.effects.forEach(run);
  applyLoginItem(settings.get());
  core = startCoreProcess();
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, args: unknown) => {
    if (!isTrustedSender(event.senderFrame, APP_URL)) return err('validation', 'call from an untrusted frame refused');
    if (!isCallShape(method)) return err('validation', 'method must be a method name', 'method');
    return core!.call(method, args);
  });
  await core.ready.then(
    () => dispatch({ kind: 'core-ready' }),
    (e: unknown) => dispatch({ kind: 'core-failed', message: (e as Error).message }),
  );
});

// with the tray the app lives on when its windows are closed; without it, closing the window ends it
app.on('window-all-closed', () => {
  if (!settings.get().keepCollectingWhenClosed) app.quit();
});
app.on('activate', () => dispatch({ kind: 'show' }));

app.on('before-quit', (event) => {
  if (dispatch({ kind: 'quit' }).some((e) => e.kind === 'prevent-quit')) event.preventDefault();
});
