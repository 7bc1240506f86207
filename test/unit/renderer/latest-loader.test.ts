import { describe, expect, it } from 'vitest';
import { LatestLoader } from '../../../renderer/time/latest-loader.js';

/** A load whose answers the test releases one by one, in any order. */
function controlledLoad() {
  const pending: { key: number; resolve: (v: string | null) => void; reject: (e: unknown) => void }[] = [];
  const load = (key: number) => new Promise<string | null>((resolve, reject) => pending.push({ key, resolve, reject }));
  const answer = async (key: number, value: string | null = `v${key}`) => {
    const i = pending.findIndex((p) => p.key === key);
    if (i < 0) throw new Error(`no call in flight for ${key}`);
    pending.splice(i, 1)[0]!.resolve(value);
    // let the loader's continuation run
    for (let k = 0; k < 5; k++) await Promise.resolve();
  };
  return { load, pending, answer };
}

const setup = (clock = () => 0, capacity?: number) => {
  const c = controlledLoad();
  const shown: string[] = [];
  const loader = new LatestLoader<number, string>({ load: c.load, keyOf: (k) => String(k), clock, ...(capacity ? { capacity } : {}) });
  const ask = (k: number, maxAge?: number) => loader.request(k, (v) => shown.push(v), maxAge);
  return { ...c, shown, loader, ask };
};

describe('LatestLoader: replay loads without request storms', () => {
  it('keeps one call in flight and coalesces the positions asked meanwhile to the newest', async () => {
    const t = setup();
    for (let step = 1; step <= 10; step++) t.ask(step);
    expect(t.pending.map((p) => p.key)).toEqual([1]);
    await t.answer(1);
    // step 1's answer is stale (steps 2-10 were asked since): not shown; only step 10 is loaded next
    expect(t.shown).toEqual([]);
    expect(t.pending.map((p) => p.key)).toEqual([10]);
    await t.answer(10);
    expect(t.shown).toEqual(['v10']);
    expect(t.loader.callCount).toBe(2);
  });

  it('never lets a late answer for an old position overwrite a newer one', async () => {
    const t = setup();
    t.ask(1);
    await t.answer(1);
    t.ask(2);
    t.ask(1); // back to a cached window while 2 is in flight: shown at once
    expect(t.shown).toEqual(['v1', 'v1']);
    await t.answer(2);
    expect(t.shown).toEqual(['v1', 'v1']);
    // 2 was still cached for later
    t.ask(2);
    expect(t.shown.at(-1)).toBe('v2');
    expect(t.loader.callCount).toBe(2);
  });

  it('serves a window seen before from the cache, and again from the core once older than maxAge', async () => {
    let now = 0;
    const t = setup(() => now);
    t.ask(5, 1000);
    await t.answer(5, 'first');
    now = 900;
    t.ask(5, 1000);
    expect(t.pending).toHaveLength(0);
    now = 1500;
    t.ask(5, 1000);
    expect(t.pending.map((p) => p.key)).toEqual([5]);
    await t.answer(5, 'second');
    expect(t.shown).toEqual(['first', 'first', 'second']);
  });

  it('caches nothing from a failed call and goes on with the next request', async () => {
    const t = setup();
    t.ask(1);
    t.pending.splice(0, 1)[0]!.reject(new Error('offline'));
    for (let k = 0; k < 5; k++) await Promise.resolve();
    t.ask(1);
    expect(t.pending.map((p) => p.key)).toEqual([1]);
    await t.answer(1, null);
    expect(t.shown).toEqual([]);
    t.ask(1);
    await t.answer(1);
    expect(t.shown).toEqual(['v1']);
  });

  it('a newer request for the window in flight is answered by that one call', async () => {
    const t = setup();
    t.ask(3);
    t.ask(4);
    t.ask(3);
    await t.answer(3);
    expect(t.shown).toEqual(['v3']);
    expect(t.pending).toHaveLength(0);
    expect(t.loader.callCount).toBe(1);
  });

  it('forgets the least recently used windows beyond its capacity', async () => {
    const t = setup(() => 0, 2);
    for (const k of [1, 2]) {
      t.ask(k);
      await t.answer(k);
    }
    t.ask(1); // 1 is now the most recent
    t.ask(3);
    await t.answer(3);
    t.ask(1);
    expect(t.pending).toHaveLength(0);
    t.ask(2);
    expect(t.pending.map((p) => p.key)).toEqual([2]);
  });

  it('tells each caller whether its request was shown, superseded or failed', async () => {
    const t = setup();
    const first = t.loader.request(1, () => undefined);
    const waiting = t.loader.request(2, () => undefined);
    const newest = t.loader.request(3, () => undefined);
    await expect(waiting).resolves.toBe(false); // replaced before its call started
    await t.answer(1);
    await expect(first).resolves.toBe(false); // answered after newer requests
    await t.answer(3);
    await expect(newest).resolves.toBe(true);
    await expect(t.loader.request(3, () => undefined)).resolves.toBe(true); // from the cache
    const failing = t.loader.request(4, () => undefined);
    await t.answer(4, null);
    await expect(failing).resolves.toBe(false);
  });

  it('shows nothing after dispose', async () => {
    const t = setup();
    t.ask(1);
    t.loader.dispose();
    await t.answer(1);
    t.ask(2);
    expect(t.shown).toEqual([]);
    expect(t.pending).toHaveLength(0);
  });
});
