/**
 * Report benchmarks: PDF for 100 buildings over a year (seconds, against 10 buildings in the same run), and the
 * streamed interval CSV (rows/s and peak memory, against building the whole CSV in memory first).
 * The store is synthetic (values from formulas) so that the writers are measured, not SQLite.
 * Scale: REPORT_BENCH_BUILDINGS (default 100), REPORT_BENCH_CSV_POINTS (default 10, a year each; the in-memory baseline needs about 35 MB per point).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { writeFileSync } from 'node:fs';
import { exportReport } from '../../main/core/reports/export-report.js';
import { csvNumber, writeIntervalCsv } from '../../main/core/reports/csv-writer.js';
import { isoLocal } from '../../main/core/analysis/local-time.js';
import { parsePeriod } from '../../main/core/reports/report-period.js';
import { INTERVAL_MS } from '../../models/time-grid.js';
import { SyntheticStore } from '../unit/reports/synthetic-store.js';
import type { BenchResult } from './bench-result.js';

const num = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/** Samples heap + external memory while fn runs; returns the peak above the level at the start, MB. */
const peakMemory = async <T>(fn: () => Promise<T>): Promise<{ result: T; peakMb: number; ms: number }> => {
  (globalThis as { gc?: () => void }).gc?.();
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external + m.arrayBuffers;
  };
  const base = used();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, used());
  }, 10);
  const t0 = performance.now();
  try {
    const result = await fn();
    peak = Math.max(peak, used());
    return { result, peakMb: (peak - base) / 1e6, ms: performance.now() - t0 };
  } finally {
    clearInterval(timer);
  }
};

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'plustwin-bench-reports-'));
  const results: BenchResult[] = [];
  try {
    const period = parsePeriod('2025', 'Europe/Berlin');
    const nBuildings = num('REPORT_BENCH_BUILDINGS', 100);
    const pdfSeconds = async (n: number) => {
      const store = new SyntheticStore(n);
      const t0 = performance.now();
      await exportReport(store, { format: 'pdf', out: path.join(dir, `r${n}.pdf`), period, lang: 'de' });
      return { s: (performance.now() - t0) / 1000, bytes: statSync(path.join(dir, `r${n}.pdf`)).size };
    };
    const small = await pdfSeconds(10);
    const big = await pdfSeconds(nBuildings);
    results.push({
      name: `reports: PDF for ${nBuildings} buildings, one year of 15-minute data`,
      value: Number(big.s.toFixed(1)),
      unit: 's',
      baseline: { name: 'PDF for 10 buildings (fixed cost: Chromium start, cover, method pages)', value: Number(small.s.toFixed(1)) },
      note: `${(big.bytes / 1e6).toFixed(1)} MB; synthetic in-memory store, so SQLite reads are not included`,
    });

    const nPoints = num('REPORT_BENCH_CSV_POINTS', 10);
    const store = new SyntheticStore(Math.ceil(nPoints / 3));
    const points = (await store.getDistrict())!.points.slice(0, nPoints).map((p) => p.id);
    const streamed = await peakMemory(async () => {
      const out = createWriteStream(path.join(dir, 'streamed.csv'));
      const r = await writeIntervalCsv(store, out, { variant: 'de', from: period.from, to: period.to, pointIds: points });
      out.end();
      await finished(out);
      return r.rows;
    });
    // The naive way: every row as a string in an array, joined and written at the end.
    const naive = await peakMemory(async () => {
      const rows: string[] = ['Messpunkt;Beginn;Energie [kWh];Qualität'];
      for await (const iv of store.intervals(points, period.from, period.to)) {
        rows.push(`${iv.pointId};${isoLocal(iv.start, 'Europe/Berlin')};${isoLocal(iv.start + INTERVAL_MS, 'Europe/Berlin')};${csvNumber(iv.kwh, ',')};${iv.quality}`);
      }
      writeFileSync(path.join(dir, 'naive.csv'), rows.join('\n'));
      return rows.length - 1;
    });
    const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
    results.push({
      name: `reports: CSV export (de), ${nPoints} points x one year`,
      value: rate(streamed.result, streamed.ms),
      unit: 'rows/s',
      baseline: { name: 'all rows in memory, then written', value: rate(naive.result, naive.ms) },
      note: `${streamed.result} rows`,
    });
    results.push({
      name: `reports: CSV export peak memory, ${nPoints} points x one year`,
      value: Number(streamed.peakMb.toFixed(1)),
      unit: 'MB',
      baseline: { name: 'all rows in memory, then written', value: Number(naive.peakMb.toFixed(1)) },
      note: 'heap + external + array buffers above the level at the start, sampled every 10 ms',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
