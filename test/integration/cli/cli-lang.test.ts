/**
 * Every command that prints results says them in the language of --lang: German words and decimal commas with
 * --lang de, English with --lang en, on a real district file. The last test collects all German output of this file
 * and checks that none of the English message texts (taken from the en tables, not listed by hand) appears in it.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open-store.js';
import { LATEST_SCHEMA_VERSION } from '../../../main/core/store/migrations.js';
import { cliMessages } from '../../../main/shells/cli/messages.js';
import { costMessages } from '../../../main/shells/cli/cost-messages.js';
import { analysisNoteMessages } from '../../../models/i18n/analysis-notes.js';
import { geoJson } from '../../fixtures/importers/generate-geojson.js';
import { SITE, building, device, point, tempDir } from '../store/district-fixture.js';
import { runCliCaptured } from './run-cli-captured.js';

let tmp: ReturnType<typeof tempDir>;
let db: string;
let houses: string;
/** Everything the German runs printed, for the last test. */
const german: string[] = [];

const de = async (...argv: string[]) => {
  const r = await runCliCaptured(...argv, '--lang', 'de');
  // the usage after a mistake names flags and their values (--fixed EUR); help-de.test.ts checks the German usage
  german.push(r.stdout, r.stderr.split('\n\nAufruf:')[0] ?? '');
  return r;
};
const en = (...argv: string[]) => runCliCaptured(...argv, '--lang', 'en');
const lines = (text: string) => text.split('\n');

beforeAll(async () => {
  tmp = tempDir();
  db = tmp.file('quartier.sqlite');
  houses = tmp.file('haeuser.geojson');
  // three rectangles: lon 7.0 + i * 0.0004 (+ 0.00015 wide), lat 51.45 (+ 0.0001 high), i = 0, 1, 2
  writeFileSync(houses, geoJson(3));
});
afterAll(() => tmp?.cleanup());

