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
  isCallShape,
  isReportRequest,
  isTrustedSender,
  lockDownContents,
  lockDownReportSession,
  lockDownSession,
  secureWebPreferences,
} from '../../../main/shells/electron/window-security.js';
import { REPORT_CSP } from '../../../main/core/reports/report-html.js';
import { APP_URL, resolveAppRequest } from '../../../main/shells/electron/app-protocol.js';
import { electronCsp, securityHeaders } from '../../../main/core/ui-assets/security-headers.js';

const electronDir = path.resolve(import.meta.dirname, '../../../main/shells/electron');

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
    expect(main).toMatch(/isCallShape\(method\)/);
    // the page comes from the app protocol with the CSP header, never from file://
    expect(main).toMatch(/protocol\.handle\(APP_SCHEME/);
    expect(main).toMatch(/loadURL\(APP_URL\)/);
    expect(main).not.toMatch(/loadFile\(|loadURL\(['"`]file:/);
    // the core is not in the main process
    expect(main).not.toMatch(/from '\.\.\/core\/app-core\.js'|from '\.\.\/api\/dispatch\.js'|from '\.\.\/store\//);
    expect(main).toMatch(/utilityProcess\.fork\(/);
    for (const file of fs.readdirSync(electronDir)) {
      const code = fs.readFileSync(path.join(electronDir, file), 'utf8');
      expect(code, file).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/);
    }
  });

  it('denies every permission request and check', () => {
    let requestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    let deviceHandler: (() => boolean) | undefined;
    let requestFilter: { urls: string[] } | undefined;
    let beforeRequest: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
      setDevicePermissionHandler: (h: typeof deviceHandler) => (deviceHandler = h),
      webRequest: {
        onBeforeRequest: (f: typeof requestFilter, h: typeof beforeRequest) => ((requestFilter = f), (beforeRequest = h)),
      },
    } as unknown as Session;
    lockDownSession(session);
    expect(deviceHandler!()).toBe(false);
    // no request to the network: the app talks to its core over IPC only
    expect(requestFilter!.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    let cancelled: boolean | undefined;
    beforeRequest!({ url: 'https://tracker.example/' }, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(true);
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
    expect(navigate(`${APP_URL}#/building/b1`)).toBe(false);
    // the language switch (renderer/main.ts) reloads the page with ?lang=en
    expect(navigate(`${APP_URL}?lang=en`)).toBe(false);
    expect(navigate(`${APP_URL}?lang=de&shadows#/building/b1`)).toBe(false);
    expect(navigate('plustwin://app/other.html?lang=en')).toBe(true);
    expect(navigate('https://evil.example/?u=plustwin://app/index.html')).toBe(true);
    expect(navigate('plustwin://app/other.html')).toBe(true);
    let redirectPrevented = false;
    listeners.get('will-redirect')!({ preventDefault: () => (redirectPrevented = true) }, 'https://evil.example/');
    expect(redirectPrevented).toBe(true);
    let webviewPrevented = false;
    listeners.get('will-attach-webview')!({ preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('locks the PDF report window down like the app window: its own session, no preload, no permissions', () => {
    const print = fs.readFileSync(path.join(electronDir, 'print-report.ts'), 'utf8');
    expect(print).toMatch(/webPreferences: \{ \.\.\.secureWebPreferences\(\), partition: REPORT_PARTITION \}/);
    expect(print).toMatch(/REPORT_PARTITION = 'plustwin-report'/);
    expect(print).toMatch(/lockDownReportSession\(session\.fromPartition\(REPORT_PARTITION\), printing\)/);
    expect(print).toMatch(/lockDownContents\(win\.webContents, url\)/);
    expect(secureWebPreferences()).not.toHaveProperty('preload');
    expect(secureWebPreferences()).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });

    let requestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    let deviceHandler: (() => boolean) | undefined;
    let beforeRequest: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
      setDevicePermissionHandler: (h: typeof deviceHandler) => (deviceHandler = h),
      webRequest: { onBeforeRequest: (h: typeof beforeRequest) => (beforeRequest = h) },
    } as unknown as Session;
    const printing = new Set<string>();
    lockDownReportSession(session, printing);
    const granted: boolean[] = [];
    for (const p of ['media', 'notifications', 'clipboard-read', 'openExternal']) requestHandler!({}, p, (g) => granted.push(g));
    expect(granted).toEqual([false, false, false, false]);
    expect(checkHandler!()).toBe(false);
    expect(deviceHandler!()).toBe(false);
    const cancelled = (url: string) => {
      let c: boolean | undefined;
      beforeRequest!({ url }, (r) => (c = r.cancel));
      return c;
    };
    // the set is read at each request: a report folder is allowed while it is being printed
    expect(cancelled('file:///tmp/plustwin-report-a/report.html')).toBe(true);
    printing.add('/tmp/plustwin-report-a');
    expect(cancelled('file:///tmp/plustwin-report-a/report.html')).toBe(false);
    expect(cancelled('file:///tmp/plustwin-report-a/chart.umd.js')).toBe(false);
    expect(cancelled('https://example.com/chart.js')).toBe(true);
    printing.delete('/tmp/plustwin-report-a');
    expect(cancelled('file:///tmp/plustwin-report-a/chart.umd.js')).toBe(true);
  });

  it('lets the report page load only files of the report folders being printed', () => {
    const dirs = new Set(['/tmp/plustwin-report-a']);
    expect(isReportRequest('file:///tmp/plustwin-report-a/report.html', dirs)).toBe(true);
    expect(isReportRequest('file:///tmp/plustwin-report-a/chart.umd.js', dirs)).toBe(true);
    for (const url of [
      'file:///tmp/plustwin-report-a/../../etc/passwd',
      'file:///tmp/plustwin-report-a%2f..%2f..%2fetc/passwd',
      'file:///tmp/plustwin-report-ab/x.js',
      'file:///tmp/plustwin-report-a',
      'file:///etc/passwd',
      'file://evil.example/tmp/plustwin-report-a/report.html',
      'https://example.com/',
      'ws://127.0.0.1:8740/',
      'plustwin://app/index.html',
      'data:text/html,<script>1</script>',
      'not a url',
    ]) {
      expect(isReportRequest(url, dirs), url).toBe(false);
    }
  });

  it('gives the report page a strict CSP of its own (a file:// page carries no header)', () => {
    const directives = new Map(REPORT_CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')![0]).toBe("'self'");
    expect(directives.get('script-src')!.slice(1)).toEqual([expect.stringMatching(/^'sha256-[A-Za-z0-9+/]{43}='$/)]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(REPORT_CSP).not.toMatch(/unsafe-|\*/);
  });

  it('accepts IPC only from the app page in the top frame', () => {
    const frame = (url: string, parent: unknown = null) => ({ url, parent }) as unknown as WebFrameMain;
    expect(isTrustedSender(frame(APP_URL), APP_URL)).toBe(true);
    // after a language switch the page keeps calling the core
    expect(isTrustedSender(frame(`${APP_URL}?lang=en`), APP_URL)).toBe(true);
    expect(isTrustedSender(frame('https://evil.example/'), APP_URL)).toBe(false);
    expect(isTrustedSender(frame(APP_URL, frame(APP_URL)), APP_URL)).toBe(false);
    expect(isTrustedSender(null, APP_URL)).toBe(false);
  });

  it('checks the shape of every IPC call before forwarding it', () => {
    expect(isCallShape('district.get')).toBe(true);
    for (const bad of [undefined, 42, '', 'x'.repeat(101), '__proto__', 'a;b', { method: 'app.info' }]) expect(isCallShape(bad), String(bad)).toBe(false);
  });

  it('has a strict CSP for the window and for serve mode', () => {
    for (const csp of [electronCsp(), securityHeaders()['content-security-policy']!]) {
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
      expect(directives.get('script-src'), csp).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp).not.toMatch(/unsafe-eval|\*/);
    }
    expect(electronCsp()).toMatch(/default-src 'none'/);
  });

  it('serves the page from plustwin://app/ with the CSP, and nothing outside the renderer folder', () => {
    const dir = '/opt/plustwin/dist/renderer';
    const page = resolveAppRequest(dir, APP_URL);
    expect(page).toMatchObject({ ok: true, file: path.join(dir, 'index.html') });
    expect(page.ok && page.headers['content-security-policy']).toBe(electronCsp());
    expect(resolveAppRequest(dir, 'plustwin://app/assets/main.js')).toMatchObject({ ok: true, file: path.join(dir, 'assets/main.js') });
    expect(resolveAppRequest(dir, 'plustwin://app/..%2f..%2fetc/passwd')).toEqual({ ok: false, status: 400 });
    expect(resolveAppRequest(dir, 'plustwin://other/index.html')).toEqual({ ok: false, status: 404 });
    expect(resolveAppRequest(dir, 'not a url')).toEqual({ ok: false, status: 400 });
  });

  it('keeps the preload a CommonJS bundle that needs nothing but electron', () => {
    const preload = fs.readFileSync(path.join(electronDir, 'preload.ts'), 'utf8');
    const imports = [...preload.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const i of imports) expect(i === 'electron' || i!.startsWith('.'), i).toBe(true);
    const build = fs.readFileSync(path.resolve(electronDir, '../../../scripts/build.mjs'), 'utf8');
    expect(build).toMatch(/entryPoints: \['main\/shells\/electron\/preload\.ts'\],\s*format: 'cjs',\s*outfile: 'dist\/preload\.cjs',\s*external: \['electron'\]/);
  });
});
