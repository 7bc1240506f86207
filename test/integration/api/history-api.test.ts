/** 'history.preview' and 'history.import' through dispatch() with a real SQLite file: typed errors, nothing half done. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/api/dispatch.js';
import { createHandlers } from '../../../main/core/api/handlers.js';
import type { Collector } from '../../../main/core/ingest/collector/collector.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import type { HistoryImportResult, HistoryPreviewView } from '../../../models/contract/index.js';
import { SITE, building, device, point, tempDir } from '../store/district-fixture.js';

const DAY0 = Date.UTC(2024, 1, 29, 23);
const READINGS = 'Datum;Zählerstand\n01.03.2024 00:00;1.000,0\n02.03.2024 00:00;1.024,0\n';

describe('history API', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: SqliteStore;
  let handlers: ReturnType<typeof createHandlers>;
  const count = async () => (await store.sqlite.get<{ n: number }>('SELECT COUNT(*) AS n FROM intervals'))!.n;

  beforeAll(async () => {
    tmp = tempDir();
    store = await openStore(tmp.file('h.sqlite'), { now: () => DAY0 + 2 * 86_400_000, rawRetentionDays: 3650 });
    await store.saveDistrict(SITE, [building('H')], [device('mh', 'H')], [point('H.imp', 'mh', 'H', 'import', 'energy-counter')]);
    const collector = { status: () => ({}) } as unknown as Collector;
    handlers = createHandlers({ store, collector, info: { version: 'test', dataDir: tmp.dir, dbPath: store.path, transport: 'http' } });
  });
  afterAll(async () => {
    await store.close();
    tmp.cleanup();
  });

  it('previews readings: kind, period, energy and the first rows, writing nothing', async () => {
    const r = await dispatch(handlers, 'history.preview', { csv: READINGS });
    expect(r.ok).toBe(true);
    const p = (r as { value: HistoryPreviewView }).value;
    expect(p).toMatchObject({ kind: 'readings', delimiter: ';', decimalComma: true, rows: 2, first: DAY0, last: DAY0 + 86_400_000, errorCount: 0, intervals: 96 });
    expect(p.kwh).toBeCloseTo(24, 9);
    expect(p.sample.map((s) => s.value)).toEqual([1000, 1024]);
    expect(await count()).toBe(0);
  });

  it('imports into a point; bad files, unknown points and bad arguments are typed errors that change nothing', async () => {
    const ok = await dispatch(handlers, 'history.import', { csv: READINGS, pointId: 'H.imp' });
    expect(ok.ok && (ok.value as HistoryImportResult)).toMatchObject({ pointId: 'H.imp', intervals: 96, rows: 2, kind: 'readings' });
    const written = await count();

    const bad = await dispatch(handlers, 'history.import', { csv: READINGS + '03.03.2024 00:00;viel\n', pointId: 'H.imp' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ kind: 'validation', where: 'csv', message: expect.stringContaining('line 4') });
    const unknown = await dispatch(handlers, 'history.import', { csv: READINGS, pointId: 'H.nope' });
    if (!unknown.ok) expect(unknown.error).toMatchObject({ kind: 'not-found', where: 'H.nope' });
    expect(unknown.ok).toBe(false);
    for (const [args, where] of [
      [{ csv: '' }, 'csv'],
      [{ csv: READINGS, kind: 'hourly' }, 'kind'],
      [{ csv: READINGS, pointId: 'H.imp', sql: 'drop table intervals' }, ''],
    ] as const) {
      const r = await dispatch(handlers, where === '' ? 'history.import' : 'history.preview', args);
      expect(r.ok).toBe(false);
      if (!r.ok && where !== '') expect(r.error).toMatchObject({ kind: 'validation', where });
    }
    expect(await count()).toBe(written);
  });
});
