/**
 * The messages between the Electron main process and the core in its utility process, over one MessagePort.
 * Calls carry the contract's method names and go through the same dispatch() as serve mode; events carry the
 * contract's event names. Both ends check what arrives: the port is a process boundary like any other.
 */
import { z } from 'zod';
import type { AppInfo, EventName } from '../../../models/contract/index.js';
import { err, type Result } from '../../../models/result.js';
import { LANGUAGES } from '../../../models/values.js';

/** The two ends' view of a port: Electron's MessagePortMain and Node's MessagePort both adapt to it. */
export interface CorePort {
  postMessage(message: unknown): void;
  onMessage(listener: (data: unknown) => void): void;
  onClose(listener: () => void): void;
}

export const EVENT_NAMES: readonly EventName[] = ['status', 'live'];

/**
 * Keeps what arrives before anyone listens. Electron's MessagePortMain, once started, emits each message as an event
 * and a message without a listener is gone; the core process listens only when the core is up (about 10 s on a
 * first start), and a 'shutdown' sent in that time must still be answered.
 */
export function earlyMessages(): { push(data: unknown): void; onMessage(listener: (data: unknown) => void): void } {
  const held: unknown[] = [];
  let deliver: ((data: unknown) => void) | undefined;
  return {
    push: (data) => (deliver ? deliver(data) : void held.push(data)),
    onMessage(listener) {
      deliver = listener;
      for (const data of held.splice(0)) listener(data);
    },
  };
}

const exportFormat = z.enum(['pdf', 'xlsx', 'csv']);

/** Work the desktop shell asks of the core beyond the UI's contract: projects, import, export. */
export const controlSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open-project'), file: z.string().min(1).max(4096) }).strict(),
  z.object({ kind: z.literal('new-demo-project'), name: z.string().min(1).max(200) }).strict(),
  z.object({ kind: z.literal('new-import-project'), name: z.string().min(1).max(200), source: z.string().min(1).max(4096) }).strict(),
  z.object({ kind: z.literal('import'), source: z.string().min(1).max(4096) }).strict(),
  z
    .object({ kind: z.literal('export'), format: exportFormat, out: z.string().min(1).max(4096), period: z.string().min(4).max(40), lang: z.enum(LANGUAGES) })
    .strict(),
  // the core lays out the PDF report page; the main process prints it with Electron's own printToPDF
  z.object({ kind: z.literal('prepare-pdf'), period: z.string().min(4).max(40), lang: z.enum(LANGUAGES) }).strict(),
  z.object({ kind: z.literal('recent-projects') }).strict(),
  // a fleet's central database, read-only (central-connection.ts checked the address; the core connects)
  z.object({ kind: z.literal('open-central'), url: z.string().min(1).max(4096) }).strict(),
]);
export type ControlAction = z.infer<typeof controlSchema>;

const id = z.number().int().min(0);
export const toCoreSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id, method: z.string().max(100), args: z.unknown() }).strict(),
  z.object({ type: z.literal('control'), id, action: controlSchema }).strict(),
  z.object({ type: z.literal('shutdown') }).strict(),
]);
export type ToCore = z.infer<typeof toCoreSchema>;

export interface ShutdownReport {
  readonly accepted: number;
  readonly stored: number;
  readonly pendingAtShutdown: number;
}

export type FromCore =
  | { readonly type: 'ready'; readonly info: AppInfo }
  | { readonly type: 'reply'; readonly id: number; readonly result: Result<unknown> }
  | { readonly type: 'event'; readonly name: EventName; readonly payload: unknown }
  | { readonly type: 'log'; readonly line: string }
  | { readonly type: 'closed'; readonly report: ShutdownReport }
  | { readonly type: 'fatal'; readonly message: string };

const fromCoreSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), info: z.object({}).passthrough() }),
  z.object({ type: z.literal('reply'), id, result: z.object({ ok: z.boolean() }).passthrough() }),
  z.object({ type: z.literal('event'), name: z.enum(['status', 'live']), payload: z.unknown() }),
  z.object({ type: z.literal('log'), line: z.string() }),
  z.object({ type: z.literal('closed'), report: z.object({ accepted: z.number(), stored: z.number(), pendingAtShutdown: z.number() }) }),
  z.object({ type: z.literal('fatal'), message: z.string() }),
]);

/** What the core side needs to answer the main process. */
export interface CoreHost {
  call(method: string, args: unknown): Promise<Result<unknown>>;
  control(action: ControlAction): Promise<Result<unknown>>;
  /** Subscribe to the contract's events; the host re-subscribes itself when it switches projects. */
  onEvent(listener: (name: EventName, payload: unknown) => void): void;
  close(): Promise<ShutdownReport>;
}

