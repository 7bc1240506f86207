/**
 * The street-light inventory in the district file: `plustwin lights import` and the 'lights.import' API call store
 * it (schema 7), a file with a problem names it with file and line in the user's language and changes nothing.
 */
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open-store.js';
import { assetHandlers } from '../../../main/core/api/asset-handlers.js';
import { dispatch, type Handlers } from '../../../main/core/api/dispatch.js';
import { keyFileCipher } from '../../../main/core/base/secret-cipher.js';
import { SITE, building, tempDir } from '../store/district-fixture.js';
import { runCliCaptured } from '../cli/run-cli-captured.js';

const GOOD = `id;lon;lat;power_w;led;schedule
DO-1;7,4931;51,4889;60;ja;100@22:00 50@05:00 100
DO-2;7,4935;51,4891;150;nein;
`;
const BAD = `id;lon;lat;power_w;led;schedule
DO-1;7,4931;51,4889;60;ja;100@22:00 50@05:00 100

DO-3;7,49;51,48;0;ja;
`;

describe('street-light inventory in the district file', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeEach(async () => {
    tmp = tempDir();
    db = tmp.file('district.sqlite');
    const store = await openStore(db);
    await store.saveDistrict(SITE, [building('A')], [], []);
    await store.close();
  });
  afterEach(() => tmp.cleanup());

  const stored = async () => {
    const store = await openStore(db);
    try {
      return await store.streetLights.streetLights();
    } finally {
      await store.close();
    }
  };

  it('imports a CSV through the CLI, and a bad file later names its line in German and changes nothing', async () => {
    writeFileSync(tmp.file('lights.csv'), GOOD);
    const ok = await runCliCaptured('lights', 'import', tmp.file('lights.csv'), '--db', db, '--lang', 'de');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('2 Straßenleuchten im Bestand (2 neu, 0 aktualisiert, 0 entfernt)\n');
    const before = await stored();
    expect(before.map((l) => [l.id, l.powerW, l.led, l.schedule])).toEqual([
      ['DO-1', 60, true, { steps: [{ until: '22:00', percent: 100 }, { until: '05:00', percent: 50 }], thenPercent: 100 }],
      ['DO-2', 150, false, { steps: [], thenPercent: 100 }],
    ]);

    writeFileSync(tmp.file('bad.csv'), BAD);
    const bad = await runCliCaptured('lights', 'import', tmp.file('bad.csv'), '--db', db, '--lang', 'de');
    expect(bad.code).toBe(1);
    // line 4: the blank line 3 keeps its number, as an editor shows it
    expect(bad.stderr).toBe(
      `plustwin lights: ${tmp.file('bad.csv')}: 1 Problem(e), nichts importiert, der Bestand ist unverändert\n` +
        `${tmp.file('bad.csv')}: Zeile 4: power_w muss über 0 liegen\n`,
    );
    expect(await stored()).toEqual(before);

    const en = await runCliCaptured('lights', 'import', tmp.file('bad.csv'), '--db', db, '--lang', 'en');
    expect(en.stderr).toContain(`${tmp.file('bad.csv')}: line 4: power_w must be above 0`);
  });

  it('imports GeoJSON through the API, replacing the inventory, and refuses a bad feature naming it', async () => {
    const store = await openStore(db);
    try {
      const handlers = assetHandlers({ store, now: () => Date.now(), language: async () => 'en', secrets: keyFileCipher(tmp.dir) }) as unknown as Handlers;
      await store.streetLights.replaceStreetLights([{ id: 'OLD', lon: 7, lat: 51, powerW: 70, led: false, schedule: { steps: [], thenPercent: 100 } }]);
      const geo = {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [7.4931, 51.4889] }, properties: { id: 'L1', power_w: 40, led: true, schedule: '100@23:00 30' } }],
      };
      const r = await dispatch(handlers, 'lights.import', { fileName: 'lights.geojson', text: JSON.stringify(geo) });
      expect(r).toEqual({ ok: true, value: { count: 1, added: 1, updated: 0, removed: 1 } });
      const badGeo = { ...geo, features: [...geo.features, { type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: {} }] };
      const bad = await dispatch(handlers, 'lights.import', { fileName: 'lights.geojson', text: JSON.stringify(badGeo), lang: 'de' });
      expect(bad).toMatchObject({ ok: false, error: { kind: 'validation', message: 'lights.geojson: Objekt 1: eine Straßenleuchte ist ein Point', where: 'text' } });
      expect((await store.streetLights.streetLights()).map((l) => l.id)).toEqual(['L1']);
      const list = await dispatch(handlers, 'lights.list', {});
      expect(list).toEqual({ ok: true, value: [{ id: 'L1', lon: 7.4931, lat: 51.4889, powerW: 40, led: true, schedule: '100@23:00 30', meterPointId: null }] });
    } finally {
      await store.close();
    }
  });

  it("runs the LED scenario on the stored inventory with the analysis' CO2 set and cited defaults", async () => {
    const store = await openStore(db);
    try {
      const handlers = assetHandlers({ store, now: () => Date.now(), language: async () => 'en', secrets: keyFileCipher(tmp.dir) }) as unknown as Handlers;
      await store.streetLights.replaceStreetLights([{ id: 'S1', lon: 7.4653, lat: 51.5136, powerW: 100, led: false, schedule: { steps: [], thenPercent: 100 } }]);
      // one December night in Dortmund, worked in test/unit/scenarios/lighting-retrofit.test.ts: 0.6901 kWh saved;
      // default price 0.3052 EUR/kWh -> 0.21062 EUR; GEG Anlage 9 (the analysis' default CO2 set) 560 g/kWh
      const from = Date.UTC(2026, 11, 21, 11);
      const r = await dispatch(handlers, 'scenario.lighting', { from, to: from + 86_400_000 });
      if (!r.ok) throw new Error(r.error.message);
      const v = r.value as { savedKwh: number; savedEur: number; co2GPerKwh: number; co2Set: { id: string }; priceEurPerKwh: number; assumptions: string[] };
      expect(v.savedKwh).toBeCloseTo(0.6901, 3);
      expect(v.savedEur).toBeCloseTo(0.6901 * 0.3052, 3);
      expect(v.co2GPerKwh).toBe(560);
      expect(v.co2Set.id).toBe('geg-anlage-9');
      expect(v.assumptions.join('\n')).toContain('Monitoringbericht 2024');
      const bad = await dispatch(handlers, 'scenario.lighting', { from, to: from + 86_400_000, dimming: '50@25:00' });
      expect(bad).toMatchObject({ ok: false, error: { kind: 'validation', where: 'dimming' } });
    } finally {
      await store.close();
    }
  });
});
