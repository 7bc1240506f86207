/**
 * The HTTP server in process with stand-in handlers: a client that floods the API gets 429 with Retry-After while
 * another client is served; a call under way when close() starts still gets its answer; loopback needs no token.
 */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../main/core/api/dispatch.js';
import { EventBus } from '../../../main/core/base/event-bus.js';
import { startHttpServer, type RunningHttpServer } from '../../../main/shells/serve/http-server.js';

let server: RunningHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const info = { version: 't', dataDir: '/d', dbPath: '/d/x.sqlite', transport: 'http' as const };

async function start(handlers: Partial<Handlers>, rateLimit = { burst: 5, perSecond: 0.5 }) {
  server = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    staticDir: '/nonexistent',
    handlers: handlers as Handlers,
    events: new EventBus(),
    access: { tokenHash: null },
    rateLimit,
    drainMs: 5_000,
  });
  return server;
}

/** A POST from a chosen local address, so two clients can be told apart on loopback. */
function postFrom(localAddress: string, url: string): Promise<{ status: number; retryAfter: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url + 'api/call', { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined, body }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ method: 'app.info', args: {} }));
  });
}

describe('serve: rate limit and graceful close', () => {
  it('answers 429 with Retry-After to a flooding client and keeps serving the others', async () => {
    const s = await start({ 'app.info': async () => info });
    const first: number[] = [];
    for (let i = 0; i < 8; i++) first.push((await postFrom('127.0.0.1', s.url)).status);
    expect(first.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(first.slice(5)).toEqual([429, 429, 429]);
    const limited = await postFrom('127.0.0.1', s.url);
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(limited.body)).toMatchObject({ ok: false, error: { message: 'too many requests, slow down' } });
    // another address on the loopback network is another client
    expect((await postFrom('127.0.0.2', s.url)).status).toBe(200);
    // health is for monitors and never limited
    expect((await fetch(new URL('/health', s.url))).status).toBe(200);
  });

  it('lets a call under way finish when close() starts, and refuses new ones', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const inHandler = new Promise<void>((r) => (started = r));
    const s = await start({
      'app.info': async () => {
        started();
        await slow;
        return info;
      },
    }, { burst: 100, perSecond: 100 });
    const url = s.url;
    const pending = postFrom('127.0.0.1', url);
    await inHandler;
    const closing = s.close();
    server = undefined;
    setTimeout(release, 200);
    const answered = await pending;
    await closing;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.body)).toMatchObject({ ok: true, value: info });
    await expect(postFrom('127.0.0.1', url)).rejects.toThrow();
  });
});
