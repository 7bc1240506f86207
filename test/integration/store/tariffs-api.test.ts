/**
 * Tariffs through the API's single entry (dispatch) on a real SQLite district file: stored and listed, updated by
 * id, refused with a typed error (zod, overlap, a CSV with bad rows carrying each row for the UI's translation)
 * without changing anything, dynamic prices kept on an update without a file, removed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TariffView } from '../../../models/contract/index.js';
import type { Result } from '../../../models/result.js';
import { tariffCsvRows } from '../../../models/tariffs/tariff-csv-problems.js';
import { dispatch, type Handlers } from '../../../main/core/api/dispatch.js';
import { createHandlers } from '../../../main/core/api/handlers.js';
import type { Collector } from '../../../main/core/ingest/collector/collector.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { building, SITE } from './district-fixture.js';

let dir: string;
let store: SqliteStore;
let handlers: Handlers;
const call = async <T>(method: string, args: unknown) => (await dispatch(handlers, method, args)) as Result<T>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plustwin-tariffs-'));
  store = (await openStore(join(dir, 'district.sqlite'))) as SqliteStore;
  await store.saveDistrict(SITE, [building('a'), building('b')], [], []);
  handlers = createHandlers({ store, collector: { status: () => ({}) } as unknown as Collector, info: { version: 'test', dataDir: dir, dbPath: store.path, transport: 'http' } });
});

afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('tariffs.* through dispatch', () => {
  it('stores, lists and changes a tariff by its id', async () => {
    const saved = await call<TariffView>('tariffs.save', { buildingId: 'a', carrier: 'electricity', kind: 'fixed', validFrom: '2025-01-01', energyCtPerKwh: 31.5, fixedEurPerMonth: 12, feedInCtPerKwh: 8.2 });
    expect(saved).toEqual({
      ok: true,
      value: { id: 'a.electricity.2025-01-01', buildingId: 'a', carrier: 'electricity', kind: 'fixed', name: '', validFrom: '2025-01-01', validTo: null, energyCtPerKwh: 31.5, fixedEurPerMonth: 12, feedInCtPerKwh: 8.2, pricesFile: null, prices: null },
    });
    const changed = await call<TariffView>('tariffs.save', { id: 'a.electricity.2025-01-01', buildingId: 'a', carrier: 'electricity', kind: 'fixed', validFrom: '2025-01-01', validTo: '2026-01-01', energyCtPerKwh: 33, fixedEurPerMonth: 12 });
    expect(changed.ok && changed.value).toMatchObject({ validTo: '2026-01-01', energyCtPerKwh: 33, feedInCtPerKwh: 0 });
    const list = await call<TariffView[]>('tariffs.list', { buildingId: 'a' });
    expect(list.ok && list.value.map((t) => t.id)).toEqual(['a.electricity.2025-01-01']);
  });

  it('refuses bad arguments, an unknown building and an overlap with typed errors, changing nothing', async () => {
    const backwards = await call('tariffs.save', { buildingId: 'a', carrier: 'gas', kind: 'fixed', validFrom: '2025-02-01', validTo: '2025-01-01', energyCtPerKwh: 10, fixedEurPerMonth: 0 });
    expect(backwards).toMatchObject({ ok: false, error: { kind: 'validation', where: 'validTo' } });
    const badDate = await call('tariffs.save', { buildingId: 'a', carrier: 'gas', kind: 'fixed', validFrom: '2025-02-30', energyCtPerKwh: 10, fixedEurPerMonth: 0 });
    expect(badDate).toMatchObject({ ok: false, error: { kind: 'validation', where: 'validFrom', message: 'tariffs.save: must be a date like 2025-01-01' } });
    const heat = await call('tariffs.save', { buildingId: 'a', carrier: 'heat', kind: 'fixed', validFrom: '2025-01-01', energyCtPerKwh: 10, fixedEurPerMonth: 0 });
    expect(heat).toMatchObject({ ok: false, error: { kind: 'validation', where: 'carrier' } });
    const pricesOnFixed = await call('tariffs.save', { buildingId: 'a', carrier: 'gas', kind: 'fixed', validFrom: '2025-01-01', energyCtPerKwh: 10, fixedEurPerMonth: 0, prices: { csv: 'x', file: 'p.csv' } });
    expect(pricesOnFixed).toMatchObject({ ok: false, error: { kind: 'validation', where: 'prices' } });
    const nobody = await call('tariffs.save', { buildingId: 'zz', carrier: 'gas', kind: 'fixed', validFrom: '2025-01-01', energyCtPerKwh: 10, fixedEurPerMonth: 0 });
    expect(nobody).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    const overlap = await call('tariffs.save', { buildingId: 'a', carrier: 'electricity', kind: 'fixed', validFrom: '2025-12-01', energyCtPerKwh: 40, fixedEurPerMonth: 0 });
    expect(overlap).toMatchObject({ ok: false, error: { kind: 'validation', where: 'validFrom' } });
    if (!overlap.ok) expect(overlap.error.message).toMatch(/overlaps tariff 'a\.electricity\.2025-01-01' \(2025-01-01 to 2026-01-01\)/);
    // the day the first one ends is free
    const next = await call('tariffs.save', { buildingId: 'a', carrier: 'electricity', kind: 'fixed', validFrom: '2026-01-01', energyCtPerKwh: 40, fixedEurPerMonth: 0 });
    expect(next.ok).toBe(true);
    const list = await call<TariffView[]>('tariffs.list', {});
    expect(list.ok && list.value.map((t) => t.id)).toEqual(['a.electricity.2025-01-01', 'a.electricity.2026-01-01']);
  });

  it('refuses a dynamic tariff whose CSV has bad rows, naming them for the UI; keeps the prices on an update without a file', async () => {
    const bad = await call('tariffs.save', {
      buildingId: 'b',
      carrier: 'electricity',
      kind: 'dynamic',
      validFrom: '2025-06-01',
      energyCtPerKwh: 15,
      fixedEurPerMonth: 0,
      prices: { csv: 'timestamp,price\n2025-06-01 00:00,12.5\n2025-06-01 00:15,12,5\n2025-06-01 00:20,1\n', file: 'prices.csv' },
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error).toMatchObject({ kind: 'validation', where: 'prices.csv', code: 'tariff.csv', params: { count: 2 } });
    expect(tariffCsvRows(bad.error.params?.['rows']).map((p) => [p.file, p.line, p.code])).toEqual([
      ['prices.csv', 3, 'extra'],
      ['prices.csv', 4, 'grid'],
    ]);
    expect((await call<TariffView[]>('tariffs.list', { buildingId: 'b' }))).toEqual({ ok: true, value: [] });
    const noFile = await call('tariffs.save', { buildingId: 'b', carrier: 'electricity', kind: 'dynamic', validFrom: '2025-06-01', energyCtPerKwh: 15, fixedEurPerMonth: 0 });
    expect(noFile).toMatchObject({ ok: false, error: { kind: 'validation', where: 'prices' } });

    const good = await call<TariffView>('tariffs.save', {
      buildingId: 'b',
      carrier: 'electricity',
      kind: 'dynamic',
      validFrom: '2025-06-01',
      energyCtPerKwh: 15,
      fixedEurPerMonth: 0,
      prices: { csv: 'Zeitstempel;Preis\n01.06.2025 00:00;12,5\n01.06.2025 00:15;-3\n', file: 'preise.csv' },
    });
    // 00:00 CEST = 31 May 22:00Z; two quarter hours
    expect(good.ok && good.value.prices).toEqual({ count: 2, from: Date.UTC(2025, 4, 31, 22), to: Date.UTC(2025, 4, 31, 22, 30) });
    const update = await call<TariffView>('tariffs.save', { id: 'b.electricity.2025-06-01', buildingId: 'b', carrier: 'electricity', kind: 'dynamic', validFrom: '2025-06-01', energyCtPerKwh: 16, fixedEurPerMonth: 0 });
    expect(update.ok && update.value).toMatchObject({ energyCtPerKwh: 16, pricesFile: 'preise.csv', prices: { count: 2 } });
    expect(await store.tariffs.prices(['b.electricity.2025-06-01'], Date.UTC(2025, 4, 31, 22), Date.UTC(2025, 5, 1))).toEqual(
      new Map([['b.electricity.2025-06-01', new Map([[Date.UTC(2025, 4, 31, 22), 12.5], [Date.UTC(2025, 4, 31, 22, 15), -3]])]]),
    );
  });

  it('removes a tariff with its prices; an unknown id is not found', async () => {
    expect(await call('tariffs.remove', { id: 'b.electricity.2025-06-01' })).toEqual({ ok: true, value: { id: 'b.electricity.2025-06-01' } });
    expect((await store.tariffs.priceSpans()).size).toBe(0);
    expect(await call('tariffs.remove', { id: 'b.electricity.2025-06-01' })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});
