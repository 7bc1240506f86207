/**
 * Refusals as the CLI prints them with --lang de: arguments the API's schemas refuse (the field named by the flag
 * the user typed), a tariff overlap, a history file's bad lines and a district file that is not one, each with what
 * it must be and the next step, in German only; and nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open-store.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { SITE, building, device, point, tempDir } from '../store/district-fixture.js';
import { runCliCaptured } from './run-cli-captured.js';
import { warningsGeoJson } from '../../fixtures/importers/warnings-geojson.js';

describe('refusals in the CLI', { timeout: 120_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  let file: string;

  beforeAll(async () => {
    tmp = tempDir();
    file = tmp.file('d.sqlite');
    const store = await openStore(file);
    await store.saveDistrict(SITE, [building('H')], [device('mh', 'H')], [point('H.imp', 'mh', 'H', 'import', 'energy-counter')]);
    await store.close();
  });
  afterAll(() => tmp.cleanup());

  const tariffs = async () => (await runCliCaptured('tariff', 'list', '--db', file, '--json')).stdout;

  it('names --to and --from when the end is not after the start, and stores nothing', async () => {
    const before = await tariffs();
    const r = await runCliCaptured('tariff', 'add', '--db', file, '--building', 'H', '--carrier', 'gas', '--from', '2025-03-01', '--to', '2025-02-01', '--price', '10', '--lang', 'de');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('plustwin tariff: „--to“ muss nach „--from“ liegen: prüfen Sie die beiden Daten');
    expect(await tariffs()).toBe(before);
  });

  it('names --price and its limit with German digits when the price is too high', async () => {
    // PRICE_LIMIT_CT = 1000 (models/tariffs/tariff.ts): "1.000" in German
    const r = await runCliCaptured('tariff', 'add', '--db', file, '--building', 'H', '--carrier', 'gas', '--from', '2025-03-01', '--price', '1500,5', '--lang', 'de');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('plustwin tariff: „--price“ ist zu groß: erlaubt ist höchstens 1.000');
    expect(await tariffs()).toBe('[]\n');
  });

  it('names --to and --from of a balance whose end is not after its start', async () => {
    const r = await runCliCaptured('balance', '--db', file, '--from', '2025-04-01', '--to', '2025-03-01', '--lang', 'de');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('plustwin balance: --period: „--to“ muss nach „--from“ liegen: prüfen Sie die beiden Daten');
  });

  it('names a bad date in --from with the form to write', async () => {
    const r = await runCliCaptured('tariff', 'add', '--db', file, '--building', 'H', '--carrier', 'gas', '--from', '1.3.2025', '--price', '10', '--lang', 'de');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('plustwin tariff: „--from“ ist kein Datum: schreiben Sie es als JJJJ-MM-TT, z. B. 2025-01-01');
    expect(await tariffs()).toBe('[]\n');
  });

  it('names the tariff a new one overlaps, its dates in German and the way out, and keeps the old one', async () => {
    const first = await runCliCaptured('tariff', 'add', '--db', file, '--building', 'H', '--carrier', 'gas', '--from', '2025-01-01', '--price', '10', '--lang', 'de');
    expect(first.code, first.stderr).toBe(0);
    const before = await tariffs();
    const r = await runCliCaptured('tariff', 'add', '--db', file, '--building', 'H', '--carrier', 'gas', '--from', '2025-03-01', '--to', '2025-04-01', '--price', '12', '--lang', 'de');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'plustwin tariff: die Gültigkeit 01.03.2025 bis 01.04.2025 überschneidet sich mit dem Tarif H.gas.2025-01-01 (01.01.2025 bis unbefristet) ' +
        'desselben Gebäudes und Energieträgers: wählen Sie andere Daten oder geben Sie dem Tarif H.gas.2025-01-01 ein Ende (--id H.gas.2025-01-01 … --to)\n',
    );
    expect(await tariffs()).toBe(before);
  });

  it("names each bad line of a history file in German and imports nothing", async () => {
    const csv = tmp.file('lastgang.csv');
    // line 3: a decimal point among commas; 4: 00:10 is off the quarter-hour grid; 5: 02:30 on 31 March 2024 does
    // not exist (clocks go from 02:00 to 03:00); 6: not a number
    writeFileSync(csv, 'Zeitstempel;Wert\n01.03.2024 00:00;0,25\n01.03.2024 00:15;0.30\n01.03.2024 00:10;1\n31.03.2024 02:30;1\n01.03.2024 00:45;zwei\n');
    const r = await runCliCaptured('history', csv, '--db', file, '--point', 'H.imp', '--lang', 'de');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        `plustwin history: ${csv}: 4 fehlerhafte Zeile(n), nichts importiert`,
        'Zeile 3: der Wert „0.30“ hat einen Dezimalpunkt, die Datei schreibt aber Dezimalkommas: gemeint ist 0,30? Korrigieren Sie die Zeile oder das Zahlenformat der Datei',
        'Zeile 4: „01.03.2024 00:10“ liegt nicht im Viertelstundenraster (:00, :15, :30, :45)',
        'Zeile 5: „31.03.2024 02:30“ gibt es in Ortszeit nicht (Umstellung auf Sommerzeit um 02:00)',
        'Zeile 6: der Wert „zwei“ ist keine Zahl',
        '',
      ].join('\n'),
    );
    const preview = await runCliCaptured('history', csv, '--preview', '--lang', 'de');
    expect(preview.stdout).toContain('Warnung: die Datei mischt Dezimalzeichen: das andere Zeichen steht in 1 der Werte (Zeilen-Nr. 3); importiert wird erst, wenn alles korrigiert ist');
    const { openStore: open } = await import('../../../main/core/store/open-store.js');
    const store = await open(file);
    try {
      expect((await store.sqlite.get<{ n: number }>('SELECT COUNT(*) AS n FROM intervals'))!.n).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('refuses a text file as a district file in German, naming the way to make one, and leaves the district as it was', async () => {
    const text = tmp.file('notiz.sqlite');
    writeFileSync(text, 'Dies ist keine Datenbank.\n'.repeat(200));
    const before = readFileSync(file);
    const r = await runCliCaptured('district', 'import', text, '--db', file, '--lang', 'de');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `plustwin district: ${text}: keine PlusTwin-Quartiersdatei; eine Quartiersdatei entsteht mit „plustwin district export“ oder „backup“; es wurde nichts geändert\n`,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    const missing = await runCliCaptured('district', 'check', tmp.file('fehlt.sqlite'), '--lang', 'de');
    expect(missing.stderr).toBe(`plustwin district: ${tmp.file('fehlt.sqlite')}: die Datei gibt es nicht; es wurde nichts geändert\n`);
  });

  it('lists a building import\'s warnings in German, each with the buildings it concerns', async () => {
    const gj = tmp.file('warnungen.geojson');
    writeFileSync(gj, JSON.stringify(warningsGeoJson({ lon: 7, lat: 51 })));
    const r = await runCliCaptured('import', gj, '--db', file, '--lang', 'de');
    expect(r.code, r.stderr).toBe(0);
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('  - '));
    expect(warnings).toEqual(WARNINGS_DE.map((w) => `  - ${w}`));
  });

  it('refuses a building 2000 m high in German, naming the feature and asking for a unit or typing error, and imports nothing', async () => {
    const before = readFileSync(file);
    const gj = tmp.file('hoch.geojson');
    const square = [[[7, 51], [7.0003, 51], [7.0003, 51.0001], [7, 51.0001], [7, 51]]];
    writeFileSync(gj, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'turm', properties: { height: 2000 }, geometry: { type: 'Polygon', coordinates: square } }] }));
    const r = await runCliCaptured('import', gj, '--db', file, '--lang', 'de');
    expect(r.code).toBe(1);
    // MAX_HEIGHT_M = 1000 (main/core/importers/geojson/feature-to-building.ts): "1.000" in German
    // the progress line first, then the refusal; the feature starts at column 41, after {"type":"FeatureCollection","features":[ (40 characters)
    expect(r.stderr.split('\n').find((l) => l.startsWith('plustwin import:'))).toBe(
      `plustwin import: ${gj}:1:41: Feature 1 (id "turm"): die Höhe 2000 m liegt nicht zwischen 0 und 1.000 m (das höchste Gebäude ist 828 m hoch): ein Einheiten- oder Tippfehler?`,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

/** The three warnings of warnungen.geojson: w-a has no height (2 storeys x 3 m assumed), the second feature no id, w-c no geometry. */
const WARNINGS_DE = [
  'keine Höhe, keine Geschosszahl und keine 3D-Geometrie; 6 m angenommen: w-a',
  'Feature ohne id: die ID wird aus Dateiname und Reihenfolge gebildet (sie ändert sich, wenn sich die Datei ändert): warnungen.geojson#2',
  'Feature ohne Polygon- oder MultiPolygon-Geometrie übersprungen: w-c',
];
