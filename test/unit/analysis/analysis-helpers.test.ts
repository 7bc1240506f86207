/** Factor set choice, heat supply settings, number formats and the meter roles of the analysis' loader. */
import { describe, expect, it } from 'vitest';
import { listFactorSets, resolveFactorSet } from '../../../main/core/analysis/factor-sets.js';
import { checkHeatSupply, heatSupplyOf } from '../../../main/core/analysis/heat-supply.js';
import { langFrom, numberFormatter, textTable } from '../../../main/shells/cli/number-format.js';
import { carrierFromColumns, type MeterColumn } from '../../../main/core/analysis/load-profiles.js';
import { checkPeriod, prepareSets } from '../../../main/core/analysis/district-analysis.js';
import { MISSING_CODE, qualityCode, type SlotQuality } from '../../../models/energy/quality.js';
import type { Point } from '../../../models/types.js';
import { computeBalance } from '../../../models/energy/balance.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';

const T0 = Date.UTC(2025, 0, 1);

describe('factor sets by id', () => {
  it('defaults to GEG Anlage 4 and 9 and names the known ids on a mistake', () => {
    const p = resolveFactorSet(undefined, 'primary-energy', 'primarySetId');
    expect(p.ok && p.value.id).toBe('geg-anlage-4');
    const c = resolveFactorSet('bisko-gemis-4.95', 'co2', 'co2SetId');
    expect(c.ok && c.value.basis).toBe('consumption');
    const wrongKind = resolveFactorSet('geg-anlage-4', 'co2', 'co2SetId');
    expect(wrongKind.ok).toBe(false);
    if (!wrongKind.ok) expect(wrongKind.error.message).toMatch(/holds primary-energy factors, not co2 \(use one of geg-anlage-9, bisko-gemis-4.95\)/);
    expect(listFactorSets().filter((s) => s.isDefault).map((s) => s.id)).toEqual(['geg-anlage-4', 'geg-anlage-9']);
  });
});

describe('export credit of the analysis', () => {
  it('weighs with the Effizienzhaus Plus credit by default and names the variant; another variant on request', () => {
    const d = prepareSets(undefined, undefined);
    if (!d.ok) throw new Error(d.error.message);
    // 2.8: Verdrängungsstrommix, GEG Anlage 4 Nr. 11, as the BMVBS 2011 Effizienzhaus-Plus definition asks
    expect(d.value.primary.exportCreditVariant).toMatchObject({ id: 'effizienzhaus-plus', factor: 2.8 });
    expect(d.value.primary.exportCredit.electricity?.value).toBe(2.8);
    const none = prepareSets(undefined, undefined, 'geg-none');
    if (!none.ok) throw new Error(none.error.message);
    expect(none.value.primary.exportCredit.electricity).toBeUndefined();
    expect(none.value.primary.exportCreditVariant?.id).toBe('geg-none');
  });
});

describe('heat supply', () => {
  it('defaults to a gas boiler at 0.9 and checks settings', () => {
    expect(heatSupplyOf(undefined, 'a')).toEqual({ supply: { carrier: 'gas', efficiency: 0.9 }, origin: 'default' });
    expect(heatSupplyOf({ a: { carrier: 'oil', efficiency: 0.8 } }, 'a').origin).toBe('setting');
    const ids = new Set(['a']);
    expect(checkHeatSupply({ a: { carrier: 'pellets', efficiency: 0.85 } }, ids).ok).toBe(true);
    const bad = checkHeatSupply({ a: { carrier: 'gas', efficiency: 90 } }, ids);
    expect(!bad.ok && bad.error.where).toBe('heatSupply.a.efficiency');
  });
});

describe('periods', () => {
  it('must lie on the grid and not be too long', () => {
    expect(checkPeriod(T0, T0 + INTERVAL_MS, INTERVAL_MS, 10).ok).toBe(true);
    const off = checkPeriod(T0 + 1, T0 + INTERVAL_MS, INTERVAL_MS, 10);
    expect(!off.ok && off.error.message).toMatch(/15-min UTC grid/);
    expect(checkPeriod(T0, T0 + 11 * 86_400_000, INTERVAL_MS, 10).ok).toBe(false);
  });
});

