/** The preload exposes exactly one object, window.plustwin, that satisfies the contract over the two IPC channels. */
import { describe, expect, it, vi } from 'vitest';
import type { PlusTwinApi } from '../../../models/contract/index.js';

const exposed: Array<[string, unknown]> = [];
const invoked: unknown[][] = [];
const listeners = new Map<string, (...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.push([name, api]) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: 'pong' };
    },
    on: (channel: string, l: (...args: unknown[]) => void) => listeners.set(channel, l),
    off: (channel: string) => listeners.delete(channel),
  },
}));

describe('preload', () => {
  it('exposes one contract object that forwards calls and filters events', async () => {
    await import('../../../main/shells/electron/preload.js');
    expect(exposed).toHaveLength(1);
    const [name, api] = exposed[0] as [string, PlusTwinApi];
    expect(name).toBe('plustwin');
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);

    expect(await api.call('app.info', {})).toEqual({ ok: true, value: 'pong' });
    expect(invoked).toEqual([['plustwin:call', 'app.info', {}]]);

    const got: unknown[] = [];
    const off = api.on('status', (p) => got.push(p));
    const deliver = listeners.get('plustwin:event')!;
    deliver({}, 'live', { ts: 1, buildings: {} });
    deliver({}, 'status', { now: 2 });
    expect(got).toEqual([{ now: 2 }]);
    off();
    expect(listeners.has('plustwin:event')).toBe(false);
  });
});
