import { existsSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion, SchemaTooNewError } from '../../../main/core/store/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../main/core/store/migrations.js';
import { openStore } from '../../../main/core/store/open-store.js';
import { SqliteDb } from '../../../main/core/store/sqlite-db.js';
import { Calendar } from '../../../main/core/store/calendar.js';
import { Rollups } from '../../../main/core/store/rollups.js';
import { MIN, T0, tempDir, twoBuildings } from './district-fixture.js';

/** Rows a file at schema version >= 1 can hold, written with plain SQL as an older PlusTwin would have. */
async function seedVersion1(db: SqliteDb): Promise<void> {
  const d = twoBuildings();
  await db.run("INSERT INTO sites(id, doc, saved_at) VALUES ('site-1', ?, 1)", [JSON.stringify(d.site)]);
  await db.run("INSERT INTO meta(key, value) VALUES ('current_site', 'site-1')");
  await db.run("INSERT INTO buildings(pk, id, doc) VALUES (1, 'A', ?)", [JSON.stringify(d.buildings[0])]);
  const imp = d.points[0]!;
  await db.run("INSERT INTO points(pk, id, building_id, role, kind, medium, doc) VALUES (1, 'A.imp', 'A', 'import', 'energy-counter', 'electricity', ?)", [JSON.stringify(imp)]);
  await db.run("INSERT INTO series(pk, point, direction, building, role, source, electric, active) VALUES (1, 1, 0, 1, 'import', 'counter', 1, 1)");
  await db.run('INSERT INTO samples(ts, point, value, q) VALUES (?, 1, 100, 0)', [T0]);
  await db.run('INSERT INTO intervals(series, slot, kwh, q) VALUES (1, ?, 2.5, 0)', [T0 / (15 * MIN)]);
  await db.run('INSERT INTO checkpoints(point, ts, value) VALUES (1, ?, 100)', [T0]);
}

describe('schema migrations', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('numbers migrations 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  for (let from = 0; from < LATEST_SCHEMA_VERSION; from++)
    it(`upgrades a file from version ${from} to ${LATEST_SCHEMA_VERSION} keeping its data`, async () => {
      const file = tmp.file(`v${from}.sqlite`);
      const old = await SqliteDb.open(file);
      await migrate(old, MIGRATIONS.slice(0, from));
      expect(await schemaVersion(old)).toBe(from);
      if (from >= 1) await seedVersion1(old);
      // a PlusTwin at schema 2 or later kept rollups next to its intervals
      if (from >= 2) await new Rollups(old, new Calendar(old)).rebuildAll();
      await old.close();

      const store = await openStore(file, { now: () => T0 + MIN });
      expect(await schemaVersion(store.sqlite)).toBe(LATEST_SCHEMA_VERSION);
      if (from >= 1) {
        expect((await store.getDistrict())?.points.map((p) => p.id)).toEqual(['A.imp']);
        // rollups were built for the intervals that predate them
        const months = await store.buildingSeries('A', T0 - 30 * 86_400_000, T0 + 30 * 86_400_000, 'month');
        expect(months.map((m) => m.importKwh)).toEqual([2.5]);
        // the old interval is there; the checkpoint carries on: 100 -> 101 kWh adds 1 kWh to the same quarter hour
        await store.ingest([{ pointId: 'A.imp', ts: T0 + 5 * MIN, value: 101, quality: 'good' }]);
        await store.flush();
        const all = [];
        for await (const i of store.intervals(['A.imp'], T0, T0 + 15 * MIN)) all.push(i.kwh);
        expect(all).toEqual([3.5]);
      }
      const d = twoBuildings();
      await store.saveDistrict(d.site, d.buildings, d.devices, d.points);
      await store.saveRoofs(['A'], [{ buildingId: 'A', areaM2: 10, tiltDeg: 30, azimuthDeg: 180 }]);
      expect(await store.getRoofs('A')).toHaveLength(1);
      await store.close();
    });

  it('rolls a failing migration back whole and leaves the file at the version before', async () => {
    const file = tmp.file('bad.sqlite');
    const db = await SqliteDb.open(file);
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE half(x); INSERT INTO nowhere VALUES (1);' }];
    await expect(migrate(db, broken)).rejects.toThrow(/nowhere/);
    expect(await schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(await db.all("SELECT name FROM sqlite_master WHERE name = 'half'")).toEqual([]);
    await db.close();
  });

  it('refuses a file written by a newer PlusTwin', async () => {
    const file = tmp.file('new.sqlite');
    const db = await SqliteDb.open(file);
    await db.exec('PRAGMA user_version = 99');
    await db.close();
    await expect(openStore(file)).rejects.toThrow(SchemaTooNewError);
    await expect(openStore(file)).rejects.toThrow(/schema version 99, newer/);
  });

  it('refuses a file that is not SQLite without touching it', async () => {
    const file = tmp.file('junk.sqlite');
    writeFileSync(file, 'this is not a database, just text that is long enough to fill a header '.repeat(20));
    await expect(openStore(file)).rejects.toThrow(/not a database|file is not/i);
    expect(existsSync(file)).toBe(true);
  });
});
