/**
 * `plustwin serve --host 0.0.0.0` as a real child process: bound to a non-loopback address every API request and
 * event socket needs the token, which is printed once and stored only as its hash; cross-origin requests are
 * refused and no response carries a wildcard CORS header. /health answers without a token.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServeChild, waitForLog, type ServeChild } from '../shutdown/serve-child.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-serve-sec-'));
let serve: ServeChild;
let base: string;
let token: string;

const args = (...extra: string[]) => ['--data', dir, '--host', '0.0.0.0', '--port', '0', '--no-demo', ...extra];
/** The server listens on every address; the test reaches it over loopback. */
const loopback = (url: string) => url.replace('0.0.0.0', '127.0.0.1');

const call = (headers: Record<string, string> = {}, method = 'app.info') =>
  fetch(new URL('/api/call', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ method, args: {} }),
  });

function wsStatus(url: string, headers: Record<string, string> = {}): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => {});
  });
}

beforeAll(async () => {
  serve = await startServeChild(args());
  base = loopback(serve.url);
  token = (await waitForLog(serve, /access token \(shown once, stored hashed\): (\S+)/))[1]!;
}, 120_000);

afterAll(async () => {
  await serve?.stop(5_000);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('serve bound to a non-loopback address', () => {
  it('answers /health without a token', async () => {
    const res = await fetch(new URL('/health', base));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('refuses calls without a token or with a wrong one (401), accepts the right one', async () => {
    const none = await call();
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: { message: 'token required' } });
    const wrong = await call({ authorization: 'Bearer not-the-token' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { message: 'wrong token' } });
    const right = await call({ authorization: `Bearer ${token}` });
    expect(right.status).toBe(200);
    expect(await right.json()).toMatchObject({ ok: true, value: { transport: 'http' } });
  });

  it('refuses another site even with the token, and never sends a wildcard CORS header', async () => {
    const foreign = await call({ authorization: `Bearer ${token}`, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const same = await call({ authorization: `Bearer ${token}`, origin: base.replace(/\/$/, '') });
    expect(same.status).toBe(200);
    const preflight = await fetch(new URL('/api/call', base), {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    for (const res of [foreign, same, preflight]) expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.ok).toBe(false);
  });

  it('guards the event socket the same way', async () => {
    const ws = loopback(serve.url).replace('http', 'ws') + 'api/events';
    expect(await wsStatus(ws)).toBe(401);
    expect(await wsStatus(`${ws}?token=wrong`)).toBe(401);
    expect(await wsStatus(ws, { origin: 'http://evil.example', authorization: `Bearer ${token}` })).toBe(403);
    expect(await wsStatus(`${ws}?token=${encodeURIComponent(token)}`)).toBe('open');
  });

  it('stores only the hash; a restart shows no token and keeps it valid; --new-token replaces it', async () => {
    const stored = fs.readFileSync(path.join(dir, 'serve-token.sha256'), 'utf8').trim();
    expect(stored).toBe(crypto.createHash('sha256').update(token).digest('hex'));
    expect(stored).not.toContain(token);
    expect(fs.statSync(path.join(dir, 'serve-token.sha256')).mode & 0o077).toBe(0);

    expect(await serve.stop()).toBe(0);
    serve = await startServeChild(args());
    base = loopback(serve.url);
    await waitForLog(serve, /access token required/);
    expect(serve.log()).not.toContain(token);
    expect((await call({ authorization: `Bearer ${token}` })).status).toBe(200);

    expect(await serve.stop()).toBe(0);
    serve = await startServeChild(args('--new-token'));
    base = loopback(serve.url);
    const fresh = (await waitForLog(serve, /access token \(shown once, stored hashed\): (\S+)/))[1]!;
    expect(fresh).not.toBe(token);
    expect((await call({ authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await call({ authorization: `Bearer ${fresh}` })).status).toBe(200);
  }, 120_000);
});
