/**
 * The German CSV export goes back into a store through the history import and yields the same 15-minute
 * intervals: what a consultant exports, edits elsewhere and re-imports loses nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHistoryCsv } from '../../../main/core/importers/history-csv/history-import.js';
import { exportReport } from '../../../main/core/reports/export-report.js';
import { parsePeriod } from '../../../main/core/reports/report-period.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { Store } from '../../../main/core/store/store.js';
import type { Interval } from '../../../models/types.js';
import { DEMO_BUILDINGS, DEMO_SITE } from '../../../main/core/demo/demo-district.js';
import { demoStructure, makeDemoStore } from './demo-store.js';

const PERIOD_TEXT = '2025-10-24..2025-10-28';
const PERIOD = parsePeriod(PERIOD_TEXT, 'Europe/Berlin');
const dir = mkdtempSync(path.join(tmpdir(), 'plustwin-csv-roundtrip-'));
let store: Store;

beforeAll(async () => {
  store = await makeDemoStore(path.join(dir, 'source.db'), PERIOD.from, PERIOD.to);
}, 300_000);

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const collect = async (s: Store, id: string): Promise<Interval[]> => {
  const out: Interval[] = [];
  for await (const iv of s.intervals([id], PERIOD.from, PERIOD.to)) out.push(iv);
  return out;
};

describe('CSV export -> history import', () => {
  for (const variant of ['de', 'intl'] as const) {
    it(`${variant}: the re-imported intervals equal the exported ones, across the end of summer time`, async () => {
      const pointId = 'grundschule.pv';
      const file = path.join(dir, `${variant}.csv`);
      await exportReport(store, { format: 'csv', out: file, period: PERIOD_TEXT, csvVariant: variant, buildingIds: ['grundschule'] });
      // one point per file, as the history import takes one value column
      const all = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n');
      const text = [all[0], ...all.slice(1).filter((l) => l.startsWith(`${pointId}${variant === 'de' ? ';' : ','}`))].join('\n');
      const target = await openStore(path.join(dir, `target-${variant}.db`));
      try {
        const { devices, points } = demoStructure();
        await target.saveDistrict(DEMO_SITE, DEMO_BUILDINGS.map((b) => b.building), devices, points);
        const r = await importHistoryCsv(target, pointId, text, variant === 'de' ? { decimalComma: true, delimiter: ';' } : { decimalComma: false, delimiter: ',' });
        expect(r.kind).toBe('profile-kwh');
        const before = await collect(store, pointId);
        const after = await collect(target, pointId);
        // 26 October 2025 has 100 quarter hours in local time; the UTC grid is unbroken
        expect(before.length).toBe((PERIOD.to - PERIOD.from) / 900_000);
        expect(after.map((x) => x.start)).toEqual(before.map((x) => x.start));
        after.forEach((x, k) => expect(Math.abs(x.kwh - before[k]!.kwh)).toBeLessThanOrEqual(5e-7));
      } finally {
        await target.close();
      }
    }, 120_000);
  }
});
