/** The text `plustwin balance` prints: the analysis (and a scenario next to it) as tables. */
import type { DistrictAnalysis, ScenarioRunResult, Verdict } from '../../../models/contract/index.js';
import { localParts } from '../../core/analysis/local-time.js';
import { textTable, type NumberFormatter } from './number-format.js';
import { consumptionClassesReport } from './consumption-classes-report.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date (with the time when it is not midnight) in the analysis' zone. */
const localDay = (ts: number, timeZone: string) => {
  const p = localParts(ts, timeZone);
  const date = `${p.year}-${pad(p.month0 + 1)}-${pad(p.day)}`;
  return p.hour === 0 && p.minute === 0 ? date : `${date} ${pad(p.hour)}:${pad(p.minute)}`;
};

/** "ja", or "ja * (82.0 %)" when the verdict is provisional: the coverage stands beside it. */
const plus = (f: NumberFormatter, v: Verdict) => `${f.yesNo(v.energyPlus)}${v.provisional ? ` * (${f.pct(v.coverage)})` : ''}`;

export const balanceReport = (a: DistrictAnalysis, f: NumberFormatter, buildingId?: string): string => {
  const buildings = buildingId === undefined ? a.buildings : a.buildings.filter((b) => b.buildingId === buildingId);
  const out: string[] = [];
  const day = (ts: number) => localDay(ts, a.timeZone);
  out.push(`Energy balance ${day(a.period.from)} to ${day(a.period.to)} (exclusive; local time ${a.timeZone}), kWh; KPIs at ${a.resolution}`);
  out.push('Net = consumption - generation = import - export: positive = deficit, negative = surplus.');
  out.push('');
  const rows: string[][] = [];
  const carrierRows = (name: string, carriers: DistrictAnalysis['district']['balance']['carriers']) => {
    for (const c of carriers)
      rows.push([
        `${name} ${c.carrier}`,
        f.kwh(c.consumptionKwh),
        f.kwh(c.generationKwh),
        f.kwh(c.importKwh),
        f.kwh(c.exportKwh),
        f.kwh(c.netImportKwh),
        f.pct(1 - c.coverage.missingShare),
      ]);
  };
  for (const b of buildings) carrierRows(b.buildingId, b.balance.carriers);
  if (buildingId === undefined) carrierRows('district', a.district.balance.carriers);
  out.push(textTable(['building carrier', 'consumption', 'generation', 'import', 'export', 'net (+ deficit)', 'coverage'], rows));
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
      'district',
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
    textTable(['building', 'self-consumption', 'self-sufficiency', 'final net kWh (+ deficit)', 'primary net kWh', 'energy-plus (period)', 'energy-plus (12 months)', 't CO2e'], status),
  );
  const verdicts = [...buildings.flatMap((b) => [b.verdict, b.verdictPeriod]), a.district.verdict, a.district.verdictPeriod];
  if (verdicts.some((v) => v.provisional)) out.push(`* provisional: less than ${f.pct(a.minCoverage)} of the window's intervals hold a value (coverage in brackets)`);
  if (buildingId === undefined && a.district.sharing !== null) {
    const s = a.district.sharing;
    out.push('');
    out.push(
      `Sharing electricity in the district: ${f.kwh(s.gainKwh)} kWh less grid import (${f.pct(s.importReduction)}); ` +
        `self-sufficiency ${f.pct(s.singles.selfSufficiency)} -> ${f.pct(s.district.selfSufficiency)}`,
    );
  }
  if (buildingId === undefined && a.consumptionClasses !== undefined) out.push(...consumptionClassesReport(a.consumptionClasses, f, a.resolution));
  out.push('');
  out.push(`Factors: primary energy ${a.factorSets.primary.id} (${a.factorSets.primary.version}, ${a.factorSets.primary.source})`);
  const credit = a.factorSets.primary.exportCredit;
  out.push(`         export credit ${credit === undefined ? 'as the set defines it' : `${credit.id} (${credit.factor}: ${credit.name})`}`);
  out.push(`         CO2 ${a.factorSets.co2.id} (${a.factorSets.co2.version}, ${a.factorSets.co2.source})`);
  out.push(`12-month window: ${day(a.rollingFrom)} to ${day(a.period.to)}`);
  out.push('Assumptions:');
  for (const line of a.assumptions) out.push(`  - ${line}`);
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
  if (buildingId === undefined)
    rows.push([
      'district',
      f.kwh(r.measured.energyPlus.finalEnergyNetKwh),
      f.kwh(r.simulated.energyPlus.finalEnergyNetKwh),
      f.kwh(r.measured.energyPlus.primaryEnergy.total),
      f.kwh(r.simulated.energyPlus.primaryEnergy.total),
      f.num(r.measured.co2Tonnes, 2),
      f.num(r.simulated.co2Tonnes, 2),
      `${f.yesNo(r.measured.energyPlus.energyPlus)} -> ${f.yesNo(r.simulated.energyPlus.energyPlus)}`,
    ]);
  const head = `Scenario '${r.scenario.name}' (${r.scenario.id}), ${r.effects.length} measure effect(s), over the same period`;
  const table = textTable(
    ['building', 'final net kWh', 'scenario', 'primary net kWh', 'scenario', 't CO2e', 'scenario', 'energy-plus'],
    rows,
  );
  return `${head}\n\n${table}\n`;
};
