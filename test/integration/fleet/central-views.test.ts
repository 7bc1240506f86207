/**
 * The central database seen as a district: `balance --pg` and `report --pg` give what `--db` gives for the same
 * site's file, and a core started on the central database (serve --pg, the app's central option) answers the same
 * reads and refuses every change with an error value in the user's language.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/api/dispatch.js';
import { startCore, type Core } from '../../../main/core/app/app-core.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { ArgsOf, MethodName, ResultOf } from '../../../models/contract/index.js';
import type { Result } from '../../../models/result.js';
import type { Reading } from '../../../models/types.js';
import { runCliCaptured } from '../cli/run-cli-captured.js';
import { startChild } from './fleet-children.js';
import { shipToCentral, startCentral, type Central } from '../store/central-backend.js';
import { MIN, T0, tempDir, twoBuildings } from '../store/district-fixture.js';

/** 2024-06-03 00:00 in Berlin (T0 is 02:00 there). */
const S = T0 - 2 * 60 * MIN;

let central: Central;
let tmp: ReturnType<typeof tempDir>;
let edgeFile: string;
let readUrl: string;

beforeAll(async () => {
  central = await startCentral();
  tmp = tempDir();
  edgeFile = tmp.file('site.sqlite');
  // building A over the local day of 3 June and 10 minutes beyond (so every interval of the day is finished and
  // sent): import +1 kWh, PV +0.5 kWh per 5 minutes; B's net grid power swings between import and export
  const rs: Reading[] = [];
  for (let i = 0; i <= 24 * 12 + 2; i++) {
    const ts = S + i * 5 * MIN;
    rs.push({ pointId: 'A.imp', ts, value: 100 + i, quality: 'good' }, { pointId: 'A.exp', ts, value: 50, quality: 'good' });
    rs.push({ pointId: 'A.pv', ts, value: 10 + i * 0.5, quality: 'good' }, { pointId: 'B.grid', ts, value: 3 * Math.cos(i / 15), quality: 'good' });
  }
  const d = twoBuildings();
  const edge = await openStore(edgeFile, { now: () => S + 86_400_000, outbox: true });
  await edge.saveDistrict(d.site, d.buildings, d.devices, d.points);
  await edge.ingest(rs);
  await edge.close();
  const db = await central.newDatabase();
  await shipToCentral(edgeFile, db.adminUrl);
  readUrl = db.readUrl;
}, 180_000);

afterAll(async () => {
  await central?.close();
  tmp?.cleanup();
});

/** Numbers to 1e-9 (the central sums add in another order), everything else exactly. */
const near = (v: unknown): unknown =>
  typeof v === 'number' && !Number.isInteger(v) ? expect.closeTo(v, 9) : Array.isArray(v) ? v.map(near) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, near(x)])) : v;

describe('balance and report from the central database', () => {
  it('balance --pg gives the analysis balance --db gives for the site', async () => {
    const args = ['--from', '2024-06-03', '--to', '2024-06-04', '--json'];
    const fromFile = await runCliCaptured('balance', '--db', edgeFile, ...args);
    expect(fromFile.stderr).toBe('');
    const fromPg = await runCliCaptured('balance', '--pg', readUrl, '--site', 'site-1', ...args);
    expect(fromPg.stderr).toBe('');
    expect(fromPg.code).toBe(0);
    const want = JSON.parse(fromFile.stdout) as { analysis: { district: { balances: unknown[] } } };
    expect(JSON.parse(fromPg.stdout)).toEqual(near(want));
    // A's day: 288 x 1 kWh import and 288 x 0.5 kWh PV; the analysis is not empty
    expect(fromFile.stdout).toContain('"buildingId": "A"');
  });

  it('report --pg writes the CSV report --db writes', async () => {
    const args = ['--period', '2024-06-03', '--format', 'csv', '--csv', 'intl'];
    const a = await runCliCaptured('report', '--db', edgeFile, ...args, '--out', tmp.file('file.csv'));
    expect(a.code).toBe(0);
    const b = await runCliCaptured('report', '--pg', readUrl, ...args, '--out', tmp.file('pg.csv'));
    expect(b.stderr.replace(/\r?[^\n]*\r/g, '')).not.toMatch(/error/i);
    expect(b.code).toBe(0);
    const pgCsv = readFileSync(tmp.file('pg.csv'), 'utf8');
    expect(pgCsv).toBe(readFileSync(tmp.file('file.csv'), 'utf8'));
    // 96 quarter hours for each of A's three counters and B's import direction, and a header
    expect(pgCsv.trim().split('\n').length).toBeGreaterThan(96);
  });

  it('says what is wrong with the source options', async () => {
    const both = await runCliCaptured('balance', '--db', edgeFile, '--pg', readUrl, '--from', '2024-06-03', '--to', '2024-06-04');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--db and --pg exclude each other');
    const site = await runCliCaptured('report', '--db', edgeFile, '--site', 'x', '--period', '2024', '--format', 'csv', '--out', tmp.file('x.csv'));
    expect(site.stderr).toContain('--site goes with --pg');
    const wrong = await runCliCaptured('balance', '--pg', readUrl, '--site', 'elsewhere', '--from', '2024-06-03', '--to', '2024-06-04');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/holds no site 'elsewhere' \(sites: site-1\)/);
  });
});