describe('numbers for people', () => {
  it('German and English separators', () => {
    expect(numberFormatter('de').kwh(1234567.4)).toBe('1.234.567');
    expect(numberFormatter('en').kwh(1234567.4)).toBe('1,234,567');
    expect(numberFormatter('de').pct(0.4567)).toBe('45,7 %');
    expect(numberFormatter('en').pct(null)).toBe('-');
    expect(numberFormatter('en').kwh(-0.2)).toBe('0');
    // yes/no from the CLI's message table (main/shells/cli/messages.ts)
    expect([true, false].map(numberFormatter('de').yesNo)).toEqual(['ja', 'nein']);
    expect([true, false].map(numberFormatter('en').yesNo)).toEqual(['yes', 'no']);
    expect(langFrom(undefined, 'de_DE.UTF-8')).toBe('de');
    expect(langFrom(undefined, undefined)).toBe('en');
    expect(langFrom('fr', undefined)).toBeNull();
  });

  it('tables align numbers right', () => {
    expect(textTable(['a', 'b'], [['x', '1'], ['yy', '100']]).split('\n')).toEqual(['a     b', '--  ---', 'x     1', 'yy  100']);
  });
});

describe('meter roles to a carrier series (load-profiles)', () => {
  const col = (role: Point['role'], kwh: (number | null)[], firstStart: number | null = T0, worst: SlotQuality[] = []): MeterColumn => ({
    info: { key: 0, pointId: `p.${role}`, buildingId: 'b', role, medium: 'electricity', firstStart },
    kwh: Float64Array.from(kwh.map((v) => v ?? 0)),
    count: Uint8Array.from(kwh.map((v) => (v === null ? 0 : 1))),
    worst: Uint8Array.from(kwh.map((_, i) => qualityCode(worst[i] ?? 'measured'))),
  });
  const run = (cols: MeterColumn[], n: number) => carrierFromColumns('electricity', cols, T0, INTERVAL_MS, n).series;

  it('with a grid meter a consumption meter is a sub-meter: the total is generation + import - export', () => {
    // slot 0: import 2, export 0, PV 1, sub-meter 0.5 -> consumption 2 + 1 - 0 = 3 (not 0.5)
    // slot 1: import 0, export 1, PV 3 -> consumption 0 + 3 - 1 = 2
    const s = run([col('import', [2, 0]), col('export', [0, 1]), col('generation', [1, 3]), col('consumption', [0.5, 0.25])], 2);
    expect([...s.consumption]).toEqual([3, 2]);
    expect([...s.import]).toEqual([2, 0]);
    expect([...s.export]).toEqual([0, 1]);
  });

  it('without a grid meter the completion rule gives import and export per slot', () => {
    // slot 0: consumption 2, PV 0.5 -> import 1.5, export 0; slot 1: consumption 1, PV 3 -> import 0, export 2
    const s = run([col('consumption', [2, 1]), col('generation', [0.5, 3])], 2);
    expect([...s.import]).toEqual([1.5, 0]);
    expect([...s.export]).toEqual([0, 2]);
    expect(computeBalance({ buildingId: 'b', series: [s] }).carriers[0]).toMatchObject({ consumptionKwh: 3, generationKwh: 3.5, importKwh: 1.5, exportKwh: 2, selfConsumedKwh: 1.5 });
  });

  it('a meter counts from its first interval on: a sub-meter or PV added later changes no earlier slot', () => {
    // PV starts in slot 2; slots 0-1 hold import only and stay complete, slot 2 needs the PV value
    const s = run([col('import', [1, 1, 1]), col('export', [0, 0, 0]), col('generation', [null, null, 0.5], T0 + 2 * INTERVAL_MS)], 3);
    expect([...s.consumption]).toEqual([1, 1, 1.5]);
    expect([...s.quality].every((q) => q !== MISSING_CODE)).toBe(true);
  });

  it('a slot is missing when a meter the rule needs has no plausible value', () => {
    const s = run([col('import', [1, null]), col('export', [0, 0]), col('generation', [0.5, 0.5])], 2);
    expect(s.quality[1]).toBe(MISSING_CODE);
    expect(Number.isNaN(s.consumption[1] as number)).toBe(true);
    expect(s.quality[0]).toBe(qualityCode('measured'));
  });
});
