/**
 * The ingest pipeline prepares the next batch while SQLite writes the previous one. These tests pin what that must
 * not change: raw values read back bit for bit, and a batch whose write fails does not leave the batches queued
 * behind it computed from its (never committed) checkpoints.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open-store.js';
import type { Reading } from '../../../models/types.js';
import { SITE, T0, building, device, point, tempDir } from './district-fixture.js';

const STEP = 10_000;

async function counterStore(file: string, batchSize: number) {
  const store = await openStore(file, { batchSize, flushIntervalMs: 60_000, now: () => T0 });
  await store.saveDistrict(SITE, [building('K')], [device('mk', 'K')], [point('K.imp', 'mk', 'K', 'import', 'energy-counter')]);
  return store;
}

/** n counter readings from step `from` on, 0.01 kWh per step, with an optional value swapped in at one step. */
function counter(from: number, n: number, swap?: { step: number; value: number }): Reading[] {
  return Array.from({ length: n }, (_, i) => {
    const step = from + i;
    const value = swap?.step === step ? swap.value : step * 0.01;
    return { pointId: 'K.imp', ts: T0 + step * STEP, value, quality: 'good' };
  });
}

describe('ingest pipeline', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('stores raw values bit for bit, including ones SQLite would parse one ulp off from text', async () => {
    const store = await counterStore(tmp.file('exact.sqlite'), 1000);
    await store.saveDistrict(SITE, [building('K')], [device('mk', 'K')], [point('K.kw', 'mk', 'K', 'import', 'power')]);
    const awkward = [0.1 + 0.2, 5.86111334644368e-7, 268821.6196169584, -0.0004747778757589218, 5e-324, 1.7976931348623157e308, 1 / 3];
    // 'bad' quality: stored raw, kept out of the interval engine, so extreme values stay a storage question
    await store.ingest(awkward.map((value, i) => ({ pointId: 'K.kw', ts: T0 + i * STEP, value, quality: 'bad' })));
    await store.flush();
    const rows = await store.sqlite.all<{ value: number }>(
      "SELECT s.value FROM samples s JOIN points p ON p.pk = s.point WHERE p.id = 'K.kw' ORDER BY s.ts",
    );
    expect(rows.map((r) => r.value)).toEqual(awkward);
    await store.close();
  });

  it('after a failed write, prepares the queued batches again from what was committed: no energy counted twice or lost', async () => {
    const store = await counterStore(tmp.file('fail.sqlite'), 200);
    // A batch holding this value fails inside its transaction, as a full disk or an I/O error would.
    await store.sqlite.exec(
      "CREATE TEMP TRIGGER fail_batch BEFORE INSERT ON samples WHEN NEW.value = -1 BEGIN SELECT RAISE(ABORT, 'disk gone'); END",
    );
    // Three batches of 100 (half the batch size each), handed off before the first is written.
    const calls = [store.ingest(counter(0, 100)), store.ingest(counter(100, 100, { step: 150, value: -1 })), store.ingest(counter(200, 100))];
    const outcomes = await Promise.allSettled([...calls, store.flush()]);
    const errors = outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason));
    expect(errors).toEqual([expect.stringContaining('disk gone')]);

    const s = await store.sqlite.get<{ n: number; lo: number; hi: number }>('SELECT COUNT(*) AS n, MIN(ts) AS lo, MAX(ts) AS hi FROM samples');
    expect(s).toEqual({ n: 200, lo: T0, hi: T0 + 299 * STEP });
    // The counter rose 2.99 kWh from the first to the last committed reading; the lost batch's readings are
    // missing, its energy is not: the step from step 99 to 200 is spread over the gap.
    const e = await store.sqlite.get<{ kwh: number }>('SELECT SUM(kwh) AS kwh FROM intervals');
    expect(e!.kwh).toBeCloseTo(2.99, 9);
    const cp = await store.sqlite.get<{ ts: number; value: number }>('SELECT ts, value FROM checkpoints');
    expect(cp).toEqual({ ts: T0 + 299 * STEP, value: 2.99 });

    // and ingest goes on from there
    await store.ingest(counter(300, 50));
    await store.flush();
    const after = await store.sqlite.get<{ kwh: number }>('SELECT SUM(kwh) AS kwh FROM intervals');
    expect(after!.kwh).toBeCloseTo(3.49, 9);
    expect(store.stats().buffered).toBe(0);
    await store.close();
  });

  it('reports readings as buffered until their batch is committed', async () => {
    const store = await counterStore(tmp.file('pending.sqlite'), 200);
    const call = store.ingest(counter(0, 150));
    expect(store.stats().buffered).toBe(150);
    await call;
    await store.flush();
    expect(store.stats()).toMatchObject({ buffered: 0, stored: 150 });
    await store.close();
  });
});
