/**
 * Who may talk to serve mode. On loopback the browser on this PC is trusted; bound to any other address every API
 * request and event socket needs the token. Requests that carry an Origin must come from the page we served:
 * no wildcard CORS, so another site open in the same browser cannot drive the API.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { HostAllowList } from './host-allow-list.js';

export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

export interface AccessPolicy {
  /** sha256 of the token, or null on loopback without a token */
  readonly tokenHash: string | null;
  /** The Host names serve answers to (DNS rebinding); every name when absent (in-process tests only). */
  readonly hosts?: HostAllowList;
}

export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

function presentedToken(req: IncomingMessage): string | null {
  // the auth scheme is case-insensitive (RFC 9110 section 11.1), so 'bearer' is as good as 'Bearer'
  const auth = /^bearer +(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (auth) return auth[1]!;
  const url = new URL(req.url ?? '/', 'http://x');
  return url.searchParams.get('token');
}

export type AccessDecision = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/** Checked before anything else on every request and upgrade, static files and /health included. */
export function checkHost(req: IncomingMessage, policy: AccessPolicy): AccessDecision {
  if (!policy.hosts || policy.hosts.allows(req.headers.host)) return { ok: true };
  const shown = (req.headers.host ?? '').slice(0, 100);
  return { ok: false, status: 403, reason: `unknown host '${shown}': serve answers to ${policy.hosts.names.join(', ')} (add a name with --allow-host)` };
}

export function checkAccess(req: IncomingMessage, policy: AccessPolicy): AccessDecision {
  const host = checkHost(req, policy);
  if (!host.ok) return host;
  const origin = req.headers.origin;
  if (origin !== undefined && req.headers.host !== undefined) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return { ok: false, status: 403, reason: 'bad origin' };
    }
    if (originHost !== req.headers.host) return { ok: false, status: 403, reason: 'cross-origin request refused' };
  }
  if (policy.tokenHash === null) return { ok: true };
  const token = presentedToken(req);
  if (token === null) return { ok: false, status: 401, reason: 'token required' };
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(policy.tokenHash, 'hex');
  return crypto.timingSafeEqual(a, b) ? { ok: true } : { ok: false, status: 401, reason: 'wrong token' };
}
