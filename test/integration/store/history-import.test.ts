import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryImportError, importHistoryCsv } from '../../../main/core/importers/history-csv/history-import.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { SITE, building, device, point, tempDir } from './district-fixture.js';

const MIN = 60_000;
/** 2024-03-01 00:00 local = 2024-02-29 23:00 UTC */
const DAY0 = Date.UTC(2024, 1, 29, 23);

async function store(file: string): Promise<SqliteStore> {
  const s = await openStore(file, { now: () => DAY0 + 86_400_000, rawRetentionDays: 3650 });
  await s.saveDistrict(SITE, [building('H')], [device('mh', 'H')], [
    point('H.imp', 'mh', 'H', 'import', 'energy-counter'),
    point('H.pv', 'mh', 'H', 'generation', 'energy-counter'),
  ]);
  return s;
}

const count = async (s: SqliteStore) => (await s.sqlite.get<{ n: number }>('SELECT COUNT(*) AS n FROM intervals'))!.n;

describe('history CSV import into the store', () => {
  let tmp: ReturnType<typeof tempDir>;
  let s: SqliteStore;
  beforeEach(async () => {
    tmp = tempDir();
    s = await store(tmp.file('h.sqlite'));
  });
  afterEach(async () => {
    await s.close();
    tmp.cleanup();
  });

  it('imports a German 15-minute load profile into intervals and rollups; a second import replaces, not adds', async () => {
    const lines = ['Datum;Uhrzeit;Verbrauch [kWh]'];
    for (let q = 1; q <= 96; q++) {
      const end = new Date(Date.UTC(2024, 2, 1) + q * 15 * MIN);
      const d = q === 96 ? '02.03.2024' : '01.03.2024';
      lines.push(`${d};${end.toISOString().slice(11, 16)};0,5`);
    }
    const csv = lines.join('\r\n');
    const result = await importHistoryCsv(s, 'H.imp', csv);
    expect(result).toEqual({ intervals: 96, rows: 96, kind: 'profile-kwh', unit: 'kWh', warnings: [] });
    const [day] = await s.buildingSeries('H', DAY0, DAY0 + 86_400_000, 'day');
    expect(day).toMatchObject({ start: DAY0, importKwh: 48, quality: 'measured' });
    await importHistoryCsv(s, 'H.imp', csv);
    const [bal] = await s.buildingBalances(DAY0, DAY0 + 86_400_000);
    expect(bal!.importKwh).toBeCloseTo(48, 9);
    expect(bal!.coverage).toBeCloseTo(0.5, 9); // the PV counter has no data that day
  });

  it('imports daily meter readings through the interval engine (spread over the day, flagged recovered)', async () => {
    const csv = 'Datum;Zählerstand\n01.03.2024 00:00;1.000,0\n02.03.2024 00:00;1.024,0\n03.03.2024 00:00;1.072,0\n';
    const result = await importHistoryCsv(s, 'H.pv', csv);
    expect(result.kind).toBe('readings');
    const days = await s.buildingSeries('H', DAY0, DAY0 + 2 * 86_400_000, 'day');
    expect(days.map((d) => [d.generationKwh, d.quality])).toEqual([
      [expect.closeTo(24, 9), 'recovered'],
      [expect.closeTo(48, 9), 'recovered'],
    ]);
    const quarters = await s.buildingSeries('H', DAY0, DAY0 + 15 * MIN, '15min');
    expect(quarters[0]!.generationKwh).toBeCloseTo(0.25, 9);
  });

  it('rejects a file with one bad line whole, naming the line, and stores nothing', async () => {
    await importHistoryCsv(s, 'H.imp', 'Von;Bis;kWh\n01.03.2024 00:00;01.03.2024 00:15;1,0\n');
    const before = await count(s);
    const csv = 'Von;Bis;kWh\n01.03.2024 00:00;01.03.2024 00:15;2,0\n01.03.2024 00:15;01.03.2024 00:30;zwei\n01.03.2024 00:30;01.03.2024 00:45;2,0\n';
    const err = await importHistoryCsv(s, 'H.imp', csv).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HistoryImportError);
    expect((err as HistoryImportError).errors).toEqual([{ line: 3, message: "value 'zwei' is not a number", code: 'notNumber', params: { value: 'zwei' } }]);
    expect((err as Error).message).toMatch(/1 bad line, nothing imported: line 3: value 'zwei' is not a number/);
    expect(await count(s)).toBe(before);
    const [bal] = await s.buildingBalances(DAY0, DAY0 + 86_400_000);
    expect(bal!.importKwh).toBe(1);
  });

  it('refuses a point without an energy series', async () => {
    await expect(importHistoryCsv(s, 'nope', 'Von;Bis;kWh\n01.03.2024 00:00;;1,0\n')).rejects.toThrow(/point nope has no energy series/);
  });
});
