/** The text `plustwin balance` prints: the analysis (and a scenario next to it) as tables. */
import { localDate } from './local-date.js';
import type { CostFigures, DistrictAnalysis, ScenarioRunResult, Verdict } from '../../../models/contract/index.js';
import { localParts } from '../../core/analysis/local-time.js';
import { textTable, type Lang, type NumberFormatter } from './number-format.js';
import { consumptionClassesReport } from './consumption-classes-report.js';
import { reportText } from '../../core/reports/messages.js';
import { noteText } from '../../../models/i18n/analysis-notes.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date (with the time when it is not midnight) in the analysis' zone. */
/** A local day as the language writes it (01.12.2025 or 2025-12-01), with the time when it is not midnight. */
const localDay = (ts: number, timeZone: string, lang: Lang) => {
  const p = localParts(ts, timeZone);
  const date = localDate(lang, `${p.year}-${pad(p.month0 + 1)}-${pad(p.day)}`);
  return p.hour === 0 && p.minute === 0 ? date : `${date} ${pad(p.hour)}:${pad(p.minute)}`;
};

/** "ja", or "ja * (82.0 %)" when the verdict is provisional: the coverage stands beside it. */
const plus = (f: NumberFormatter, v: Verdict) => `${f.yesNo(v.energyPlus)}${v.provisional ? ` * (${f.pct(v.coverage)})` : ''}`;

export const balanceReport = (a: DistrictAnalysis, f: NumberFormatter, buildingId?: string): string => {
  const buildings = buildingId === undefined ? a.buildings : a.buildings.filter((b) => b.buildingId === buildingId);
  const out: string[] = [];
  const day = (ts: number) => localDay(ts, a.timeZone, f.lang);
  const t = f.t;
  const district = t('balance.district');
  out.push(t('balance.title', { from: day(a.period.from), to: day(a.period.to), zone: a.timeZone, resolution: a.resolution }));
  out.push(t('balance.sign'));
  out.push('');
  const rows: string[][] = [];
  // the carriers' names as the reports print them
  const carrierName = (c: DistrictAnalysis['district']['balance']['carriers'][number]['carrier']) => reportText(f.lang)(`carrier.${c}`);
  const carrierRows = (name: string, carriers: DistrictAnalysis['district']['balance']['carriers']) => {
    for (const c of carriers)
      rows.push([
        `${name} ${carrierName(c.carrier)}`,
        f.kwh(c.consumptionKwh),
        f.kwh(c.generationKwh),
        f.kwh(c.importKwh),
        f.kwh(c.exportKwh),
        f.kwh(c.netImportKwh),
        f.pct(1 - c.coverage.missingShare),
      ]);
  };
  for (const b of buildings) carrierRows(b.buildingId, b.balance.carriers);
  if (buildingId === undefined) carrierRows(district, a.district.balance.carriers);
  out.push(
    textTable(
      (['buildingCarrier', 'consumption', 'generation', 'import', 'export', 'net', 'coverage'] as const).map((k) => t(`balance.col.${k}`)),
      rows,
    ),
  );
  out.push('');
  const status: string[][] = buildings.map((b) => [
    b.buildingId,
    f.pct(b.kpis?.selfConsumption ?? null),
    f.pct(b.kpis?.selfSufficiency ?? null),
    f.kwh(b.energyPlusPeriod.finalEnergyNetKwh),
    f.kwh(b.energyPlusPeriod.primaryEnergy.total),
    plus(f, b.verdictPeriod),
    plus(f, b.verdict),
    f.num(b.co2Tonnes, 2),
  ]);
  if (buildingId === undefined) {
    const d = a.district;
    status.push([
      district,
      f.pct(d.kpis?.selfConsumption ?? null),
      f.pct(d.kpis?.selfSufficiency ?? null),
      f.kwh(d.energyPlusPeriod.finalEnergyNetKwh),
      f.kwh(d.energyPlusPeriod.primaryEnergy.total),
      plus(f, d.verdictPeriod),
      plus(f, d.verdict),
      f.num(d.co2Tonnes, 2),
    ]);
  }
  out.push(
    textTable(
      (['building', 'selfConsumption', 'selfSufficiency', 'finalNet', 'primaryNet', 'plusPeriod', 'plus12', 'co2'] as const).map((k) => t(`balance.col.${k}`)),
      status,
    ),
  );
  const verdicts = [...buildings.flatMap((b) => [b.verdict, b.verdictPeriod]), a.district.verdict, a.district.verdictPeriod];
  if (verdicts.some((v) => v.provisional)) out.push(t('balance.provisional', { share: f.pct(a.minCoverage) }));
  if (buildingId === undefined && a.district.sharing !== null) {
    const s = a.district.sharing;
    out.push('');
    out.push(
      t('balance.sharing', {
        gain: f.kwh(s.gainKwh),
        reduction: f.pct(s.importReduction),
        before: f.pct(s.singles.selfSufficiency),
        after: f.pct(s.district.selfSufficiency),
      }),
    );
  }
  if (buildingId === undefined && a.consumptionClasses !== undefined) out.push(...consumptionClassesReport(a.consumptionClasses, f, a.resolution));
  out.push('');
  const { primary, co2 } = a.factorSets;
  out.push(t('balance.factorsPrimary', { id: primary.id, version: primary.version, source: primary.source }));
  const credit = primary.exportCredit;
  out.push(t('balance.exportCredit', { credit: credit === undefined ? t('balance.exportCreditSet') : `${credit.id} (${f.num(credit.factor, 1)}: ${credit.name})` }));
  out.push(t('balance.factorsCo2', { id: co2.id, version: co2.version, source: co2.source }));
  out.push(t('balance.window12', { from: day(a.rollingFrom), to: day(a.period.to) }));
  out.push(t('balance.assumptions'));
  for (const n of a.notes) out.push(`  - ${noteText(f.lang, n)}`);
  return out.join('\n') + '\n';
};