describe('a core on the central database', () => {
  let core: Core;
  beforeAll(async () => {
    core = await startCore({ dataDir: tmp.file('serve-data'), transport: 'http', central: { url: readUrl } });
  }, 60_000);
  afterAll(async () => {
    await core?.close();
  });
  /** A call through the one entry every transport uses, typed by the contract. */
  const call = async <M extends MethodName>(method: M, args: ArgsOf<M>) => (await dispatch(core.handlers, method, args)) as Result<ResultOf<M>>;

  it('answers the same reads as over the district file', async () => {
    const info = await dispatch(core.handlers, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { transport: 'http' } });
    // the address is shown, the password never
    expect(JSON.stringify(info)).not.toContain('read-pw');
    const district = await call('district.get', {});
    expect(district.ok && district.value.buildings.map((b) => b.id)).toEqual(['A', 'B']);
    const series = await call('building.series', { buildingId: 'A', from: S, to: S + 86_400_000, resolution: 'day' });
    // the local day: 288 kWh import, 144 kWh PV
    expect(series.ok && series.value.energy.map((e) => [e.importKwh, e.generationKwh])).toEqual([[expect.closeTo(288, 9), expect.closeTo(144, 9)]]);
    const balances = await dispatch(core.handlers, 'district.balances', { from: S, to: S + 86_400_000 });
    expect(balances.ok).toBe(true);
    const devices = await dispatch(core.handlers, 'devices.list', {});
    expect(devices.ok).toBe(true);
  });

  it('refuses changes with an error value in the settings language', async () => {
    const heat = await dispatch(core.handlers, 'district.setHeatSupply', { buildingId: 'A', heatSupply: null });
    expect(heat).toMatchObject({ ok: false, error: { kind: 'validation', where: 'district.setHeatSupply' } });
    expect(!heat.ok && heat.error.message).toMatch(/^Nicht möglich: Diese Ansicht liest die zentrale Datenbank postgresql:\/\/plustwin_read:\*\*\*@127\.0\.0\.1:\d+\/plustwin_\d+ \(Standort site-1\) nur\./);
    expect(await dispatch(core.handlers, 'settings.set', { language: 'en' })).toMatchObject({ ok: true });
    const remove = await dispatch(core.handlers, 'devices.remove', { id: 'meter-A' });
    expect(!remove.ok && remove.error.message).toMatch(/^Not possible: this view only reads the central database .* \(site site-1\)\. Change devices, buildings and readings at the site's collector/);
    // nothing changed
    const district = await call('district.get', {});
    expect(district.ok && district.value.devices.map((d) => d.id)).toEqual(['meter-A', 'pv-A', 'meter-B']);
  });
});

describe('plustwin serve --pg', () => {
  it('serves the central site over HTTP, refuses changes, and stops cleanly', async () => {
    const serve = await startChild('serve', 'main/shells/serve/entry.ts', ['--pg', readUrl, '--port', '0', '--data', tmp.file('serve-pg')], /PlusTwin listening on http:\/\/\S+/);
    try {
      const url = /PlusTwin listening on (http:\/\/\S+)/.exec(serve.log())![1]!;
      const post = async (method: string, args: unknown) =>
        (await (await fetch(new URL('/api/call', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method, args }) })).json()) as Result<unknown>;
      const district = await post('district.get', {});
      expect(district.ok && (district.value as { buildings: { id: string }[] }).buildings.map((b) => b.id)).toEqual(['A', 'B']);
      const remove = await post('devices.remove', { id: 'meter-A' });
      expect(!remove.ok && remove.error.message).toMatch(/^Nicht möglich: Diese Ansicht liest die zentrale Datenbank/);
      expect(serve.log()).toMatch(/central database \(read-only\): postgresql:\/\/plustwin_read:\*\*\*@/);
      expect(serve.log()).not.toContain('read-pw');
    } finally {
      expect(await serve.stop(30_000), serve.log()).toBe(0);
    }
  }, 120_000);
});
