/**
 * The collector's outbox in the district file: readings numbered per point without gaps, a repeated or older
 * reading left unnumbered, the numbering continued after reopening, and nothing written without the option.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Reading } from '../../../models/types.js';
import { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { OutboxReader } from '../../../main/core/fleet/outbox-reader.js';
import { tempDir, twoBuildings } from './district-fixture.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
const r = (pointId: string, ts: number, value: number): Reading => ({ pointId, ts, value, quality: 'good' });

async function open(name: string, outbox: boolean): Promise<SqliteStore> {
  const store = await SqliteStore.open(tmp.file(name), { outbox, batchSize: 4, rawRetentionDays: 0 });
  const d = twoBuildings();
  await store.saveDistrict(d.site, d.buildings, d.devices, d.points);
  return store;
}

describe('outbox', () => {
  it('numbers each point 1, 2, 3 ... in time order and continues after reopening', async () => {
    let store = await open('outbox.sqlite', true);
    await store.ingest([r('A.imp', T0, 10), r('A.grid', T0, 1.5), r('A.imp', T0 + 10_000, 10.5)]);
    // a repeat of A.imp's last poll and an older reading: stored raw (or ignored), never numbered
    await store.ingest([r('A.imp', T0 + 10_000, 10.5), r('A.imp', T0 + 5_000, 10.2), r('A.grid', T0 + 10_000, 1.7)]);
    // a reading of a point not in the district is not numbered either
    await store.ingest([r('X.unknown', T0 + 10_000, 1)]);
    await store.close();
    store = await open('outbox.sqlite', true);
    await store.ingest([r('A.imp', T0 + 20_000, 11)]);
    await store.close();

    const reader = await OutboxReader.open(tmp.file('outbox.sqlite'));
    const imp = (await reader.points()).find((p) => p.id === 'A.imp')!;
    const grid = (await reader.points()).find((p) => p.id === 'A.grid')!;
    expect(await reader.readingsAfter(imp.pk, 0, 10)).toEqual([
      { seq: 1, ts: T0, value: 10, q: 0 },
      { seq: 2, ts: T0 + 10_000, value: 10.5, q: 0 },
      { seq: 3, ts: T0 + 20_000, value: 11, q: 0 },
    ]);
    expect((await reader.readingsAfter(grid.pk, 0, 10)).map((x) => x.seq)).toEqual([1, 2]);
    expect(await reader.readingsAfter(imp.pk, 2, 10)).toEqual([{ seq: 3, ts: T0 + 20_000, value: 11, q: 0 }]);

    // confirmations never move back
    await reader.saveConfirmed(new Map([[imp.pk, { seq: 2, slot: 5 }]]));
    await reader.saveConfirmed(new Map([[imp.pk, { seq: 1, slot: 7 }]]));
    expect((await reader.confirmed()).get(imp.pk)).toEqual({ seq: 2, slot: 7 });
    await reader.close();
  });

  it('writes nothing into the outbox when the store is opened without it (the desktop app)', async () => {
    const store = await open('plain.sqlite', false);
    await store.ingest([r('A.imp', T0, 10), r('A.imp', T0 + 10_000, 10.5)]);
    await store.flush();
    expect((await store.sqlite.get<{ n: number }>('SELECT count(*) AS n FROM outbox'))?.n).toBe(0);
    expect((await store.sqlite.get<{ n: number }>('SELECT count(*) AS n FROM samples'))?.n).toBe(2);
    await store.close();
  });
});
