/**
 * 'files.import' on a real SQLite district: a GeoJSON's buildings are merged in; a file with a problem is refused
 * with an error code and parameters the UI says in German or English (file, line, column, the problem), and the
 * district keeps exactly the buildings it had.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileHandlers } from '../../../main/core/api/file-handlers.js';
import { FileJobs } from '../../../main/core/api/file-jobs.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import type { FileJobView } from '../../../models/contract/index.js';
import { DeviceApiError, errorText } from '../../../renderer/devices/devices-api.js';
import { createI18n } from '../../../renderer/i18n/i18n.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setUp(): Promise<{ store: SqliteStore; handlers: ReturnType<typeof fileHandlers>; jobs: FileJobs }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-upload-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const store = await openStore(path.join(dir, 'district.sqlite'));
  cleanup.push(() => store.close());
  const jobs = new FileJobs(path.join(dir, 'exports'));
  return { store, handlers: fileHandlers(store, () => jobs), jobs };
}

async function finished(jobs: FileJobs, started: FileJobView): Promise<FileJobView> {
  for (;;) {
    const v = jobs.get(started.id);
    if (v.state !== 'running') return v;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A 10 m x 10 m footprint near Bottrop (1e-4 deg lat ~ 11 m). */
const feature = (id: string, height: number) => ({
  type: 'Feature',
  id,
  properties: { name: id, height },
  geometry: { type: 'Polygon', coordinates: [[[6.92, 51.52], [6.9201, 51.52], [6.9201, 51.5201], [6.92, 51.5201], [6.92, 51.52]]] },
});

describe('building upload', () => {
  it('merges the buildings of a GeoJSON into the district', async () => {
    const { store, handlers, jobs } = await setUp();
    const text = JSON.stringify({ type: 'FeatureCollection', features: [feature('a', 9), feature('b', 12)] });
    const done = await finished(jobs, await handlers['files.import']({ fileName: 'zwei.geojson', text }));
    expect(done).toMatchObject({ state: 'done', progress: 1, imported: { format: 'geojson', buildings: 2, added: 2, updated: 0, roofSurfaces: 2 } });
    expect((await store.getDistrict())?.buildings.map((b) => b.id).sort()).toEqual(['a', 'b']);
  });

  it('refuses a height of 5 km naming the feature and its line, in German, and keeps the district as it was', async () => {
    const { store, handlers, jobs } = await setUp();
    await finished(jobs, await handlers['files.import']({ fileName: 'eins.geojson', text: JSON.stringify({ type: 'FeatureCollection', features: [feature('a', 9)] }) }));
    // one feature per line: the bad one is on line 3
    const text = ['{"type": "FeatureCollection", "features": [', `${JSON.stringify(feature('b', 12))},`, JSON.stringify(feature('c', 5000)), ']}'].join('\n');
    const failed = await finished(jobs, await handlers['files.import']({ fileName: 'hoch.geojson', text }));
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ kind: 'validation', code: 'import.problem', where: 'hoch.geojson:3:1', params: { file: 'hoch.geojson', line: 3, column: 1 } });
    const de = errorText(new DeviceApiError(failed.error!), createI18n('de'));
    expect(de).toBe(
      'Fehler in hoch.geojson, Zeile 3, Spalte 1: Feature 2 (id "c"): die Höhe 5000 m liegt nicht zwischen 0 und 1.000 m (das höchste Gebäude ist 828 m hoch): ein Einheiten- oder Tippfehler? Nichts wurde importiert, das Quartier ist unverändert.',
    );
    expect((await store.getDistrict())?.buildings.map((b) => b.id)).toEqual(['a']);
  });

  it('says in English when a file is neither format or holds no building', async () => {
    const { handlers, jobs } = await setUp();
    const en = createI18n('en');
    const neither = await finished(jobs, await handlers['files.import']({ fileName: 'notes.txt', text: 'Gebäude: Rathaus' }));
    expect(errorText(new DeviceApiError(neither.error!), en)).toBe(
      'The file notes.txt is neither CityGML (XML) nor GeoJSON: it starts with neither "<" nor a curly bracket. Nothing was imported.',
    );
    const empty = await finished(jobs, await handlers['files.import']({ fileName: 'leer.geojson', text: '{"type": "FeatureCollection", "features": []}' }));
    expect(errorText(new DeviceApiError(empty.error!), en)).toBe('The file leer.geojson holds no building with a footprint. Nothing was imported.');
  });
});

describe('a PDF report without a browser to print it', () => {
  it('fails with a code the UI explains, pointing the desktop user to the File menu', async () => {
    const { handlers, jobs } = await setUp();
    await finished(jobs, await handlers['files.import']({ fileName: 'eins.geojson', text: JSON.stringify({ type: 'FeatureCollection', features: [feature('a', 9)] }) }));
    const before = process.env['PLUSTWIN_CHROMIUM'];
    process.env['PLUSTWIN_CHROMIUM'] = path.join(os.tmpdir(), 'no-such-chromium');
    cleanup.push(() => {
      if (before === undefined) delete process.env['PLUSTWIN_CHROMIUM'];
      else process.env['PLUSTWIN_CHROMIUM'] = before;
    });
    const failed = await finished(jobs, await handlers['files.export']({ kind: 'report', format: 'pdf', period: '2025-01-01..2025-01-31', lang: 'de' }));
    expect(failed.error).toMatchObject({ kind: 'internal', code: 'report.noChromium', where: 'format' });
    expect(errorText(new DeviceApiError(failed.error!), createI18n('de'))).toContain('„Datei → Bericht exportieren → PDF“');
  });
});
