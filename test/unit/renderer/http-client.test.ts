import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { HTTP_CALL_PATH, WS_EVENTS_PATH, type CollectorStatus } from '../../../models/contract/index.js';
import { createHttpApi, wsUrlFor, type HttpApi, type SocketLike } from '../../../renderer/api/http-client.js';

const status = (now: number): CollectorStatus => ({
  now,
  speed: 1,
  devicesOnline: 1,
  devicesTotal: 2,
  lastPollTs: now,
  readingsStored: 3,
  devices: [],
});

/** A small stand-in for serve mode on a free loopback port: one call endpoint and an event socket. */
class FakeServe {
  readonly http: Server;
  readonly wss: WebSocketServer;
  readonly calls: unknown[] = [];
  reply: (body: unknown) => { status: number; text: string } = () => ({
    status: 200,
    text: JSON.stringify({ ok: true, value: { version: '0', dataDir: '/d', dbPath: '/d/x', transport: 'http' } }),
  });
  connections = 0;

  constructor() {
    this.http = createServer((req, res) => {
      if (req.method !== 'POST' || req.url !== HTTP_CALL_PATH) {
        res.writeHead(404).end();
        return;
      }
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const body: unknown = JSON.parse(raw);
        this.calls.push(body);
        const r = this.reply(body);
        res.writeHead(r.status, { 'content-type': 'application/json' }).end(r.text);
      });
    });
    this.wss = new WebSocketServer({ server: this.http, path: WS_EVENTS_PATH });
    this.wss.on('connection', () => this.connections++);
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  broadcast(text: string): void {
    for (const c of this.wss.clients) c.send(text);
  }

  dropAll(): void {
    for (const c of this.wss.clients) c.terminate();
  }

  async close(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }
}

const until = async (check: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('HTTP + WebSocket api client', () => {
  let server: FakeServe;
  let base: string;
  let api: HttpApi;

  beforeEach(async () => {
    server = new FakeServe();
    base = await server.listen();
    api = createHttpApi({
      baseUrl: base,
      openSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      reconnectDelayMs: 20,
      maxReconnectDelayMs: 50,
    });
  });

  afterEach(async () => {
    api.close();
    await server.close();
  });

  it('derives the socket URL from the page origin', () => {
    expect(wsUrlFor('http://127.0.0.1:8080')).toBe('ws://127.0.0.1:8080/api/events');
    expect(wsUrlFor('https://gw.example/')).toBe('wss://gw.example/api/events');
  });

  it('POSTs {method, args} and returns the Result', async () => {
    const r = await api.call('app.info', {});
    expect(server.calls).toEqual([{ method: 'app.info', args: {} }]);
    expect(r.ok && r.value.transport).toBe('http');
  });

  it('passes typed errors from the server through unchanged', async () => {
    server.reply = () => ({
      status: 400,
      text: JSON.stringify({ ok: false, error: { kind: 'validation', message: 'from > to', where: 'args.from' } }),
    });
    const r = await api.call('district.balances', { from: 2, to: 1 });
    expect(r).toEqual({ ok: false, error: { kind: 'validation', message: 'from > to', where: 'args.from' } });
  });

  it('turns a non-JSON or non-Result answer into an internal error naming the method', async () => {
    server.reply = () => ({ status: 502, text: '<html>bad gateway</html>' });
    const r1 = await api.call('status.get', {});
    expect(r1).toEqual({ ok: false, error: { kind: 'internal', message: 'HTTP 502: answer is not JSON', where: 'status.get' } });
    server.reply = () => ({ status: 200, text: '{"hello":1}' });
    const r2 = await api.call('status.get', {});
    expect(!r2.ok && r2.error.message).toMatch(/not a Result/);
  });

  it('reports an unreachable server as an error value, not an exception', async () => {
    const dead = createHttpApi({ baseUrl: 'http://127.0.0.1:9', openSocket: () => ({}) as SocketLike });
    const r = await dead.call('status.get', {});
    expect(!r.ok && r.error.kind).toBe('internal');
    expect(!r.ok && r.error.message).toMatch(/not reachable/);
    dead.close();
  });

  it('delivers events to subscribers, ignores garbage frames and stops after unsubscribe', async () => {
    const got: number[] = [];
    const off = api.on('status', (s) => got.push(s.now));
    await until(() => api.connection() === 'open');
    server.broadcast('not json');
    server.broadcast(JSON.stringify({ event: 'live', payload: { ts: 1, buildings: {} } }));
    server.broadcast(JSON.stringify({ event: 'status', payload: status(42) }));
    await until(() => got.length === 1);
    off();
    server.broadcast(JSON.stringify({ event: 'status', payload: status(43) }));
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toEqual([42]);
  });

  it('reconnects when the socket drops and keeps the subscriptions', async () => {
    const states: string[] = [];
    api.onConnection((s) => states.push(s));
    const got: number[] = [];
    api.on('status', (s) => got.push(s.now));
    await until(() => api.connection() === 'open');
    server.dropAll();
    await until(() => states.includes('closed'));
    await until(() => api.connection() === 'open' && server.connections === 2);
    server.broadcast(JSON.stringify({ event: 'status', payload: status(7) }));
    await until(() => got.includes(7));
    expect(states).toEqual(['connecting', 'open', 'closed', 'connecting', 'open']);
  });
});
