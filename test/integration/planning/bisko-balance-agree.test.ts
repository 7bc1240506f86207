/**
 * `plustwin bisko` and `plustwin balance` on the demo year 2025 (town hall, furniture store and a house, filled by
 * the demo backfill): the BISKO balance takes its final energy from the one analysis, so every building's
 * electricity, and the gas behind the town hall's metered heat, are the balance's figures to the last bit, and the
 * CSV's sector rows are their sums in MWh.
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DistrictAnalysis } from '../../../models/contract/index.js';
import { DEMO_BUILDINGS, DEMO_HEAT_SUPPLY } from '../../../main/core/demo/demo-district.js';
import { biskoInputs, type BiskoInputs } from '../../../main/core/planning/bisko-inputs.js';
import { createDemoStore, type DemoStore } from '../analysis/demo-store.js';
import { runCliCaptured } from '../cli/run-cli-captured.js';

const IDS = ['rathaus', 'moebelhaus', 'efh-1'];
// the town hall states its boiler (gas, 0.9) as the demo does; the others have no heat meter
const BUILDINGS = DEMO_BUILDINGS.filter((b) => IDS.includes(b.building.id)).map((b) =>
  b.building.id === 'rathaus' ? { ...b, building: { ...b.building, heatSupply: DEMO_HEAT_SUPPLY } } : b,
);
/** 1 January 2025 00:00 CET and 1 January 2026 00:00 CET. */
const FROM = Date.UTC(2024, 11, 31, 23);
const TO = Date.UTC(2025, 11, 31, 23);

let demo: DemoStore;
let balance: DistrictAnalysis;
let bisko: BiskoInputs;
let csv: string[];

beforeAll(async () => {
  demo = await createDemoStore(BUILDINGS, FROM, TO);
  await demo.store.flush();
  bisko = await biskoInputs(demo.store, 2025);
  await demo.store.close();
  const b = await runCliCaptured('balance', '--db', demo.file, '--from', '2025-01-01', '--to', '2026-01-01', '--json');
  expect(b.stderr).toBe('');
  balance = (JSON.parse(b.stdout) as { analysis: DistrictAnalysis }).analysis;
  const out = `${dirname(demo.file)}/bisko.csv`;
  const r = await runCliCaptured('bisko', '--db', demo.file, '--year', '2025', '--out', out, '--lang', 'en');
  expect(r).toMatchObject({ code: 0, stderr: '' });
  csv = readFileSync(out, 'utf8').split('\r\n');
}, 900_000);

afterAll(() => {
  if (demo) rmSync(dirname(demo.file), { recursive: true, force: true });
});

const consumption = (id: string, carrier: string): number =>
  balance.buildings.find((b) => b.buildingId === id)!.balance.carriers.find((c) => c.carrier === carrier)!.consumptionKwh;

describe('BISKO and the balance on the demo year 2025', { timeout: 300_000 }, () => {
  it("takes every building's electricity from the analysis: exactly the balance's consumption, grade A", () => {
    for (const id of IDS) {
      const inputs = bisko.inputs.filter((i) => i.buildingId === id && i.carrier === 'electricity');
      expect(inputs, id).toHaveLength(1);
      expect(inputs[0]!.kwh, id).toBe(consumption(id, 'electricity'));
      // a full year of 15-minute intervals: measured, not extrapolated
      expect(inputs[0]!.grade, id).toBe('A');
    }
  });

  it("takes the town hall's gas from the analysis' derivation of its metered heat (heat / 0.9), graded B", () => {
    const gas = bisko.inputs.filter((i) => i.buildingId === 'rathaus' && i.carrier === 'gas');
    expect(gas).toHaveLength(1);
    expect(gas[0]!.kwh).toBe(consumption('rathaus', 'gas'));
    // the analysis' gas is the metered heat over the stored efficiency
    expect(gas[0]!.kwh).toBeCloseTo(consumption('rathaus', 'heat') / 0.9, 6);
    expect(gas[0]!.grade).toBe('B');
  });

  it("writes each sector's electricity as the sum of its buildings' balance figures, in MWh to three decimals", () => {
    const row = (sector: string) => {
      const prefix = `${sector},Electricity,`;
      return csv.find((l) => l.startsWith(prefix))?.slice(prefix.length).split(',')[0];
    };
    const mwh = (ids: string[]) => String(Math.round(ids.reduce((s, id) => s + consumption(id, 'electricity'), 0)) / 1000);
    // use -> sector: town hall -> municipal facilities, shop -> trade/commerce/services, house -> private households
    expect(row('Municipal facilities')).toBe(mwh(['rathaus']));
    expect(row('"Trade, commerce, services"')).toBe(mwh(['moebelhaus']));
    expect(row('Private households')).toBe(mwh(['efh-1']));
    // the two buildings without heat meter and without a fuel are named, not guessed
    expect([...bisko.leftOut].sort()).toEqual(['efh-1', 'moebelhaus']);
  });
});
