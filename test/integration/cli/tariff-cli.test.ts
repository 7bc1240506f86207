/**
 * `plustwin tariff` on the generated district (test/integration/consistency/generated-district.ts): tariffs stored
 * through the API's checks, a CSV with bad rows refused whole with every row named in German, a dynamic tariff
 * priced per quarter hour, and `balance --json` showing the costs worked by hand from the generator's formulas.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DistrictAnalysis, TariffView } from '../../../models/contract/index.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import { createGeneratedStore, FROM, TO, truth } from '../consistency/generated-district.js';
import { runCliCaptured } from './run-cli-captured.js';

let file: string;

beforeAll(async () => {
  const gen = await createGeneratedStore();
  file = gen.file;
  await gen.store.close();
}, 600_000);

afterAll(() => {
  if (file) rmSync(dirname(file), { recursive: true, force: true });
});

const list = async (): Promise<TariffView[]> => JSON.parse((await runCliCaptured('tariff', 'list', '--db', file, '--json')).stdout) as TariffView[];

describe('plustwin tariff', { timeout: 180_000 }, () => {
  it('adds a gas tariff and refuses a second one over the same days, changing nothing', async () => {
    const add = await runCliCaptured('tariff', 'add', '--db', file, '--building', 'halle', '--carrier', 'gas', '--from', '2025-01-01', '--price', '10', '--fixed', '15', '--lang', 'de');
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toBe('Tarif halle.gas.2025-01-01 gespeichert (halle, Erdgas, gültig 01.01.2025 bis unbefristet).\n');
    const clash = await runCliCaptured('tariff', 'add', '--db', file, '--building', 'halle', '--carrier', 'gas', '--from', '2025-03-01', '--to', '2025-04-01', '--price', '12');
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/overlaps tariff halle\.gas\.2025-01-01 \(2025-01-01 to open-ended\)/);
    expect((await list()).map((t) => t.id)).toEqual(['halle.gas.2025-01-01']);
    const usage = await runCliCaptured('tariff', 'add', '--db', file, '--building', 'halle', '--carrier', 'heat', '--from', '2025-01-01', '--price', '1');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--carrier must be one of electricity, gas/);
  });

  it('refuses a price file with bad rows whole and names each row in German', async () => {
    const csv = join(dirname(file), 'preise.csv');
    writeFileSync(csv, 'Zeitstempel;Preis (ct/kWh)\n01.03.2025 00:00;20,5\n01.03.2025 00:10;20,5\n01.03.2025 00:30;zwanzig\n30.03.2025 02:15;9\n');
    const r = await runCliCaptured('tariff', 'add', '--db', file, '--building', 'kita', '--carrier', 'electricity', '--from', '2025-03-01', '--price', '5', '--prices', csv, '--lang', 'de');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        'plustwin tariff: Die Preise wurden nicht gespeichert: 3 fehlerhafte Zeilen in preise.csv:',
        '  preise.csv:3: „01.03.2025 00:10“ ist kein Viertelstundenbeginn (:00, :15, :30, :45).',
        '  preise.csv:4: „zwanzig“ ist kein Preis.',
        '  preise.csv:5: „30.03.2025 02:15“ gibt es in Ortszeit nicht (Umstellung auf Sommerzeit).',
        '',
      ].join('\n'),
    );
    expect((await list()).map((t) => t.id)).toEqual(['halle.gas.2025-01-01']);
  });

  it('prices a dynamic tariff per quarter hour and balance --json shows the costs worked by hand', async () => {
    // 20 ct for every quarter hour of March (UTC stamps), 5 ct surcharge: 25 ct per kWh imported
    const rows = ['timestamp,price_ct_per_kwh'];
    for (let t = FROM; t < TO; t += INTERVAL_MS) rows.push(`${new Date(t).toISOString().slice(0, 19)}Z,20.0`);
    const csv = join(dirname(file), 'prices.csv');
    writeFileSync(csv, rows.join('\n'));
    const add = await runCliCaptured('tariff', 'add', '--db', file, '--building', 'kita', '--carrier', 'electricity', '--from', '2025-03-01', '--to', '2025-04-01', '--price', '5', '--feed-in', '8,2', '--prices', csv);
    expect(add.code, add.stderr).toBe(0);
    const kitaTariff = (await list()).find((t) => t.buildingId === 'kita')!;
    expect(kitaTariff).toMatchObject({ kind: 'dynamic', feedInCtPerKwh: 8.2, pricesFile: 'prices.csv', prices: { count: 2972, from: FROM, to: TO } });
    const b = await runCliCaptured('balance', '--db', file, '--from', '2025-03-01', '--to', '2025-04-01', '--json');
    expect(b.code, b.stderr).toBe(0);
    const a = (JSON.parse(b.stdout) as { analysis: DistrictAnalysis }).analysis;
    const kita = a.buildings.find((x) => x.buildingId === 'kita')!.costs;
    const t = truth().electricity['kita']!;
    // energy = import x 0.25 EUR; feed-in = export x 0.082 EUR; no fixed charge
    expect(kita.energyEur).toBeCloseTo(t.im * 0.25, 6);
    expect(kita.feedInEur).toBeCloseTo(t.ex * 0.082, 6);
    expect(kita.unpricedImportKwh).toBe(0);
    // halle: 11,145 kWh gas x 0.10 + 15 EUR = 1,129.50 EUR
    expect(a.buildings.find((x) => x.buildingId === 'halle')!.costs.netEur).toBeCloseTo(1129.5, 6);
    expect(a.district.costs.netEur).toBeCloseTo(kita.netEur + 1129.5, 6);
    // the previous period (February) has only the hall's fixed charge; no data
    expect(a.district.comparison!.previous).toMatchObject({ hasData: false });
    expect(a.district.comparison!.previous.costs.netEur).toBeCloseTo(15, 9);
    const text = await runCliCaptured('balance', '--db', file, '--from', '2025-03-01', '--to', '2025-04-01', '--lang', 'en');
    expect(text.stdout).toMatch(/Costs 2025-03-01 to 2025-04-01 \(exclusive, local time Europe\/Berlin\), EUR/);
    expect(text.stdout).toMatch(/^halle Natural gas\s+1,114\.50\s+15\.00\s+0\.00\s+1,129\.50/m);
    expect(text.stdout).toMatch(/Comparison: period 2025-03-01\.\.2025-04-01, previous period 2025-02-01\.\.2025-03-01, last year 2024-03-01\.\.2024-04-01/);
  });

  it('removes a tariff by its id', async () => {
    const r = await runCliCaptured('tariff', 'remove', '--db', file, '--id', 'halle.gas.2025-01-01', '--lang', 'de');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Tarif halle.gas.2025-01-01 entfernt.\n');
    expect((await list()).map((t) => t.id)).toEqual(['kita.electricity.2025-03-01']);
    const again = await runCliCaptured('tariff', 'remove', '--db', file, '--id', 'halle.gas.2025-01-01');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/tariff 'halle\.gas\.2025-01-01' not found/);
  });
});
