/**
 * Arguments the API's schemas refuse, as the CLI prints them with --lang de: the field named by the flag the user
 * typed, what it must be and the next step, in German only; and nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open-store.js';
import { SITE, building, tempDir } from '../store/district-fixture.js';
import { runCliCaptured } from './run-cli-captured.js';

describe('schema refusals in the CLI', { timeout: 120_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  let file: string;

  beforeAll(async () => {
    tmp = tempDir();
    file = tmp.file('d.sqlite');
    const store = await openStore(file);
    await store.saveDistrict(SITE, [building('H')], [], []);
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
});
