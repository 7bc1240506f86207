/**
 * The page of the splash window shown while the core starts (shell-lifecycle.ts): a data: URL, so it needs no file,
 * no protocol and no script; its own CSP allows its one inline sheet and nothing else.
 */
import { createHash } from 'node:crypto';
import type { Language } from '../../core/settings/settings-schema.js';
import { t } from './messages.js';

const CSS = `:root{color-scheme:light dark;font-family:system-ui,sans-serif}
body{margin:0;height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;background:#f4f6f8;color:#1b2733}
@media (prefers-color-scheme:dark){body{background:#0f141a;color:#e6edf3}}
h1{font-size:22px;margin:0 0 8px}p{font-size:14px;margin:0 24px;text-align:center}`;

const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export const SPLASH_SIZE = { width: 420, height: 200 } as const;

export function splashHtml(lang: Language): string {
  const hash = createHash('sha256').update(CSS, 'utf8').digest('base64');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'">
<title>PlusTwin</title><style>${CSS}</style></head>
<body><h1>${escapeHtml(t(lang, 'splash.starting'))}</h1><p>${escapeHtml(t(lang, 'splash.detail'))}</p></body></html>`;
}

export const splashUrl = (lang: Language): string => `data:text/html;charset=utf-8;base64,${Buffer.from(splashHtml(lang), 'utf8').toString('base64')}`;
