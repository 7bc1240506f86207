/**
 * `plustwin district import` against a crafted look-alike (the right user_version, a meta row naming a site, a few
 * empty tables: what the attack used) and against a district file that a running `plustwin serve` (another
 * process) is writing to. Both must be refused with the reason, and the target must stay byte for byte the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open-store.js';
import { SqliteDb } from '../../../main/core/store/sqlite-db.js';
import { LATEST_SCHEMA_VERSION } from '../../../main/core/store/migrations.js';
import { T0, tempDir, twoBuildings } from '../store/district-fixture.js';
import { runCliCaptured } from './run-cli-captured.js';
import { startServeChild, type ServeChild } from '../shutdown/serve-child.js';

let tmp: ReturnType<typeof tempDir>;
let good: string;

beforeAll(async () => {
  tmp = tempDir();
  good = tmp.file('good.sqlite');
  const store = await openStore(good, { now: () => T0 });
  const d = twoBuildings();
  await store.saveDistrict(d.site, d.buildings, d.devices, d.points);
  await store.close();
});
afterAll(() => tmp.cleanup());

async function lookAlike(file: string): Promise<void> {
  const db = await SqliteDb.open(file);
  await db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION};
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
    INSERT INTO meta VALUES ('current_site', 'site-1');
    CREATE TABLE buildings(id TEXT); CREATE TABLE points(id TEXT); CREATE TABLE intervals(series INTEGER);`);
  await db.close();
}

describe('district import refuses what would harm the district', () => {
  it('refuses a look-alike file, naming what it lacks; the target is unchanged', async () => {
    const fake = tmp.file('fake.sqlite');
    await lookAlike(fake);
    const target = tmp.file('target.sqlite');
    fs.copyFileSync(good, target);
    const before = fs.readFileSync(target);
    const r = await runCliCaptured('district', 'import', fake, '--db', target);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`fake\\.sqlite: not a PlusTwin district file \\(schema ${LATEST_SCHEMA_VERSION}, but it lacks: .*series`));
    expect(r.stderr).toMatch(/nothing was changed/);
    expect(fs.readFileSync(target).equals(before)).toBe(true);
    const check = await runCliCaptured('district', 'check', fake);
    expect(check.code).toBe(1);
  });

  it('never replaces the file under a running serve, and names the process and the lock file', async () => {
    const dir = tmp.file('serve-data');
    fs.mkdirSync(dir);
    fs.copyFileSync(good, path.join(dir, 'district.sqlite'));
    let serve: ServeChild | undefined;
    try {
      serve = await startServeChild(['--data', dir, '--port', '0', '--no-demo']);
      const target = path.join(dir, 'district.sqlite');
      const r = await runCliCaptured('district', 'import', good, '--db', target);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`is open in plustwin serve (process ${serve.child.pid}`);
      expect(r.stderr).toContain(`${target}.lock`);
      const code = await serve.stop();
      expect(code, serve.log()).toBe(0);
      // stopped, the lock is gone and the import goes through
      expect(fs.existsSync(`${target}.lock`)).toBe(false);
      const ok = await runCliCaptured('district', 'import', good, '--db', target);
      expect(ok.code).toBe(0);
      expect((fs.statSync(target).mode & 0o777).toString(8)).toBe('600');
    } finally {
      await serve?.stop(5_000);
    }
  }, 120_000);
});
