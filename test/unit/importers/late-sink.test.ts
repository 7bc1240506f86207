/**
 * The sink of a tile read ahead: what it holds before its writer exists, and how it hands it on.
 */
import { describe, expect, it } from 'vitest';
import { CollectingSink } from '../../../main/core/importers/citygml/building-sink.js';
import { LateSink, ReadCancelled } from '../../../main/core/importers/citygml/late-sink.js';
import type { EncodedBuilding } from '../../../main/core/store/building-rows.js';

/** Building `id` as read the n-th time (the doc says which, so that a replacement shows). */
const b = (id: string, n: number): EncodedBuilding => ({ id, doc: JSON.stringify({ id, n }), roofs: '', roofCount: 0, roofAreaM2: 0, extent: null });

/** Whether p settles before the event loop turns once more. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(() => (done = true), () => (done = true));
  await new Promise((r) => setImmediate(r));
  return done;
}

describe('LateSink', () => {
  it('holds buildings in file order, a repeated id replacing the first in its place, and hands them on when attached', async () => {
    const late = new LateSink();
    expect(late.keep('a', b('a', 1))).toBe(true);
    expect(late.keep('b', b('b', 1))).toBe(true);
    expect(late.keep('a', b('a', 2))).toBe(false);
    expect(late.count).toBe(2);
    const drained = late.drain();
    expect(await settled(drained)).toBe(false);

    const writer = new CollectingSink();
    late.attach(writer);
    await drained;
    expect(writer.count).toBe(2);
    // from now on straight through, with the writer's answer
    expect(late.keep('b', b('b', 2))).toBe(false);
    expect(late.keep('c', b('c', 1))).toBe(true);
    expect(late.count).toBe(3);
    expect(writer.collected().map((x) => x.building as unknown)).toEqual([{ id: 'a', n: 2 }, { id: 'b', n: 2 }, { id: 'c', n: 1 }]);
    expect(late.collected()).toBeNull();
  });

  it('a reset before the writer comes forgets what is held', async () => {
    const late = new LateSink();
    late.keep('a', b('a', 1));
    await late.reset();
    expect(late.count).toBe(0);
    const writer = new CollectingSink();
    late.attach(writer);
    expect(writer.count).toBe(0);
  });

  it('cancelled: a waiting drain and every later one fail with ReadCancelled; attaching then is a mistake', async () => {
    const late = new LateSink();
    late.keep('a', b('a', 1));
    const waiting = late.drain();
    late.cancel();
    await expect(waiting).rejects.toBeInstanceOf(ReadCancelled);
    await expect(late.drain()).rejects.toBeInstanceOf(ReadCancelled);
    expect(late.count).toBe(0);
    expect(() => late.attach(new CollectingSink())).toThrow(/attached twice or after cancel/);
  });
});