describe('the CLI in German and English', { timeout: 120_000 }, () => {
  it('import: the summary, bounds with decimal commas, and a coded error with its hint', async () => {
    const r = await de('import', houses, '--db', db);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)).toContain(`3 Gebäude aus ${houses} in ${db} importiert (3 neu, 0 aktualisiert)`);
    // west edge 7.0, east edge 7.0008 + 0.00015 = 7.00095; south 51.45, north 51.45 + 0.0001 = 51.4501
    expect(lines(r.stdout)).toContain('Ausdehnung Länge 7,00000 .. 7,00095, Breite 51,45000 .. 51,45010');
    // each footprint 0.00015 deg x 111,320 m x cos 51.45 deg = 10.41 m by 0.0001 deg x 111,320 m = 11.13 m: 115.9 m²
    expect(lines(r.stdout)).toContain('3 Dachflächen, zusammen 348 m²');
    expect(r.stderr).toMatch(/^Import haeuser\.geojson: 100 % \(0,0 \/ 0,0 MB\)$/m);
    const again = await en('import', houses, '--db', db);
    expect(lines(again.stdout)).toContain(`imported 3 buildings (0 new, 3 updated) from ${houses} into ${db}`);
    expect(lines(again.stdout)).toContain('bounds lon 7.00000 .. 7.00095, lat 51.45000 .. 51.45010');

    const empty = tmp.file('leer.geojson');
    writeFileSync(empty, '');
    const bad = await de('import', empty, '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(`plustwin import: ${empty} ist leer\nes wurde nichts importiert\n`);
    expect((await en('import', empty, '--db', db)).stderr).toBe(`plustwin import: ${empty} is empty\nnothing was imported\n`);

    const usage = await de('import', '--db', db);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^plustwin import: nennen Sie die Datei, die importiert werden soll\n\nAufruf: plustwin import/);
    const unknown = await de('import', houses, '--dbb', db);
    expect(unknown.stderr).toMatch(/^plustwin import: unbekannte Option --dbb\n/);
  });

  it('district: check, and the heat supply with translated fuels, measures and origins', async () => {
    const r = await de('district', 'check', db);
    expect(r.stdout).toBe(`${db}: Schema ${LATEST_SCHEMA_VERSION}, 3 Gebäude, 0 Messpunkte, 0 Intervalle\n`);
    expect((await en('district', 'check', db)).stdout).toBe(`${db}: schema ${LATEST_SCHEMA_VERSION}, 3 buildings, 0 points, 0 intervals\n`);

    const set = await de('district', 'heat-supply', '--db', db, '--building', 'b-1', '--carrier', 'electricity', '--efficiency', '3.2');
    expect(set.code, set.stderr).toBe(0);
    // b-0 has no supply stored: the default, a gas boiler of seasonal efficiency 0.9 (DEFAULT_HEAT_SUPPLY)
    expect(lines(set.stdout)).toEqual(['b-0: Erdgas, Jahresnutzungsgrad 0,9 (Standardannahme)', 'b-1: Strom, JAZ 3,2 (beim Gebäude gespeichert)', 'b-2: Erdgas, Jahresnutzungsgrad 0,9 (Standardannahme)', '']);
    const list = await en('district', 'heat-supply', '--db', db);
    expect(lines(list.stdout)).toContain('b-1: electricity, SCOP 3.2 (building)');

    const missing = await de('district', 'check', tmp.file('gibt-es-nicht.sqlite'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/gibt-es-nicht\.sqlite: die Datei gibt es nicht; es wurde nichts geändert\n$/);
  });

  it('tariff: saved and listed with local dates and decimal commas', async () => {
    const add = await de('tariff', 'add', '--db', db, '--building', 'b-0', '--carrier', 'gas', '--from', '2025-01-01', '--price', '11.25', '--fixed', '12');
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toBe('Tarif b-0.gas.2025-01-01 gespeichert (b-0, Erdgas, gültig 01.01.2025 bis unbefristet).\n');
    const list = await de('tariff', 'list', '--db', db);
    const row = lines(list.stdout).find((l) => l.startsWith('b-0.gas'));
    expect(row).toMatch(/^b-0\.gas\.2025-01-01 +b-0 Erdgas +fest +01\.01\.2025\.\.unbefristet +11,25 +12,00 +0,00$/);
    const listEn = await en('tariff', 'list', '--db', db);
    expect(lines(listEn.stdout).find((l) => l.startsWith('b-0.gas'))).toMatch(/^b-0\.gas\.2025-01-01 +b-0 gas +fixed +2025-01-01\.\.open-ended +11\.25 +12\.00 +0\.00$/);
    const bad = await de('tariff', 'add', '--db', db, '--building', 'b-0', '--carrier', 'gas', '--from', '2026-01-01', '--price', 'elf');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^plustwin tariff: --price muss eine Zahl wie 31.5 sein, nicht „elf“\n/);
  });

  it('history: preview and import of a load profile', async () => {
    const hdb = tmp.file('verlauf.sqlite');
    const store = await openStore(hdb, { rawRetentionDays: 3650 });
    await store.saveDistrict(SITE, [building('H')], [device('mh', 'H')], [point('H.imp', 'mh', 'H', 'import', 'energy-counter')]);
    await store.close();
    // 1 March 2024, 96 quarter hours of 0,25 kWh each, stamped at their end
    const rows = ['Datum;Uhrzeit;Wirkarbeit Bezug [kWh]'];
    for (let q = 1; q <= 96; q++) rows.push(`${q === 96 ? '02.03.2024' : '01.03.2024'};${new Date(Date.UTC(2024, 2, 1) + q * 900_000).toISOString().slice(11, 16)};0,25`);
    const csv = tmp.file('lastgang.csv');
    writeFileSync(csv, rows.join('\n') + '\n');
    const preview = await de('history', csv, '--preview');
    // 96 x 0,25 kWh = 24 kWh
    expect(lines(preview.stdout)).toContain('96 Viertelstunden, 24,0 kWh');
    // the first stamp 00:15 and the last 00:00 of the next day: the stamps mark the quarter hour's end
    expect(lines(preview.stdout)).toContain('die Zeitstempel markieren das Ende der Viertelstunde: die erste Zeile um 00:15, die letzte Zeile um 00:00');
    const r = await de('history', csv, '--db', hdb, '--point', 'H.imp');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('H.imp: 96 Zeilen (Lastgang kWh je Viertelstunde, Einheit kWh) -> 96 Viertelstunden geschrieben\n');
    const again = await en('history', csv, '--db', hdb, '--point', 'H.imp');
    expect(again.stdout).toBe('H.imp: 96 rows (profile-kwh, unit kWh) -> 96 quarter hours written\n');
    const wrong = await de('history', csv, '--db', hdb, '--point', 'H.typo');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/; Messpunkte: H\.imp\n/);
  });

  it('pv-potential: the table and the assumptions in the language', async () => {
    const r = await de('pv-potential', houses);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)[0]).toBe(`PV-Potenzial von 3 Gebäude(n) in ${houses}`);
    expect(r.stdout).toMatch(/^Gebäude +Dächer aus +Flächen +geeignet +kWp +kWh\/a +kWh\/kWp$/m);
    expect(r.stdout).toMatch(/^gesamt +\d+,\d /m);
    // DEFAULT_PV_POTENTIAL: 0.7 and 0.5 usable, flat below 5 deg, rows at 15 deg, 5.5 m² per kWp, 800 kWh/m²a
    expect(lines(r.stdout)).toContain('  - Schrägdächer zu 70 % nutzbar; Flachdächer (< 5 Grad) mit Reihen zu 15 Grad nach Süden auf 50 %; 5,5 m² je kWp; Flächen unter 800 kWh/m²a sind ungeeignet.');
    // the sun at the buildings' centre: lat (51.45 + 51.4501) / 2 = 51.45005 -> 51.45; lon (7.0 + 7.00095) / 2 -> 7.000
    expect(r.stdout).toContain('Sonnenstand bei 51,45 N, 7 O.');
    // a flat roof of 115.9 m², half of it usable, 5.5 m² per kWp: 115.9 x 0.5 / 5.5 = 10.5 kWp
    expect(r.stdout).toMatch(/^b-0 +Import +1 +1 +10,5 +\d{1,2}\.\d{3} +\d{3}$/m);
    const e = await en('pv-potential', houses);
    expect(lines(e.stdout)[0]).toBe(`PV potential of 3 building(s) in ${houses}`);
    expect(lines(e.stdout)).toContain('  - Sloped roofs 70 % usable; flat roofs (< 5 deg) rows at 15 deg south on 50 %; 5.5 m2 per kWp; surfaces below 800 kWh/m2a not suitable.');
  });

  it('usage mistakes of the shared parser and of commands are German with --lang de', async () => {
    const r = await de('bisko', '--db', db, '--year', '1800', '--out', tmp.file('b.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^plustwin bisko: --year muss eine ganze Zahl von 1990 bis \d{4} sein, nicht „1800“\n/);
    const probe = await de('probe', 'http://example.org');
    expect(probe.stderr).toMatch(/^plustwin probe: „http:\/\/example.org“ ist weder eine modbus-tcp/);
    const unknown = await de('frobnicate');
    expect(unknown.stderr).toMatch(/^plustwin: unbekannter Befehl „frobnicate“/);
  });

  it('no German output holds an English message text (from the en tables)', () => {
    const tables = [cliMessages.texts, costMessages.texts, analysisNoteMessages.texts];
    const germanTexts = tables.flatMap((t) => Object.values(t.de as Record<string, string>));
    // the literal parts of each English text that differs from its German one: "imported", " buildings (", ...
    const fragments = new Set<string>();
    for (const t of tables) {
      const enTexts = t.en as Record<string, string>;
      const deTexts = t.de as Record<string, string>;
      for (const [key, text] of Object.entries(enTexts)) {
        if (text === deTexts[key]) continue;
        for (const part of text.split(/\{\w+\}/)) {
          const p = part.trim();
          // words, not symbols or ids; and nothing the German texts say too (kWh/kWp, CO2e, ...)
          if (p.length >= 8 && /[a-z]{3,} [a-z]{2,}/i.test(p) && !germanTexts.some((g) => g.includes(p))) fragments.add(p);
        }
      }
    }
    expect(fragments.size).toBeGreaterThan(100);
    const out = german.join('\n');
    expect(out.length).toBeGreaterThan(2000);
    expect([...fragments].filter((p) => out.includes(p)).map((p) => `${p} <- ${out.slice(Math.max(0, out.indexOf(p) - 80), out.indexOf(p) + p.length + 20)}`)).toEqual([]);
  });
});
