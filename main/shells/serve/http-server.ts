/**
 * Serve mode's transport: the renderer's files, POST /api/call for the contract's methods and a WebSocket on
 * /api/events for its events. It is the same dispatch() the Electron IPC uses, so both transports behave alike.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { DOWNLOAD_PATH, HTTP_CALL_PATH, WS_EVENTS_PATH, type EventName, type WireCall } from '../../../models/contract/index.js';
import { err } from '../../../models/result.js';
import { dispatch, type Handlers } from '../../core/api/dispatch.js';
import { downloadFile } from '../../core/api/download-file.js';
import fs from 'node:fs';
import type { EventBus } from '../../core/base/event-bus.js';
import { checkAccess, checkHost, type AccessPolicy } from './access.js';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { securityHeaders } from '../../core/ui-assets/security-headers.js';
import { serveStatic } from '../../core/ui-assets/static-files.js';

/** Room for a history CSV of up to 8 MB ('history.import'), JSON-escaped; every other call is far smaller. */
const MAX_BODY = 12 << 20;
const EVENT_NAMES: readonly EventName[] = ['status', 'live'];

export interface HttpServerOptions {
  readonly host: string;
  readonly port: number;
  readonly staticDir: string;
  readonly handlers: Handlers;
  readonly events: EventBus;
  readonly access: AccessPolicy;
  /** Per client address, for the API and the event socket (default DEFAULT_RATE_LIMIT). */
  readonly rateLimit?: RateLimitOptions;
  /** Where finished exports lie (main/core/api/download-file.ts); without it GET DOWNLOAD_PATH/<id> answers 404. */
  readonly exportsDir?: string;
  /** How long close() lets requests under way finish before it cuts them off (default 5 s). */
  readonly drainMs?: number;
}

export interface RunningHttpServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** The body is over MAX_BODY: answered 413 with a message rather than a cut connection. */
class BodyTooLarge extends Error {}

const tooLargeMessage = `request body larger than ${MAX_BODY >> 20} MB (a history CSV may have at most 8 MB)`;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY) return reject(new BodyTooLarge(tooLargeMessage));
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) return void chunks.push(c);
      // keep nothing more; Node discards the rest of the body once the 413 is sent, so the client reads it
      chunks.length = 0;
      req.off('data', onData);
      reject(new BodyTooLarge(tooLargeMessage));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sendJson = (res: http.ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...securityHeaders() }).end(JSON.stringify(body));

async function handleCall(req: http.IncomingMessage, res: http.ServerResponse, handlers: Handlers): Promise<void> {
  if (req.method !== 'POST') return void sendJson(res, 405, err('validation', 'use POST'));
  // a JSON content type forces a CORS preflight, which we never answer: no cross-site form posts
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return void sendJson(res, 415, err('validation', 'content-type must be application/json'));
  }
  let call: WireCall;
  try {
    call = JSON.parse(await readBody(req)) as WireCall;
  } catch (e) {
    if (e instanceof BodyTooLarge) {
      res.setHeader('connection', 'close');
      return void sendJson(res, 413, err('validation', e.message));
    }
    return void sendJson(res, 400, err('validation', `request body is not JSON: ${(e as Error).message}`));
  }
  if (typeof call !== 'object' || call === null) return void sendJson(res, 400, err('validation', 'body must be {method, args}'));
  sendJson(res, 200, await dispatch(handlers, call.method, call.args));
}

/** A finished export as an attachment, streamed; behind the same host, origin and token checks as every API call. */
function sendDownload(req: http.IncomingMessage, res: http.ServerResponse, exportsDir: string | undefined, jobId: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return void sendJson(res, 405, err('validation', 'use GET'));
  const found = exportsDir === undefined ? null : downloadFile(exportsDir, jobId);
  if (found === null) return void sendJson(res, 404, err('not-found', `no finished export '${jobId.slice(0, 40)}' (exports are kept for an hour)`));
  res.writeHead(200, { ...securityHeaders(), ...found.headers });
  if (req.method === 'HEAD') return void res.end();
  const stream = fs.createReadStream(found.file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

export async function startHttpServer(o: HttpServerOptions): Promise<RunningHttpServer> {
  const headers = securityHeaders();
  const limiter = new RateLimiter(o.rateLimit ?? DEFAULT_RATE_LIMIT);
  const clientOf = (req: http.IncomingMessage) => req.socket.remoteAddress ?? 'unknown';
  let draining = false;
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const host = checkHost(req, o.access);
    if (!host.ok) return void sendJson(res, host.status, err('validation', host.reason));
    // for monitoring on the gateway PC: no token needed, and it tells nothing but whether the core is up
    if (path === '/health') return void sendJson(res, draining ? 503 : 200, { ok: !draining });
    if (path.startsWith('/api/')) {
      const rate = limiter.take(clientOf(req));
      if (!rate.ok) {
        res.setHeader('retry-after', String(rate.retryAfterSeconds));
        return void sendJson(res, 429, err('validation', 'too many requests, slow down'));
      }
      if (draining) return void sendJson(res, 503, err('internal', 'shutting down'));
      const access = checkAccess(req, o.access);
      if (!access.ok) return void sendJson(res, access.status, err('validation', access.reason));
      if (path === HTTP_CALL_PATH) {
        handleCall(req, res, o.handlers).catch((e) => sendJson(res, 500, err('internal', (e as Error).message)));
        return;
      }
      if (path.startsWith(`${DOWNLOAD_PATH}/`)) return void sendDownload(req, res, o.exportsDir, path.slice(DOWNLOAD_PATH.length + 1));
      return void sendJson(res, 404, err('not-found', `no API at ${path}`));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    void serveStatic(o.staticDir, path, res, headers);
  });

  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '/').split('?')[0];
    if (!limiter.take(clientOf(req)).ok || draining) {
      socket.end(`HTTP/1.1 ${draining ? 503 : 429} refused\r\n\r\n`);
      return;
    }
    const access = checkAccess(req, o.access);
    if (path !== WS_EVENTS_PATH || !access.ok) {
      socket.end(`HTTP/1.1 ${access.ok ? 404 : access.status} refused\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
    });
  });
  const unsubscribe = EVENT_NAMES.map((event) =>
    o.events.on(event, (payload) => {
      const message = JSON.stringify({ event, payload });
      for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(message);
    }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: async () => {
      draining = true;
      unsubscribe.forEach((u) => u());
      for (const ws of sockets) ws.close(1001, 'server shutting down');
      wss.close();
      // requests under way may finish (a call that writes must not be cut off); idle keep-alive sockets go now
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => {
        for (const ws of sockets) ws.terminate();
        server.closeAllConnections();
      }, o.drainMs ?? 5_000);
      await closed;
      clearTimeout(force);
    },
  };
}
