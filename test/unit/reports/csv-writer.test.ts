import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvNumber, writeIntervalCsv } from '../../../main/core/reports/csv-writer.js';
import { isoLocal, zonedToUtc } from '../../../main/core/analysis/local-time.js';
import { parsePeriod } from '../../../main/core/reports/report-period.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Interval } from '../../../models/types.js';
import { makeFixture, type Fixture } from './fixture-district.js';

const PERIOD = parsePeriod('2025-03-29..2025-03-31', 'Europe/Berlin');
let fx: Fixture;

/** A sink that accepts little at a time, so the writer must wait for 'drain'. */
class SlowSink extends Writable {
  chunks: string[] = [];
  drains = 0;
  constructor() {
    super({ highWaterMark: 1024, decodeStrings: false });
    this.on('drain', () => this.drains++);
  }
  override _write(chunk: string | Buffer, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    this.chunks.push(chunk.toString());
    setImmediate(done);
  }
  get text(): string {
    return this.chunks.join('');
  }
}

const run = async (o: Parameters<typeof writeIntervalCsv>[2]) => {
  const sink = new SlowSink();
  const r = await writeIntervalCsv(fx.store, sink, o);
  return { ...r, text: sink.text, drains: sink.drains };
};

beforeAll(async () => {
  fx = await makeFixture(PERIOD.from, PERIOD.to);
});

describe('csvNumber', () => {
  it('writes six decimals at most, no exponent, the decimal separator of the variant', () => {
    expect(csvNumber(0.1 + 0.2, '.')).toBe('0.3');
    expect(csvNumber(1e-7, '.')).toBe('0');
    expect(csvNumber(1234.5, ',')).toBe('1234,5');
    expect(csvNumber(-0.0000001, '.')).toBe('0');
    expect(csvNumber(12, ',')).toBe('12');
  });
});

describe('writeIntervalCsv', () => {
  it('intl: one row per point and interval in UTC, values as stored', async () => {
    const r = await run({ variant: 'intl', from: PERIOD.from, to: PERIOD.to, pointIds: ['house.pv', 'shop.import'] });
    const lines = r.text.trimEnd().split('\n');
    expect(lines[0]).toBe('point_id,building_id,medium,role,start,end,energy_kwh,quality');
    const slots = (PERIOD.to - PERIOD.from) / INTERVAL_MS;
    expect(r.rows).toBe(slots + slots - (fx.shopGap[1] - fx.shopGap[0])); // the shop's gap has no rows
    expect(lines).toHaveLength(r.rows + 1);
    const stored: Interval[] = [];
    for await (const iv of fx.store.intervals(['house.pv'], PERIOD.from, PERIOD.to)) stored.push(iv);
    const rows = lines.slice(1).filter((l) => l.startsWith('house.pv,'));
    expect(rows).toHaveLength(stored.length);
    rows.forEach((line, k) => {
      const c = line.split(',');
      expect(Date.parse(c[4]!)).toBe(stored[k]!.start);
      expect(Date.parse(c[5]!) - Date.parse(c[4]!)).toBe(INTERVAL_MS);
      expect(Number(c[6])).toBeCloseTo(stored[k]!.kwh, 6);
      expect(c[7]).toBe('measured');
    });
    expect(r.drains).toBeGreaterThan(0);
  });

  it('de: BOM, semicolons, decimal comma, local time with the offset across the switch to summer time', async () => {
    const r = await run({ variant: 'de', from: PERIOD.from, to: PERIOD.to, pointIds: ['house.pv'] });
    expect(r.text.charCodeAt(0)).toBe(0xfeff);
    const lines = r.text.slice(1).trimEnd().split('\n');
    expect(lines[0]).toBe('Messpunkt;Gebäude;Medium;Rolle;Beginn;Ende;Energie [kWh];Qualität');
    const starts = lines.slice(1).map((l) => l.split(';')[4]!);
    // 30 March 2025: 01:45 CET is followed by 03:00 CEST
    const i = starts.indexOf('2025-03-30T01:45:00+01:00');
    expect(i).toBeGreaterThan(0);
    expect(starts[i + 1]).toBe('2025-03-30T03:00:00+02:00');
    for (const s of starts) expect(Date.parse(s)).not.toBeNaN();
    expect(new Set(starts.map((s) => Date.parse(s))).size).toBe(starts.length);
    const noon = lines.find((l) => l.split(';')[4] === '2025-03-29T13:00:00+01:00')!;
    expect(noon.split(';')[6]).toMatch(/^\d+,\d+$/);
  });

  it('building scope: four roles per interval and the store series quality', async () => {
    const r = await run({ variant: 'intl', scope: 'building', from: PERIOD.from, to: PERIOD.to, buildingIds: ['house'] });
    const lines = r.text.trimEnd().split('\n');
    expect(lines[0]).toBe('building_id,start,end,consumption_kwh,generation_kwh,import_kwh,export_kwh,quality');
    for (const l of lines.slice(1)) {
      const [, , , lc, g, im, ex] = l.split(',').map(Number);
      expect(lc).toBeCloseTo(g! + im! - ex!, 5);
      expect(lc).toBeCloseTo(0.1, 6);
    }
  });

  it('names unknown points and buildings and an off-grid period', async () => {
    await expect(run({ variant: 'intl', from: PERIOD.from, to: PERIOD.to, pointIds: ['nope'] })).rejects.toThrow(/'nope'/);
    await expect(run({ variant: 'intl', from: PERIOD.from, to: PERIOD.to, buildingIds: ['gone'] })).rejects.toThrow(/'gone'/);
    await expect(run({ variant: 'intl', from: PERIOD.from + 1, to: PERIOD.to })).rejects.toThrow(/15-minute grid/);
  });
});

describe('local time', () => {
  it('maps local midnights to UTC and back in both DST seasons', () => {
    expect(new Date(zonedToUtc(2025, 0, 1, 'Europe/Berlin')).toISOString()).toBe('2024-12-31T23:00:00.000Z');
    expect(new Date(zonedToUtc(2025, 6, 1, 'Europe/Berlin')).toISOString()).toBe('2025-06-30T22:00:00.000Z');
    expect(isoLocal(Date.UTC(2025, 9, 26, 0, 30), 'Europe/Berlin')).toBe('2025-10-26T02:30:00+02:00');
    expect(isoLocal(Date.UTC(2025, 9, 26, 1, 30), 'Europe/Berlin')).toBe('2025-10-26T02:30:00+01:00');
  });
});
