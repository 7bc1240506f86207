/** Factor set choice, heat supply settings, number formats and the bucket -> series step of the analysis. */
import { describe, expect, it } from 'vitest';
import { listFactorSets, resolveFactorSet } from '../../../main/core/analysis/factor-sets.js';
import { checkHeatSupply, heatSupplyOf } from '../../../main/core/analysis/heat-supply.js';
import { langFrom, numberFormatter, textTable } from '../../../main/shells/cli/number-format.js';
import { electricityFromBuckets } from '../../../main/core/analysis/load-profiles.js';
import { checkPeriod, prepareSets } from '../../../main/core/analysis/district-analysis.js';
import { seriesFromBuckets } from '../../../models/energy/series.js';
import { computeBalance } from '../../../models/energy/balance.js';
import type { SeriesBucket } from '../../../models/contract/index.js';
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

describe('buckets to series', () => {
  const bucket = (i: number, imp: number, exp: number, gen: number): SeriesBucket => ({
    start: T0 + i * INTERVAL_MS,
    importKwh: imp,
    exportKwh: exp,
    generationKwh: gen,
    consumptionKwh: imp - exp + gen,
    quality: i === 2 ? 'interpolated' : 'measured',
  });
  it('gives the same balance as the models generic path, gaps missing', () => {
    const buckets = [bucket(0, 1, 0, 0.5), bucket(2, 0, 2, 3), bucket(3, 0.25, 0, 0)];
    const to = T0 + 5 * INTERVAL_MS;
    const fast = electricityFromBuckets(buckets, T0, to, INTERVAL_MS, 'b');
    const generic = seriesFromBuckets('electricity', buckets, T0, to);
    expect(fast.ok && generic.ok).toBe(true);
    if (!fast.ok || !generic.ok) return;
    const a = computeBalance({ buildingId: 'b', series: [fast.value] });
    const b = computeBalance({ buildingId: 'b', series: [generic.value] });
    expect(a).toEqual(b);
    expect(a.coverage).toMatchObject({ measured: 2, estimated: 1, missing: 2 });
  });
  it('rejects negative energy and off-grid buckets, naming where', () => {
    const neg = electricityFromBuckets([bucket(0, -1, 0, 0)], T0, T0 + INTERVAL_MS, INTERVAL_MS, 'b.electricity');
    expect(!neg.ok && neg.error.where).toBe('b.electricity[0]');
    const off = electricityFromBuckets([{ ...bucket(0, 1, 0, 0), start: T0 + 1000 }], T0, T0 + INTERVAL_MS, INTERVAL_MS, 'b.electricity');
    expect(!off.ok && off.error.message).toMatch(/not on the/);
  });
});
