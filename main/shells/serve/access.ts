/**
 * Who may talk to serve mode. On loopback the browser on this PC is trusted; bound to any other address every API
 * request and event socket needs the token. Requests that carry an Origin must come from the page we served:
 * no wildcard CORS, so another site open in the same browser cannot drive the API.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

export interface AccessPolicy {
  /** sha256 of the token, or null on loopback without a token */
  readonly tokenHash: string | null;
}

export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

function presentedToken(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  const url = new URL(req.url ?? '/', 'http://x');
  return url.searchParams.get('token');
}

export type AccessDecision = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export function checkAccess(req: IncomingMessage, policy: AccessPolicy): AccessDecision {
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
