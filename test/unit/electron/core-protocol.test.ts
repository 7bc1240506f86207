/**
 * The main process <-> core protocol over a real MessageChannel (Node's, structured clone like Electron's), with
 * a stand-in core: calls and replies, events, malformed messages, shutdown with its report, and a core that dies.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo, EventName } from '../../../models/contract/index.js';
import { err, ok } from '../../../models/result.js';
import { connectCore, serveCore, type CoreHost, type CorePort } from '../../../main/shells/electron/core-protocol.js';

const info: AppInfo = { version: '1', dataDir: '/d', dbPath: '/d/a.sqlite', transport: 'electron' };
const open: MessagePort[] = [];
afterEach(() => open.splice(0).forEach((p) => p.close()));

const adapt = (p: MessagePort): CorePort => ({
  postMessage: (m) => p.postMessage(m),
  onMessage: (l) => p.on('message', l),
  onClose: (l) => p.on('close', l),
});

function pair() {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  return { main: adapt(port1), core: adapt(port2), port1, port2 };
}

function fakeHost(overrides: Partial<CoreHost> = {}) {
  let emit: (name: EventName, payload: unknown) => void = () => {};
  const calls: Array<[string, unknown]> = [];
  const host: CoreHost = {
    call: async (method, args) => {
      calls.push([method, args]);
      return method === 'app.info' ? ok(info) : err('validation', `unknown method "${method}"`, 'method');
    },
    control: async (action) => ok({ did: action.kind }),
    onEvent: (l) => void (emit = l),
    close: async () => ({ accepted: 10, stored: 10, pendingAtShutdown: 3 }),
    ...overrides,
  };
  return { host, calls, emit: (n: EventName, p: unknown) => emit(n, p) };
}

describe('core protocol', () => {
  it('answers calls in any order, each with its own reply', async () => {
    const { main, core } = pair();
    const slowFirst: CoreHost['call'] = async (method) => {
      await new Promise((r) => setTimeout(r, method === 'slow' ? 50 : 0));
      return ok(method);
    };
    serveCore(core, fakeHost({ call: slowFirst }).host, info);
    const client = connectCore(main);
    expect(await client.ready).toEqual(info);
    const [a, b] = await Promise.all([client.call('slow', {}), client.call('fast', {})]);
    expect(a).toEqual(ok('slow'));
    expect(b).toEqual(ok('fast'));
  });

  it('forwards events and control actions, and a thrown handler becomes an error value', async () => {
    const { main, core } = pair();
    const fake = fakeHost({ control: async () => Promise.reject(new Error('disk full')) });
    serveCore(core, fake.host, info);
    const client = connectCore(main);
    await client.ready;
    const got: unknown[] = [];
    client.onEvent((name, payload) => got.push([name, payload]));
    fake.emit('status', { now: 5 });
    await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual([['status', { now: 5 }]]);
    expect(await client.control({ kind: 'recent-projects' })).toMatchObject({ ok: false, error: { kind: 'internal', message: 'disk full' } });
  });

  it('refuses malformed messages with a log line and keeps working', async () => {
    const { main, core, port1 } = pair();
    const fake = fakeHost();
    serveCore(core, fake.host, info);
    const client = connectCore(main);
    const logs: string[] = [];
    client.onLog((l) => logs.push(l));
    await client.ready;
    port1.postMessage({ type: 'call', id: 1, method: 'x'.repeat(500), args: {} });
    port1.postMessage({ type: 'control', id: 2, action: { kind: 'export', format: 'exe', out: '/x', period: '2025', lang: 'de' } });
    port1.postMessage('rm -rf /');
    await new Promise((r) => setTimeout(r, 30));
    expect(logs).toHaveLength(3);
    expect(logs[0]).toMatch(/malformed message \(method/);
    expect(logs[1]).toMatch(/action\.format/);
    expect(fake.calls).toEqual([]);
    expect(await client.call('app.info', {})).toEqual(ok(info));
  });

  it('shuts the core down on request and reports what it wrote; later calls are refused', async () => {
    const { main, core } = pair();
    let closedCalled = 0;
    serveCore(core, fakeHost().host, info, () => closedCalled++);
    const client = connectCore(main);
    await client.ready;
    expect(await client.shutdown()).toEqual({ accepted: 10, stored: 10, pendingAtShutdown: 3 });
    expect(closedCalled).toBe(1);
    expect(await client.call('app.info', {})).toMatchObject({ ok: false, error: { message: 'the core is shutting down' } });
  });

  it('fails pending calls when the core goes away, and times out a core that does not answer', async () => {
    const { main, core, port2 } = pair();
    serveCore(core, fakeHost({ call: () => new Promise(() => {}) }).host, info);
    const client = connectCore(main, 100);
    await client.ready;
    expect(await client.call('hangs', {})).toMatchObject({ ok: false, error: { message: 'the core did not answer within 0.1 s' } });
    const pending = client.call('hangs', {});
    port2.close();
    expect(await pending).toMatchObject({ ok: false, error: { message: 'the core process has stopped' } });
    expect(await client.call('app.info', {})).toMatchObject({ ok: false, error: { kind: 'internal' } });
    await expect(client.shutdown()).rejects.toThrow(/already stopped/);
  });
});
