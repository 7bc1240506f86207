/**
 * The renderer is served to the window from plustwin://app/ rather than file:// (the security checklist's advice):
 * the page then has an origin of its own, every response carries the strict CSP header, and no path can leave
 * dist/renderer. The mapping is a pure function so it is tested without Electron.
 */
import { contentTypeOf, resolveStatic } from '../../core/ui-assets/static-files.js';
import { electronCsp } from '../../core/ui-assets/security-headers.js';
import { downloadFile, type DownloadFile } from '../../core/api/download-file.js';
import { DOWNLOAD_PATH } from '../../../models/contract/index.js';

export const APP_SCHEME = 'plustwin';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

export type AppResource = { ok: true; file: string; headers: Record<string, string> } | { ok: false; status: 400 | 404 };

export function resolveAppRequest(rendererDir: string, url: string): AppResource {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return { ok: false, status: 404 };
  const file = resolveStatic(rendererDir, parsed.pathname);
  if (!file) return { ok: false, status: 400 };
  return {
    ok: true,
    file,
    headers: {
      'content-type': contentTypeOf(file),
      'content-security-policy': electronCsp(),
      'x-content-type-options': 'nosniff',
    },
  };
}

/**
 * An export the page asks for at DOWNLOAD_PATH/<job id>: the same files serve mode answers over HTTP, from the data
 * folder's exports; null for every other path (those are the page's own files).
 */
export function resolveAppDownload(exportsDir: string, url: string): { ok: true; found: DownloadFile } | { ok: false; status: 404 } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN || !parsed.pathname.startsWith(`${DOWNLOAD_PATH}/`)) return null;
  const found = downloadFile(exportsDir, parsed.pathname.slice(DOWNLOAD_PATH.length + 1));
  return found === null ? { ok: false, status: 404 } : { ok: true, found };
}
