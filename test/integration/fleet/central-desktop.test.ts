/**
 * The desktop app's "Open central database…" as far as it runs without Electron: the core host (what the utility
 * process runs) switches from a project to a fleet's central database on a real PostgreSQL 15, keeps the project
 * open when the connection fails, never logs the password, and goes back to a project on request.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, DistrictView, SitesView } from '../../../models/contract/index.js';
import type { Result } from '../../../models/result.js';
import { startCoreHost, type StartedHost } from '../../../main/shells/electron/core-host.js';
import { openStore } from '../../../main/core/store/open-store.js';
import { shipToCentral, startCentral, type Central } from '../store/central-backend.js';
import { twoBuildings } from '../store/district-fixture.js';

let central: Central;
let dir: string;
let readUrl: string;
let running: StartedHost | undefined;
const logged: string[] = [];

beforeAll(async () => {
  central = await startCentral();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-central-desktop-'));
  const d = twoBuildings();
  const edgeFile = path.join(dir, 'site.sqlite');
  const edge = await openStore(edgeFile, { outbox: true });
  await edge.saveDistrict(d.site, d.buildings, d.devices, d.points);
  await edge.close();
  const db = await central.newDatabase();
  await shipToCentral(edgeFile, db.adminUrl);
  readUrl = db.readUrl;
}, 180_000);

afterAll(async () => {
  await running?.host.close();
  await central?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the desktop core host and a central database', () => {
  it('switches from a project to the central database and back, keeping the project when the connection fails', async () => {
    running = await startCoreHost({ dataDir: path.join(dir, 'data'), demo: false, log: (line) => logged.push(line) });
    const project = running.info.dbPath;

    // a database the server does not have (the test cluster trusts 127.0.0.1, so a wrong password would pass):
    // refused by the server, the project stays open
    const wrong = new URL(readUrl);
    wrong.password = 'not-the-password';
    wrong.pathname = '/plustwin_nope';
    const refused = await running.host.control({ kind: 'open-central', url: wrong.toString() });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'internal', message: expect.stringMatching(/database "plustwin_nope" does not exist/) } });
    expect(await running.host.call('app.info', {})).toMatchObject({ ok: true, value: { dbPath: project } });

    const opened = (await running.host.control({ kind: 'open-central', url: readUrl })) as Result<AppInfo>;
    expect(opened.ok && opened.value.dbPath).toMatch(/^postgresql:\/\/plustwin_read:\*\*\*@127\.0\.0\.1:\d+\/plustwin_\d+$/);
    const district = (await running.host.call('district.get', {})) as Result<DistrictView>;
    expect(district.ok && district.value.buildings.map((b) => b.id)).toEqual(['A', 'B']);
    expect((await running.host.call('sites.list', {})) as Result<SitesView>).toEqual({ ok: true, value: { current: 'site-1', sites: ['site-1'] } });
    // read-only: a change is refused as an error value
    expect(await running.host.call('devices.remove', { id: 'meter-A' })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    // the central database is not a recent project (its address may hold the password)
    const recent = (await running.host.control({ kind: 'recent-projects' })) as Result<Array<{ file: string }>>;
    expect(recent.ok && recent.value.map((p) => p.file)).toEqual([project]);

    expect(await running.host.control({ kind: 'open-project', file: project })).toMatchObject({ ok: true });
    expect(await running.host.call('app.info', {})).toMatchObject({ ok: true, value: { dbPath: project } });
    expect(logged.some((l) => /central database \(read-only\): postgresql:\/\/plustwin_read:\*\*\*@/.test(l))).toBe(true);
    expect(logged.join('\n')).not.toContain('read-pw');
    expect(logged.join('\n')).not.toContain('not-the-password');
  }, 120_000);
});
