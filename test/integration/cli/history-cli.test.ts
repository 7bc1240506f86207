import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open-store.js';
import { SITE, building, device, point, tempDir } from '../store/district-fixture.js';
import { runCliCaptured } from './run-cli-captured.js';

/** 2024-03-01 00:00 in Berlin. */
const DAY0 = Date.UTC(2024, 1, 29, 23);

/** A German utility's 15-minute profile of 1 March 2024: times mark the quarter hour's end, 0,25 kWh each. */
function germanProfile(bad?: { row: number; text: string }): string {
  const lines = ['Datum;Uhrzeit;Wirkarbeit Bezug [kWh]'];
  for (let q = 1; q <= 96; q++) {
    const end = new Date(Date.UTC(2024, 2, 1) + q * 900_000);
    lines.push(bad?.row === q ? bad.text : `${q === 96 ? '02.03.2024' : '01.03.2024'};${end.toISOString().slice(11, 16)};0,25`);
  }
  return lines.join('\r\n') + '\r\n';
}

describe('plustwin history', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeEach(async () => {
    tmp = tempDir();
    db = tmp.file('district.sqlite');
    const store = await openStore(db, { now: () => DAY0 + 86_400_000, rawRetentionDays: 3650 });
    await store.saveDistrict(SITE, [building('H')], [device('mh', 'H')], [point('H.imp', 'mh', 'H', 'import', 'energy-counter')]);
    await store.close();
  });
  afterEach(() => tmp.cleanup());

  const kwhOfDay = async () => {
    const store = await openStore(db, { now: () => DAY0 + 86_400_000 });
    const [b] = await store.buildingBalances(DAY0, DAY0 + 86_400_000);
    await store.close();
    return b?.importKwh ?? 0;
  };

  it('previews a German load profile: what it recognised, the period and the energy, writing nothing', async () => {
    writeFileSync(tmp.file('lastgang.csv'), germanProfile());
    const r = await runCliCaptured('history', tmp.file('lastgang.csv'), '--preview', '--lang', 'de');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Art Lastgang kWh je Viertelstunde; Trennzeichen „;“; Dezimalzeichen Komma; die Zeitstempel markieren das Ende');
    expect(r.stdout).toContain('96 Zeilen, 01.03.24, 00:00 bis 01.03.24, 23:45');
    // 96 quarter hours x 0,25 kWh = 24,0 kWh
    expect(r.stdout).toContain('96 Viertelstunden, 24,0 kWh');
    expect(r.stdout).toContain('EINHEIT kWh (aus der Spaltenüberschrift)');
    expect(r.stdout).toMatch(/die Zeitstempel markieren das Ende der Viertelstunde: .*die erste Zeile um 00:15/);
    const en = await runCliCaptured('history', tmp.file('lastgang.csv'), '--preview', '--lang', 'en');
    expect(en.stdout).toContain("kind profile-kwh; delimiter ';'; decimal comma; times mark the end");
    expect(en.stdout).toContain('96 rows, 01/03/2024, 00:00 to 01/03/2024, 23:45');
    expect(en.stdout).toContain('96 quarter hours, 24.0 kWh');
    expect(en.stdout).toContain('UNIT kWh (from the column header)');
    expect(await kwhOfDay()).toBe(0);
  });

  it('--unit overrides the header: the same numbers as mean kW are a quarter of the energy', async () => {
    writeFileSync(tmp.file('lastgang.csv'), germanProfile());
    const r = await runCliCaptured('history', tmp.file('lastgang.csv'), '--preview', '--lang', 'de', '--unit', 'kW');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('EINHEIT kW (mit --unit angegeben)');
    // 96 quarter hours x 0,25 kW x 0,25 h = 6,0 kWh
    expect(r.stdout).toContain('96 Viertelstunden, 6,0 kWh');
    const bad = await runCliCaptured('history', tmp.file('lastgang.csv'), '--preview', '--unit', 'kwh/a');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--unit must be one of W, kW, Wh, kWh, MWh, GJ, got 'kwh/a'");
  });

  it('imports it into a point, and a second import of the same day replaces it', async () => {
    writeFileSync(tmp.file('lastgang.csv'), germanProfile());
    const first = await runCliCaptured('history', tmp.file('lastgang.csv'), '--db', db, '--point', 'H.imp', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ point: 'H.imp', intervals: 96, rows: 96, kind: 'profile-kwh', unit: 'kWh', warnings: [] });
    expect(await kwhOfDay()).toBeCloseTo(24, 9);
    await runCliCaptured('history', tmp.file('lastgang.csv'), '--db', db, '--point', 'H.imp');
    expect(await kwhOfDay()).toBeCloseTo(24, 9);
  });

  it('lists every bad line with its number and imports nothing', async () => {
    writeFileSync(tmp.file('kaputt.csv'), germanProfile({ row: 40, text: '01.03.2024;10:00;zehn' }));
    const before = readFileSync(db);
    const r = await runCliCaptured('history', tmp.file('kaputt.csv'), '--db', db, '--point', 'H.imp');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/kaputt\.csv: 1 bad line\(s\), nothing imported\nline 41: .*zehn/);
    expect(await kwhOfDay()).toBe(0);
    expect(readFileSync(db).length).toBe(before.length);
  });

  it('names the points there are when --point is not one of them', async () => {
    writeFileSync(tmp.file('lastgang.csv'), germanProfile());
    const r = await runCliCaptured('history', tmp.file('lastgang.csv'), '--db', db, '--point', 'H.typo');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('H.typo');
    expect(r.stderr).toContain('points: H.imp');
  });

  it('a missing file is an input problem: exit 1 with a message, not the usage', async () => {
    const r = await runCliCaptured('history', tmp.file('gibt-es-nicht.csv'), '--db', db, '--point', 'H.imp');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read .*gibt-es-nicht\.csv: no such file/);
    expect(r.stderr).not.toMatch(/usage:/);
  });
});
