/** A status naming a device the UI does not know re-reads the district: once per new id, coalesced while running. */
import { describe, expect, it } from 'vitest';
import type { DeviceHealth } from '../../../models/contract/index.js';
import { LateDevices } from '../../../renderer/app/late-devices.js';

const health = (deviceId: string): DeviceHealth => ({ deviceId, state: 'online', lastGoodTs: null, lastError: null, errorCount: 0, pollCount: 0, latencyMs: null });

describe('LateDevices', () => {
  it('re-reads once for a new id, not for known ones, and not again for an id still unknown after the reload', async () => {
    const known = new Set(['a']);
    let reloads = 0;
    const late = new LateDevices(() => known, async () => void reloads++);
    await late.seen([health('a')]);
    expect(reloads).toBe(0);
    await late.seen([health('a'), health('b')]);
    expect(reloads).toBe(1);
    // 'b' never appeared in the district (e.g. removed meanwhile): the next statuses do not ask again
    await late.seen([health('a'), health('b')]);
    await late.seen([health('b')]);
    expect(reloads).toBe(1);
  });

  it('statuses arriving during a reload make one more reload, not one each', async () => {
    const known = new Set<string>();
    let reloads = 0;
    let release: () => void = () => {};
    const late = new LateDevices(
      () => known,
      () => {
        reloads++;
        return new Promise<void>((r) => (release = r));
      },
    );
    const first = late.seen([health('x')]);
    void late.seen([health('y')]);
    void late.seen([health('z')]);
    expect(reloads).toBe(1);
    release();
    await Promise.resolve();
    await Promise.resolve();
    // 1 for x, 1 for y and z together
    expect(reloads).toBe(2);
    release();
    await first;
    expect(reloads).toBe(2);
  });
});