/** The core's end: answers calls and controls, forwards events, and closes on 'shutdown' or when the port closes. */
export function serveCore(port: CorePort, host: CoreHost, info: AppInfo, onClosed: () => void = () => {}): void {
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= host
      .close()
      .then((report) => port.postMessage({ type: 'closed', report } satisfies FromCore))
      .catch((e: unknown) => port.postMessage({ type: 'fatal', message: `shutdown failed: ${(e as Error).message}` } satisfies FromCore))
      .finally(onClosed));
  host.onEvent((name, payload) => {
    if (!closing) port.postMessage({ type: 'event', name, payload } satisfies FromCore);
  });
  port.onMessage((data) => {
    const parsed = toCoreSchema.safeParse(data);
    if (!parsed.success) {
      const msg = parsed.error.issues[0];
      port.postMessage({ type: 'log', line: `core: refused a malformed message (${msg?.path.join('.') || 'message'}: ${msg?.message})` } satisfies FromCore);
      return;
    }
    const m = parsed.data;
    if (m.type === 'shutdown') return void close();
    if (closing) return port.postMessage({ type: 'reply', id: m.id, result: err('internal', 'the core is shutting down') } satisfies FromCore);
    const work = m.type === 'call' ? host.call(m.method, m.args) : host.control(m.action);
    void work
      .catch((e: unknown) => err('internal', (e as Error).message ?? String(e)))
      .then((result) => port.postMessage({ type: 'reply', id: m.id, result } satisfies FromCore));
  });
  port.onClose(() => void close());
  port.postMessage({ type: 'ready', info } satisfies FromCore);
}

export interface CoreClient {
  readonly ready: Promise<AppInfo>;
  call(method: string, args: unknown): Promise<Result<unknown>>;
  control(action: ControlAction): Promise<Result<unknown>>;
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
  onLog(listener: (line: string) => void): void;
  /** Asks the core to write everything and close; resolves with its report. */
  shutdown(timeoutMs?: number): Promise<ShutdownReport>;
}

/** The main process's end. A call never hangs: it times out, or fails when the core process goes away. */
export function connectCore(port: CorePort, callTimeoutMs = 120_000): CoreClient {
  let next = 0;
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void; timer: NodeJS.Timeout }>();
  const eventListeners = new Set<(name: EventName, payload: unknown) => void>();
  const logListeners = new Set<(line: string) => void>();
  let resolveReady!: (info: AppInfo) => void;
  let rejectReady!: (e: Error) => void;
  const ready = new Promise<AppInfo>((res, rej) => ((resolveReady = res), (rejectReady = rej)));
  ready.catch(() => {});
  let onClosed: ((r: ShutdownReport) => void) | undefined;
  let onGone: ((e: Error) => void) | undefined;
  let gone = false;

  const failAll = (message: string) => {
    for (const [key, p] of pending) {
      clearTimeout(p.timer);
      p.resolve(err('internal', message));
      pending.delete(key);
    }
  };

  port.onMessage((data) => {
    const parsed = fromCoreSchema.safeParse(data);
    if (!parsed.success) return;
    const m = data as FromCore;
    switch (m.type) {
      case 'ready':
        return resolveReady(m.info);
      case 'reply': {
        const p = pending.get(m.id);
        if (!p) return;
        clearTimeout(p.timer);
        pending.delete(m.id);
        return p.resolve(m.result);
      }
      case 'event':
        for (const l of eventListeners) l(m.name, m.payload);
        return;
      case 'log':
        for (const l of logListeners) l(m.line);
        return;
      case 'closed':
        return onClosed?.(m.report);
      case 'fatal':
        rejectReady(new Error(m.message));
        for (const l of logListeners) l(`core: ${m.message}`);
        return;
    }
  });
  port.onClose(() => {
    gone = true;
    failAll('the core process has stopped');
    rejectReady(new Error('the core process stopped before it was ready'));
    onGone?.(new Error('the core process stopped before it reported its shutdown'));
  });

  const send = (make: (id: number) => ToCore): Promise<Result<unknown>> =>
    new Promise((resolve) => {
      if (gone) return resolve(err('internal', 'the core process has stopped'));
      const callId = next++;
      const timer = setTimeout(() => {
        pending.delete(callId);
        resolve(err('internal', `the core did not answer within ${callTimeoutMs / 1000} s`));
      }, callTimeoutMs);
      pending.set(callId, { resolve, timer });
      port.postMessage(make(callId));
    });

  return {
    ready,
    call: (method, args) => send((callId) => ({ type: 'call', id: callId, method, args })),
    control: (action) => send((callId) => ({ type: 'control', id: callId, action })),
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onLog: (listener) => void logListeners.add(listener),
    shutdown: (timeoutMs = 60_000) =>
      new Promise<ShutdownReport>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the core did not shut down within ${timeoutMs / 1000} s`)), timeoutMs);
        onClosed = (r) => (clearTimeout(timer), resolve(r));
        onGone = (e) => (clearTimeout(timer), reject(e));
        if (gone) return onGone(new Error('the core process has already stopped'));
        port.postMessage({ type: 'shutdown' } satisfies ToCore);
      }),
  };
}
