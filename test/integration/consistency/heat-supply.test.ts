/**
 * A building's heat supply stored in the district file: set from the CLI and the API (checked where it enters,
 * a bad value changes nothing), read by `plustwin balance`, the API and the reports, and stated in their
 * assumptions. Uses the generated district (its school has a heat meter and no gas meter).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DistrictAnalysis } from '../../../models/contract/index.js';
import type { Result } from '../../../models/result.js';
import { createHandlers } from '../../../main/core/api/handlers.js';
import { dispatch } from '../../../main/core/api/dispatch.js';
import type { Collector } from '../../../main/core/ingest/collector/collector.js';
import { exportReport } from '../../../main/core/reports/export-report.js';
import { runCliCaptured } from '../cli/run-cli-captured.js';
import { createGeneratedStore, FROM, TO, truth, type GeneratedStore } from './generated-district.js';

let gen: GeneratedStore;
const dir = mkdtempSync(path.join(tmpdir(), 'plustwin-heat-supply-'));

beforeAll(async () => {
  gen = await createGeneratedStore();
}, 300_000);

afterAll(async () => {
  await gen?.store.close();
  if (gen) rmSync(dirname(gen.file), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

const call = async <T>(method: string, args: unknown): Promise<Result<T>> => {
  const handlers = createHandlers({ store: gen.store, collector: { status: () => ({}) } as unknown as Collector, info: { version: 'test', dataDir: dir, dbPath: gen.file, transport: 'http' } });
  return (await dispatch(handlers, method, args)) as Result<T>;
};

describe('heat supply per building', { timeout: 120_000 }, () => {
  it('is stored from the CLI and used by balance and the report', async () => {
    // the file is shared with the open store: the CLI writes through its own connection (WAL), then we read
    const set = await runCliCaptured('district', 'heat-supply', '--db', gen.file, '--building', 'schule', '--carrier', 'oil', '--efficiency', '0.85');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('schule: oil, efficiency 0.85 (building)');
    const r = await runCliCaptured('balance', '--db', gen.file, '--from', '2025-03-01', '--to', '2025-04-01', '--json');
    const a = (JSON.parse(r.stdout) as { analysis: DistrictAnalysis }).analysis;
    const schule = a.buildings.find((b) => b.buildingId === 'schule')!;
    // oil = heat / 0.85; no gas is derived any more
    expect(schule.balance.carriers.find((c) => c.carrier === 'oil')!.consumptionKwh).toBeCloseTo(truth().heatKwh / 0.85, 6);
    expect(schule.balance.carriers.some((c) => c.carrier === 'gas')).toBe(false);
    expect(schule.heatSupply).toMatchObject({ carrier: 'oil', efficiency: 0.85, origin: 'building' });
    expect(a.assumptions.join('\n')).toContain('schule: metered heat is supplied by an oil boiler; oil = heat / 0.85 (stored with the building)');
    const pdf = path.join(dir, 'r.pdf');
    await exportReport(gen.store, { format: 'pdf', out: pdf, period: '2025-03', lang: 'de', buildingIds: ['schule'] });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // the fuel, the measure and where the supply came from in words, not the ids oil and building
    expect(text).toMatch(/Wärmeversorgung: Heizöl, Jahresnutzungsgrad 0,85 \(beim Gebäude gespeichert\)/);
    // the German report says the analysis' assumptions in German, from the same notes as the English text above
    expect(text).toContain('Heizöl = Wärme / 0,85 (beim Gebäude gespeichert)');
    expect(text).not.toContain('stored with the building');
  });

  it('is set through the API, a heat pump with its SCOP; bad values name the field and change nothing', async () => {
    const ok = await call('district.setHeatSupply', { buildingId: 'schule', heatSupply: { carrier: 'electricity', efficiency: 3.2 } });
    expect(ok.ok).toBe(true);
    const a = await call<DistrictAnalysis>('district.analysis', { from: FROM, to: TO, rolling: false });
    if (!a.ok) throw new Error(a.error.message);
    const schule = a.value.buildings.find((b) => b.buildingId === 'schule')!;
    // the heat pump's electricity is behind the school's grid meter already: nothing is derived, the heat is shown
    expect(schule.heatSupply).toBeNull();
    expect(a.value.assumptions.join('\n')).toContain('schule: heat is metered behind a supply the building meters itself');
    const bad = await call('district.setHeatSupply', { buildingId: 'schule', heatSupply: { carrier: 'gas', efficiency: 90 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.where).toMatch(/efficiency/);
    const unknown = await call('district.setHeatSupply', { buildingId: 'kirche', heatSupply: null });
    expect(!unknown.ok && unknown.error.kind).toBe('not-found');
    const view = (await gen.store.getDistrict())!;
    expect(view.buildings.find((b) => b.id === 'schule')!.heatSupply).toEqual({ carrier: 'electricity', efficiency: 3.2 });
    const reset = await call('district.setHeatSupply', { buildingId: 'schule', heatSupply: null });
    expect(reset.ok).toBe(true);
    expect((await gen.store.getDistrict())!.buildings.find((b) => b.id === 'schule')!.heatSupply).toBeUndefined();
  });
});
