/**
 * The Electron security checklist, in one place so that test/unit/electron/security-checklist.test.ts can read it:
 * isolated, sandboxed renderers without Node; no navigation, no new windows, no permissions, no requests to the
 * network; IPC only from our page; the page itself comes from plustwin://app/ with a strict CSP (app-protocol.ts).
 */
import type { BrowserWindowConstructorOptions, Session, WebContents, WebFrameMain } from 'electron';

export function secureWebPreferences(preload: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
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

export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
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

/** Only our own page, in the top frame, may call the core. */
export function isTrustedSender(frame: WebFrameMain | null, appUrl: string): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url, appUrl);
}

/** What an IPC call must look like before it is forwarded: a method name; the core checks the arguments. */
export function isCallShape(method: unknown): method is string {
  return typeof method === 'string' && method.length > 0 && method.length <= 100 && /^[a-zA-Z.]+$/.test(method);
}
