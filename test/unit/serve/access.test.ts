import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkAccess, hashToken, isLoopback } from '../../../main/shells/serve/access.js';
import { resolveStatic } from '../../../main/core/ui-assets/static-files.js';

const req = (headers: Record<string, string>, url = '/api/call') => ({ headers, url }) as unknown as IncomingMessage;

describe('serve access', () => {
  it('knows loopback addresses', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('127.4.5.6')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('192.168.1.10')).toBe(false);
  });

  it('on loopback without a token accepts same-origin and refuses cross-origin requests', () => {
    const policy = { tokenHash: null };
    expect(checkAccess(req({ host: '127.0.0.1:8740' }), policy)).toEqual({ ok: true });
    expect(checkAccess(req({ host: '127.0.0.1:8740', origin: 'http://127.0.0.1:8740' }), policy)).toEqual({ ok: true });
    expect(checkAccess(req({ host: '127.0.0.1:8740', origin: 'http://evil.example' }), policy)).toMatchObject({ ok: false, status: 403 });
  });

  it('with a token: none is 401, a wrong one is 401, the right one passes (header or query)', () => {
    const policy = { tokenHash: hashToken('s3cret') };
    expect(checkAccess(req({ host: 'h' }), policy)).toMatchObject({ ok: false, status: 401, reason: 'token required' });
    expect(checkAccess(req({ host: 'h', authorization: 'Bearer nope' }), policy)).toMatchObject({ ok: false, status: 401, reason: 'wrong token' });
    expect(checkAccess(req({ host: 'h', authorization: 'Bearer s3cret' }), policy)).toEqual({ ok: true });
    expect(checkAccess(req({ host: 'h' }, '/api/events?token=s3cret'), policy)).toEqual({ ok: true });
  });
});

describe('static files', () => {
  const root = '/srv/renderer';
  it('maps / to index.html and stays inside the folder', () => {
    expect(resolveStatic(root, '/')).toBe('/srv/renderer/index.html');
    expect(resolveStatic(root, '/assets/app.js?v=1')).toBe('/srv/renderer/assets/app.js');
    expect(resolveStatic(root, '/../../etc/passwd')).toBeNull();
    expect(resolveStatic(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStatic(root, '/%E0%A4%A')).toBeNull();
  });
});