export const scenarioReport = (r: ScenarioRunResult, f: NumberFormatter, buildingId?: string): string => {
  const rows: string[][] = [];
  const pairs = r.measured.buildings.map((m, k) => [m, r.simulated.buildings[k]] as const);
  for (const [m, s] of pairs) {
    if (s === undefined || (buildingId !== undefined && m.buildingId !== buildingId)) continue;
    rows.push([
      m.buildingId,
      f.kwh(m.energyPlus.finalEnergyNetKwh),
      f.kwh(s.energyPlus.finalEnergyNetKwh),
      f.kwh(m.energyPlus.primaryEnergy.total),
      f.kwh(s.energyPlus.primaryEnergy.total),
      f.num(m.co2Tonnes, 2),
      f.num(s.co2Tonnes, 2),
      `${f.yesNo(m.energyPlus.energyPlus)} -> ${f.yesNo(s.energyPlus.energyPlus)}`,
    ]);
  }
  const t = f.t;
  if (buildingId === undefined)
    rows.push([
      t('balance.district'),
      f.kwh(r.measured.energyPlus.finalEnergyNetKwh),
      f.kwh(r.simulated.energyPlus.finalEnergyNetKwh),
      f.kwh(r.measured.energyPlus.primaryEnergy.total),
      f.kwh(r.simulated.energyPlus.primaryEnergy.total),
      f.num(r.measured.co2Tonnes, 2),
      f.num(r.simulated.co2Tonnes, 2),
      `${f.yesNo(r.measured.energyPlus.energyPlus)} -> ${f.yesNo(r.simulated.energyPlus.energyPlus)}`,
    ]);
  const head = t('scenario.title', { name: r.scenario.name, id: r.scenario.id, effects: String(r.effects.length) });
  const scen = t('scenario.col.scenario');
  const table = textTable(
    [t('balance.col.building'), t('scenario.col.finalNet'), scen, t('scenario.col.primaryNet'), scen, t('balance.col.co2'), scen, t('scenario.col.plus')],
    rows,
  );
  return `${head}\n\n${table}\n\n${scenarioCostReport(r, f, buildingId)}`;
};

/** The scenario's costs (as the core computed them) per building and carrier, the saving per measure, the notes. */
const scenarioCostReport = (r: ScenarioRunResult, f: NumberFormatter, buildingId?: string): string => {
  const t = f.t;
  const out: string[] = [];
  const { measured, simulated } = r.costs;
  if (!measured.district.hasTariffs && !simulated.district.hasTariffs) out.push(t('scenario.noTariff'));
  else {
    const eur = (v: number) => f.num(v, 2);
    const carrierName = (c: CostFigures['carriers'][number]['carrier']) => reportText(f.lang)(`carrier.${c}`);
    const rows: string[][] = [];
    const add = (name: string, m: CostFigures, s: CostFigures) => {
      const carriers = [...new Set([...m.carriers, ...s.carriers].map((c) => c.carrier))];
      const zero = { energyEur: 0, fixedEur: 0, feedInEur: 0, netEur: 0 };
      const row = (label: string, a: typeof zero, b: typeof zero) => [
        label,
        eur(a.energyEur),
        eur(b.energyEur),
        eur(a.fixedEur),
        eur(b.fixedEur),
        eur(a.feedInEur),
        eur(b.feedInEur),
        eur(a.netEur),
        eur(b.netEur),
        eur(a.netEur - b.netEur),
      ];
      for (const c of carriers)
        rows.push(row(`${name} ${carrierName(c)}`, m.carriers.find((x) => x.carrier === c) ?? zero, s.carriers.find((x) => x.carrier === c) ?? zero));
      if (carriers.length > 0) rows.push(row(`${name} ${t('scenario.total')}`, m, s));
    };
    for (const b of measured.buildings) {
      if (buildingId !== undefined && b.buildingId !== buildingId) continue;
      const s = simulated.buildings.find((x) => x.buildingId === b.buildingId);
      if (s !== undefined) add(b.buildingId, b.costs, s.costs);
    }
    if (buildingId === undefined) add(t('balance.district'), measured.district, simulated.district);
    const scen = t('scenario.col.scenario');
    out.push(t('scenario.costs'));
    out.push(
      textTable(
        [t('scenario.col.costRow'), t('scenario.col.energyEur'), scen, t('scenario.col.fixedEur'), scen, t('scenario.col.feedInEur'), scen, t('scenario.col.netEur'), scen, t('scenario.col.savingEur')],
        rows,
      ),
    );
    if (measured.district.unpricedImportKwh > 0 || simulated.district.unpricedImportKwh > 0)
      out.push(t('scenario.unpriced', { measured: f.kwh(measured.district.unpricedImportKwh), simulated: f.kwh(simulated.district.unpricedImportKwh) }));
    const effects = r.effects.filter((e) => e.savingEur !== undefined && (buildingId === undefined || e.buildingId === buildingId));
    if (effects.length > 0) {
      out.push('');
      out.push(t('scenario.effectSavings'));
      for (const e of effects) out.push(t('scenario.effect', { n: String(e.index + 1), kind: t(`scenario.kind.${e.kind}`), building: e.buildingId, saving: eur(e.savingEur ?? 0) }));
    }
  }
  out.push('');
  out.push(t('balance.assumptions'));
  for (const n of r.notes) out.push(`  - ${noteText(f.lang, n)}`);
  return out.join('\n') + '\n';
};
