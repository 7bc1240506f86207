/**
 * Electron's security checklist, read from the code: the window options, the session and contents lock-down and
 * the IPC sender check. Electron cannot run here, so the functions are driven with stand-ins of the objects
 * Electron hands them, and main.ts is read to prove it uses them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session, WebContents, WebFrameMain } from 'electron';
import {
  isTrustedSender,
  lockDownContents,
  lockDownSession,
  secureWebPreferences,
} from '../../../main/electron/window-security.js';

const electronDir = path.resolve(import.meta.dirname, '../../../main/electron');
const APP_URL = 'file:///opt/plustwin/dist/renderer/index.html';

describe('Electron security checklist', () => {
  it('windows are isolated, sandboxed and without Node', () => {
    const prefs = secureWebPreferences('/x/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/x/preload.cjs',
    });
  });

  it('main.ts builds every window with those preferences and locks session and contents down', () => {
    const main = fs.readFileSync(path.join(electronDir, 'main.ts'), 'utf8');
    expect(main).toMatch(/webPreferences:\s*secureWebPreferences\(/);
    expect(main).toMatch(/lockDownSession\(session\.defaultSession\)/);
    expect(main).toMatch(/lockDownContents\(win\.webContents/);
    expect(main).toMatch(/isTrustedSender\(event\.senderFrame/);
    for (const file of fs.readdirSync(electronDir)) {
      const code = fs.readFileSync(path.join(electronDir, file), 'utf8');
      expect(code, file).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/);
    }
  });

  it('denies every permission request and check', () => {
    let requestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
    } as unknown as Session;
    lockDownSession(session);
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal']) requestHandler!({}, p, (g) => answers.push(g));
    expect(answers).toEqual([false, false, false, false]);
    expect(checkHandler!()).toBe(false);
  });

  it('blocks navigation away from the app, webviews and new windows', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const contents = {
      on: (name: string, l: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(name, l),
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
    } as unknown as WebContents;
    lockDownContents(contents, APP_URL);
    const navigate = (url: string) => {
      let prevented = false;
      listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(APP_URL)).toBe(false);
    let webviewPrevented = false;
    listeners.get('will-attach-webview')!({ preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('accepts IPC only from the app page in the top frame', () => {
    const frame = (url: string, parent: unknown = null) => ({ url, parent }) as unknown as WebFrameMain;
    expect(isTrustedSender(frame(APP_URL), APP_URL)).toBe(true);
    expect(isTrustedSender(frame('https://evil.example/'), APP_URL)).toBe(false);
    expect(isTrustedSender(frame(APP_URL, frame(APP_URL)), APP_URL)).toBe(false);
    expect(isTrustedSender(null, APP_URL)).toBe(false);
  });
});
