import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDistrictFile, inspectDistrictFile } from '../../../main/core/store/district-file.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { Reading } from '../../../models/types.js';
import { MIN, T0, tempDir, twoBuildings } from './district-fixture.js';

const DAY = 86_400_000;
const counter = (ts: number, value: number): Reading => ({ pointId: 'A.imp', ts, value, quality: 'good' });

describe('retention, backup, export and import', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('deletes raw samples past the retention period and keeps every interval', async () => {
    let now = T0;
    const store = await openStore(tmp.file('r.sqlite'), { now: () => now, rawRetentionDays: 10 });
    const d = twoBuildings();
    await store.saveDistrict(d.site, d.buildings, d.devices, d.points);
    // one reading per hour over 20 days
    await store.ingest(Array.from({ length: 20 * 24 + 1 }, (_, i) => counter(T0 + i * 3_600_000, i)));
    await store.flush();
    const before = await store.sqlite.get<{ n: number }>('SELECT COUNT(*) AS n FROM samples');
    now = T0 + 20 * DAY;
    const deleted = await store.applyRetention();
    const after = await store.sqlite.get<{ n: number; lo: number }>('SELECT COUNT(*) AS n, MIN(ts) AS lo FROM samples');
    expect(deleted).toBe(10 * 24);
    expect(after!.n).toBe(before!.n - deleted);
    expect(after!.lo).toBe(T0 + 10 * DAY);
    const [a] = await store.buildingBalances(T0, T0 + 20 * DAY);
    expect(a!.importKwh).toBeCloseTo(480, 9);
    await store.close();
  });

  it('backs up online while ingest goes on, and the copy opens as a district', async () => {
    const store = await openStore(tmp.file('live.sqlite'), { now: () => T0, batchSize: 500 });
    const d = twoBuildings();
    await store.saveDistrict(d.site, d.buildings, d.devices, d.points);
    let i = 0;
    const feeding = (async () => {
      for (; i < 4000; i += 100) await store.ingest(Array.from({ length: 100 }, (_, k) => counter(T0 + (i + k) * 10_000, (i + k) / 100)));
    })();
    await store.backup(tmp.file('copy.sqlite'));
    await feeding;
    await store.close();
    const info = await inspectDistrictFile(tmp.file('copy.sqlite'));
    expect(info.buildings).toBe(2);
    const copy = await openStore(tmp.file('copy.sqlite'), { now: () => T0 });
    expect(await copy.integrityCheck()).toBe('ok');
    expect((await copy.getDistrict())?.buildings).toHaveLength(2);
    await copy.close();
  });

  it('exports a district file and imports it over another, atomically', async () => {
    const store = await openStore(tmp.file('a.sqlite'), { now: () => T0 });
    const d = twoBuildings();
    await store.saveDistrict(d.site, d.buildings, d.devices, d.points);
    await store.ingest([counter(T0, 0), counter(T0 + 15 * MIN, 4)]);
    await store.exportDistrict(tmp.file('export.sqlite'));
    await store.close();

    const other = await openStore(tmp.file('b.sqlite'));
    await other.close();
    const info = await importDistrictFile(tmp.file('export.sqlite'), tmp.file('b.sqlite'));
    expect(info).toMatchObject({ buildings: 2, points: 6, intervals: 1 });
    const b = await openStore(tmp.file('b.sqlite'), { now: () => T0 });
    const [a] = await b.buildingBalances(T0, T0 + 15 * MIN);
    expect(a!.importKwh).toBe(4);
    await b.close();
  });

  it('leaves the OPC UA passwords out of an exported file (not even in freed pages); a backup keeps them', async () => {
    const secret = 'Kessel-Passwort-4711';
    const store = await openStore(tmp.file('bms.sqlite'), { now: () => T0 });
    const d = twoBuildings();
    const bms = {
      ...d.devices[0]!,
      protocol: 'opcua' as const,
      url: 'opc.tcp://127.0.0.1:4840',
      config: { identity: { kind: 'username', username: 'hausmeister', password: secret } },
    };
    await store.saveDistrict(d.site, d.buildings, [bms, ...d.devices.slice(1)], d.points);
    await store.backup(tmp.file('backup.sqlite'));
    expect(await store.exportDistrict(tmp.file('export.sqlite'))).toBe(1);
    await store.close();

    const bytesOf = (file: string) => ['', '-wal'].map((s) => (existsSync(file + s) ? readFileSync(file + s).toString('latin1') : '')).join('');
    expect(bytesOf(tmp.file('backup.sqlite'))).toContain(secret);
    expect(bytesOf(tmp.file('export.sqlite'))).not.toContain(secret);
    const exported = await openStore(tmp.file('export.sqlite'), { now: () => T0 });
    const device = (await exported.getDistrict())!.devices.find((x) => x.id === bms.id)!;
    expect(device.config).toEqual({ identity: { kind: 'username', username: 'hausmeister', password: '' } });
    expect(await exported.integrityCheck()).toBe('ok');
    await exported.close();
  });

  it('rejects a bad district file with a clear error and leaves the target as it was', async () => {
    const target = tmp.file('keep.sqlite');
    const store = await openStore(target, { now: () => T0 });
    const d = twoBuildings();
    await store.saveDistrict(d.site, d.buildings, d.devices, d.points);
    await store.close();
    const before = readFileSync(target);

    writeFileSync(tmp.file('text.sqlite'), 'Datum;Wert\n01.01.2024;1\n'.repeat(100));
    await expect(importDistrictFile(tmp.file('text.sqlite'), target)).rejects.toThrow(/text\.sqlite: .*(not a PlusTwin|cannot be opened|not a database)/);
    const empty = await openStore(tmp.file('empty.sqlite'));
    await empty.close();
    await expect(importDistrictFile(tmp.file('empty.sqlite'), target)).rejects.toThrow(/holds no district/);
    await expect(importDistrictFile(tmp.file('missing.sqlite'), target)).rejects.toThrow(/no such file/);
    // a corrupted copy: overwrite pages in the middle of a real file
    const corrupt = Buffer.from(readFileSync(target));
    corrupt.fill(0x55, 4096, Math.min(corrupt.length, 4096 * 3));
    writeFileSync(tmp.file('corrupt.sqlite'), corrupt);
    await expect(importDistrictFile(tmp.file('corrupt.sqlite'), target)).rejects.toThrow(/corrupt\.sqlite/);
    expect(readFileSync(target).equals(before)).toBe(true);
  });
});
