/**
 * Serve mode's transport for the contract: calls are POSTed as JSON to HTTP_CALL_PATH and answer a Result; events
 * arrive as WireEvent JSON on a WebSocket at WS_EVENTS_PATH, which is reopened with backoff whenever it drops.
 * Transport failures become Result errors so that the UI handles one error shape only.
 */
import { HTTP_CALL_PATH, WS_EVENTS_PATH, type ApiEvents, type ArgsOf, type EventName, type MethodName, type PlusTwinApi, type ResultOf } from '../../models/contract/index.js';
import type { Result } from '../../models/result.js';

/** The part of the DOM WebSocket the client uses, so tests can pass the ws package's class. */
export interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  close(): void;
}

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface HttpClientOptions {
  /** Origin (and optional path prefix) of the serve-mode server, e.g. http://127.0.0.1:4711 */
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  readonly openSocket?: (url: string) => SocketLike;
  /** First reconnect delay; doubles up to maxReconnectDelayMs. */
  readonly reconnectDelayMs?: number;
  readonly maxReconnectDelayMs?: number;
  /** Added as a bearer token when the server is bound beyond localhost. */
  readonly token?: string;
}

export interface HttpApi extends PlusTwinApi {
  readonly connection: () => ConnectionState;
  /** Called on every change of the event socket's state. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function asResult<T>(body: unknown, where: string): Result<T> {
  if (isObject(body) && body['ok'] === true && 'value' in body) return { ok: true, value: body['value'] as T };
  if (isObject(body) && body['ok'] === false && isObject(body['error']) && typeof body['error']['message'] === 'string') {
    return body as unknown as Result<T>;
  }
  return { ok: false, error: { kind: 'internal', message: 'server answered something that is not a Result', where } };
}

export function wsUrlFor(baseUrl: string): string {
  const u = new URL(WS_EVENTS_PATH.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
}

export function createHttpApi(options: HttpClientOptions): HttpApi {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const callUrl = new URL(HTTP_CALL_PATH.replace(/^\//, ''), base).toString();
  const openSocket = options.openSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const firstDelay = options.reconnectDelayMs ?? 500;
  const maxDelay = options.maxReconnectDelayMs ?? 10_000;
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'closed';
  let socket: SocketLike | null = null;
  let closed = false;
  let delay = firstDelay;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    for (const l of connectionListeners) l(next);
  };

  const dispatch = (raw: unknown): void => {
    let msg: unknown;
    try {
      msg = JSON.parse(typeof raw === 'string' ? raw : String(raw));
    } catch {
      return; // a garbled frame must not kill the stream; the next status event heals the view
    }
    if (!isObject(msg) || typeof msg['event'] !== 'string') return;
    const set = listeners.get(msg['event'] as EventName);
    if (!set) return;
    for (const l of set) (l as (p: unknown) => void)(msg['payload']);
  };

  const connect = (): void => {
    if (closed) return;
    setState('connecting');
    let s: SocketLike;
    try {
      s = openSocket(wsUrlFor(options.baseUrl));
    } catch {
      scheduleReconnect();
      return;
    }
    socket = s;
    s.onopen = () => {
      delay = firstDelay;
      setState('open');
    };
    s.onmessage = (ev) => dispatch(ev.data);
    s.onerror = () => undefined; // onclose follows and does the work
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      setState('closed');
      scheduleReconnect();
    };
  };

  const scheduleReconnect = (): void => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      connect();
    }, delay);
    delay = Math.min(maxDelay, delay * 2);
  };

  const ensureSocket = (): void => {
    if (!socket && !timer && !closed) connect();
  };

  return {
    async call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>>> {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.token) headers['authorization'] = `Bearer ${options.token}`;
      let response: Response;
      try {
        response = await doFetch(callUrl, { method: 'POST', headers, body: JSON.stringify({ method, args }) });
      } catch (e) {
        return { ok: false, error: { kind: 'internal', message: `server not reachable: ${(e as Error).message}`, where: method } };
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return { ok: false, error: { kind: 'internal', message: `HTTP ${response.status}: answer is not JSON`, where: method } };
      }
      return asResult<ResultOf<M>>(body, method);
    },
    on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener as (payload: never) => void);
      ensureSocket();
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
    connection: () => state,
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => {
        connectionListeners.delete(listener);
      };
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const s = socket;
      socket = null;
      s?.close();
      setState('closed');
    },
  };
}
