/**
 * "Open central database…" (menu-template.ts): the small window that asks for the connection to a fleet's central
 * PostgreSQL database, and the check of what was entered. The window is a data: page without script (like the
 * splash page): its form's GET goes to an address that can never load (.invalid is reserved, RFC 2606 section 2)
 * and that the session blocks anyway; main.ts reads the fields from the navigation it cancels. Node-only, so it
 * is tested without Electron. The password is never logged and never stored: the core holds it in memory only.
 */
import { createHash } from 'node:crypto';
import type { Language } from '../../core/settings/settings-schema.js';
import { t, type ElectronMessageKey } from './messages.js';

export const CENTRAL_FORM_ACTION = 'https://plustwin.invalid/open-central';
export const CENTRAL_PROMPT_SIZE = { width: 560, height: 330 } as const;

export type CentralProblem = 'empty' | 'notUrl' | 'scheme' | 'host' | 'database';

export type CentralCheck = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly problem: CentralProblem };

/**
 * A libpq connection URI as PostgreSQL documents it (postgresql://[user[:password]@][host][:port][/dbname][?...],
 * PostgreSQL 15 docs 34.1.1.2), with a host and a database name required: the app opens a remote fleet database,
 * not a local socket default. A password typed into its own field goes into the URI (percent-encoded by URL).
 */
export function checkCentralConnection(address: string, password: string): CentralCheck {
  const text = address.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { ok: false, problem: 'notUrl' };
  }
  if (u.protocol !== 'postgresql:' && u.protocol !== 'postgres:') return { ok: false, problem: 'scheme' };
  if (u.hostname === '') return { ok: false, problem: 'host' };
  if (u.pathname.replace(/^\//, '') === '') return { ok: false, problem: 'database' };
  if (password !== '') u.password = password;
  return { ok: true, url: u.toString() };
}

/** What the form sent, from the address of the navigation it started; null for any other navigation. */
export function readCentralForm(navigation: string): { readonly cancel: boolean; readonly address: string; readonly password: string } | null {
  let u: URL;
  try {
    u = new URL(navigation);
  } catch {
    return null;
  }
  if (`${u.origin}${u.pathname}` !== CENTRAL_FORM_ACTION) return null;
  return { cancel: u.searchParams.get('action') === 'cancel', address: u.searchParams.get('address') ?? '', password: u.searchParams.get('password') ?? '' };
}

const CSS = `:root{color-scheme:light dark;font-family:system-ui,sans-serif}
body{margin:0;padding:16px 20px;background:#f4f6f8;color:#1b2733}
@media (prefers-color-scheme:dark){body{background:#0f141a;color:#e6edf3}}
h1{font-size:18px;margin:0 0 8px}p{font-size:13px;margin:0 0 12px}label{display:block;font-size:13px;margin:0 0 10px}
input{display:block;width:100%;box-sizing:border-box;margin-top:4px;padding:6px;font:inherit}
.problem{color:#b3261e;font-weight:600}@media (prefers-color-scheme:dark){.problem{color:#ff8a80}}
.actions{display:flex;justify-content:flex-end;gap:8px}`;

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const PROBLEM_KEYS: Record<CentralProblem, ElectronMessageKey> = {
  empty: 'central.problem.empty',
  notUrl: 'central.problem.notUrl',
  scheme: 'central.problem.scheme',
  host: 'central.problem.host',
  database: 'central.problem.database',
};

/** The address as shown again after a refused entry: a password written into it is left out. */
function withoutPassword(address: string): string {
  try {
    const u = new URL(address.trim());
    if (u.protocol === 'postgresql:' || u.protocol === 'postgres:') {
      u.password = '';
      return u.toString();
    }
  } catch {
    // not a URL: see below
  }
  // not a PostgreSQL URI ('r:secret@h' reads as scheme 'r:'), but an '@' may follow a password: keep what is after it
  return address.includes('@') ? address.slice(address.lastIndexOf('@') + 1) : address;
}

/** The prompt page; after a refused entry it says why and keeps the address (never the password) for correction. */
export function centralPromptHtml(lang: Language, state: { readonly address?: string; readonly problem?: CentralProblem } = {}): string {
  const hash = createHash('sha256').update(CSS, 'utf8').digest('base64');
  const problem = state.problem === undefined ? '' : `<p class="problem" role="alert">${escapeHtml(t(lang, PROBLEM_KEYS[state.problem]))}</p>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action ${CENTRAL_FORM_ACTION}">
<title>${escapeHtml(t(lang, 'central.title'))}</title><style>${CSS}</style></head>
<body><h1>${escapeHtml(t(lang, 'central.title'))}</h1><p>${escapeHtml(t(lang, 'central.hint'))}</p>${problem}
<form method="get" action="${CENTRAL_FORM_ACTION}" autocomplete="off">
<label>${escapeHtml(t(lang, 'central.address'))}<input name="address" type="text" spellcheck="false" autofocus required value="${escapeHtml(withoutPassword(state.address ?? ''))}" placeholder="postgresql://plustwin_read@central.example/plustwin"></label>
<label>${escapeHtml(t(lang, 'central.password'))}<input name="password" type="password"></label>
<div class="actions"><button type="submit" name="action" value="cancel" formnovalidate>${escapeHtml(t(lang, 'central.cancel'))}</button><button type="submit" name="action" value="open">${escapeHtml(t(lang, 'central.open'))}</button></div>
</form></body></html>`;
}

export const centralPromptUrl = (lang: Language, state?: Parameters<typeof centralPromptHtml>[1]): string =>
  `data:text/html;charset=utf-8;base64,${Buffer.from(centralPromptHtml(lang, state), 'utf8').toString('base64')}`;
