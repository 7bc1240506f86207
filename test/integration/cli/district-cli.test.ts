import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open-store.js';
import { T0, tempDir, twoBuildings } from '../store/district-fixture.js';
import { runCliCaptured } from './run-cli-captured.js';

const SECRET = 'Zaehler-Passwort-0815';

describe('plustwin district', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;

  beforeEach(async () => {
    tmp = tempDir();
    db = tmp.file('district.sqlite');
    const store = await openStore(db, { now: () => T0 });
    const d = twoBuildings();
    const bms = { ...d.devices[0]!, config: { identity: { kind: 'username', username: 'gebaeudeleittechnik', password: SECRET } } };
    await store.saveDistrict(d.site, d.buildings, [bms, ...d.devices.slice(1)], d.points);
    await store.ingest([
      { pointId: 'A.imp', ts: T0, value: 10, quality: 'good' },
      { pointId: 'A.imp', ts: T0 + 900_000, value: 12, quality: 'good' },
    ]);
    await store.close();
  });
  afterEach(() => tmp.cleanup());

  it('exports a copy without passwords, backs up a full one, and checks both', async () => {
    const exported = await runCliCaptured('district', 'export', '--db', db, '--out', tmp.file('handover.sqlite'));
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toMatch(/2 buildings, 6 points, 1 intervals; OPC UA passwords left out: 1/);
    expect(readFileSync(tmp.file('handover.sqlite')).toString('latin1')).not.toContain(SECRET);

    const backup = await runCliCaptured('district', 'backup', '--db', db, '--out', tmp.file('backup.sqlite'), '--json');
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ buildings: 2, points: 6, intervals: 1 });
    expect(readFileSync(tmp.file('backup.sqlite')).toString('latin1')).toContain(SECRET);

    const check = await runCliCaptured('district', 'check', tmp.file('handover.sqlite'), '--json');
    expect(JSON.parse(check.stdout)).toMatchObject({ buildings: 2, points: 6, intervals: 1 });
  });

  it('imports a district file in place of another, and refuses a bad one without changing anything', async () => {
    await runCliCaptured('district', 'export', '--db', db, '--out', tmp.file('handover.sqlite'));
    const target = tmp.file('other.sqlite');
    const other = await openStore(target);
    await other.close();
    const imported = await runCliCaptured('district', 'import', tmp.file('handover.sqlite'), '--db', target);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('2 buildings');
    const before = readFileSync(target);

    writeFileSync(tmp.file('notes.sqlite'), 'Zählerliste, kein SQLite');
    const bad = await runCliCaptured('district', 'import', tmp.file('notes.sqlite'), '--db', target);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/notes\.sqlite: .*nothing was changed/);
    expect(readFileSync(target).equals(before)).toBe(true);
  });

  it('says how it is used when an argument is missing or would overwrite a file', async () => {
    const noOut = await runCliCaptured('district', 'export', '--db', db);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out FILE is required');
    const exists = await runCliCaptured('district', 'backup', '--db', db, '--out', db);
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain('exists; choose a new file');
    const noDb = await runCliCaptured('district', 'export', '--db', tmp.file('typo.sqlite'), '--out', tmp.file('x.sqlite'));
    expect(noDb.stderr).toContain('--db: no file');
    expect((await runCliCaptured('district', 'rename')).stderr).toContain("unknown action 'rename'");
  });
});
