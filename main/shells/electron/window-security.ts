/**
 * The Electron security checklist, in one place so that test/unit/electron/security-checklist.test.ts can read it:
 * isolated, sandboxed renderers without Node; no navigation, no new windows, no permissions, no requests to the
 * network; IPC only from our page; the page itself comes from plustwin://app/ with a strict CSP (app-protocol.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindowConstructorOptions, Session, WebContents, WebFrameMain } from 'electron';

/** Without a preload for a page that needs no bridge to the core (the PDF report page). */
export function secureWebPreferences(preload?: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    ...(preload !== undefined ? { preload } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/**
 * The page's own URL without its query and fragment: the UI switches language by loading index.html?lang=en, keeps
 * options such as ?shadows in the query and may use the fragment for its views.
 */
const pageOf = (url: string): string => url.split(/[?#]/, 1)[0] ?? url;

/** Only the app's own page, whatever its query and fragment. */
export const isAppUrl = (url: string, appUrl: string): boolean => pageOf(url) === appUrl;

function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export function lockDownSession(session: Session): void {
  denyPermissions(session);
  // the app is offline by design: the renderer talks to the core over IPC only
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}

export function lockDownContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * The PDF report page (print-report.ts) is a file:// page in a temp folder the core wrote: it may load files from
 * that folder (report.html, chart.umd.js) and nothing else, no other file, no network, no app page.
 */
export function isReportRequest(url: string, reportDirs: ReadonlySet<string>): boolean {
  let file: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
    file = path.resolve(fileURLToPath(parsed));
  } catch {
    return false;
  }
  return [...reportDirs].some((dir) => file.startsWith(path.resolve(dir) + path.sep));
}

/**
 * The report window's session: the same denials as the app's session, and only requests for the report folders
 * being printed (one listener per session in Electron, so it reads the set at each request).
 */
export function lockDownReportSession(session: Session, reportDirs: ReadonlySet<string>): void {
  denyPermissions(session);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isReportRequest(details.url, reportDirs) }));
}

/** Only our own page, in the top frame, may call the core. */
export function isTrustedSender(frame: WebFrameMain | null, appUrl: string): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url, appUrl);
}

/** What an IPC call must look like before it is forwarded: a method name; the core checks the arguments. */
export function isCallShape(method: unknown): method is string {
  return typeof method === 'string' && method.length > 0 && method.length <= 100 && /^[a-zA-Z.]+$/.test(method);
}
