/**
 * Several sites in one central database: a core over it (serve --pg, the app's "Open central database…") shows
 * the first site when none is named, lists the sites and switches between them through the API (the UI's site
 * selector calls these); over a district file the same calls say there is nothing to switch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/api/dispatch.js';
import { startCore, type Core } from '../../../main/core/app/app-core.js';
import type { ArgsOf, MethodName, ResultOf } from '../../../models/contract/index.js';
import type { Result } from '../../../models/result.js';
import { startCentral, type Central } from '../store/central-backend.js';
import { tempDir } from '../store/district-fixture.js';
import { twoSiteDatabase } from './two-sites.js';

let central: Central;
let tmp: ReturnType<typeof tempDir>;
let readUrl: string;
let core: Core;

const call = async <M extends MethodName>(c: Core, method: M, args: ArgsOf<M>) => (await dispatch(c.handlers, method, args)) as Result<ResultOf<M>>;

beforeAll(async () => {
  central = await startCentral();
  tmp = tempDir();
  readUrl = await twoSiteDatabase(central, tmp);
  core = await startCore({ dataDir: tmp.file('data'), transport: 'http', central: { url: readUrl } });
}, 180_000);

afterAll(async () => {
  await core?.close();
  await central?.close();
  tmp?.cleanup();
});

describe('a central database of several sites', () => {
  it('shows the first site, lists them all and switches between them', async () => {
    expect(await call(core, 'sites.list', {})).toEqual({ ok: true, value: { current: 'site-0', sites: ['site-0', 'site-1'] } });
    const first = await call(core, 'district.get', {});
    expect(first.ok && first.value.buildings.map((b) => b.id)).toEqual(['R']);

    expect(await call(core, 'sites.select', { site: 'site-1' })).toEqual({ ok: true, value: { current: 'site-1', sites: ['site-0', 'site-1'] } });
    const second = await call(core, 'district.get', {});
    expect(second.ok && second.value.buildings.map((b) => b.id)).toEqual(['A', 'B']);
    // a refused change names the site now shown
    const refused = await call(core, 'devices.remove', { id: 'meter-A' });
    expect(!refused.ok && refused.error.message).toMatch(/\(Standort site-1\)/);
  });

  it('refuses a site the database does not hold, naming those it does, and keeps the one shown', async () => {
    const wrong = await call(core, 'sites.select', { site: 'site-9' });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'not-found', message: 'Die zentrale Datenbank hält keinen Standort „site-9“. Vorhanden: site-0, site-1.' } });
    expect(await call(core, 'sites.select', { site: '' })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await call(core, 'sites.list', {})).toMatchObject({ ok: true, value: { current: 'site-1' } });
  });

  it('opens the site named at the start', async () => {
    const named = await startCore({ dataDir: tmp.file('data-named'), transport: 'http', central: { url: readUrl, site: 'site-1' } });
    try {
      expect(await call(named, 'sites.list', {})).toMatchObject({ ok: true, value: { current: 'site-1' } });
    } finally {
      await named.close();
    }
  }, 60_000);
});

describe('a district file', () => {
  it('has no sites to list or switch to', async () => {
    const file = await startCore({ dataDir: tmp.file('file-data'), dbPath: tmp.file('district.sqlite'), transport: 'http', demo: false });
    try {
      expect(await call(file, 'sites.list', {})).toEqual({ ok: true, value: { current: null, sites: [] } });
      expect(await call(file, 'sites.select', { site: 'site-1' })).toMatchObject({
        ok: false,
        error: { kind: 'validation', message: 'Eine Quartiersdatei hält genau einen Standort; einen anderen zeigt nur eine zentrale Datenbank.' },
      });
    } finally {
      await file.close();
    }
  }, 60_000);
});
