/**
 * The report as one self-contained HTML page (A4 print CSS, tables, chart canvases and their specs as JSON).
 * Chromium renders it from a temp folder with chart.umd.js next to it and prints it to PDF: headless via
 * playwright-core (serve mode, CLI) or Electron's printToPDF.
 */
import { createHash } from 'node:crypto';
import type { CarrierBalance } from '../../../models/energy/balance.js';
import type { Verdict } from '../../../models/contract/index.js';
import type { Coverage } from '../../../models/energy/coverage.js';
import { SLOT_QUALITIES } from '../../../models/energy/quality.js';
import type { Carrier } from '../../../models/energy/carriers.js';
import type { FactorEntry, FactorSet } from '../../../models/factors/factor-set.js';
import { COLORS, monthlyChart, type ChartSpec } from './chart-specs.js';
import { formatterFor, type Formatter } from './format.js';
import { badge, chart, esc, figure, table, type Cell } from './html-parts.js';
import { reportText, type ReportMessageKey, type ReportTranslate } from './messages.js';
import { PAGE_SCRIPT } from './page-script.js';
import type { BuildingReport, ReportData } from './report-data.js';
import { REPORT_CSS } from './report-style.js';
import { consumptionClassesHtml } from './consumption-classes-section.js';
import { costPage } from './cost-page.js';
import { heatSupplyText } from './heat-supply-text.js';
import { labelText } from './label-messages.js';
import { noteText } from '../../../models/i18n/analysis-notes.js';

export interface RenderedReport {
  readonly html: string;
  readonly charts: readonly ChartSpec[];
  /** Footer template for the PDF printer (page numbers), in Chromium's header/footer template syntax. */
  readonly footerTemplate: string;
  readonly headerTemplate: string;
}

const YEAR_MS = 365 * 86_400_000;
/** Chart canvas size in CSS px for the printable width (176 mm at 96 dpi is about 665 px). */
const CHART_W = 660;

interface Ctx {
  readonly d: ReportData;
  readonly f: Formatter;
  readonly t: ReportTranslate;
  readonly charts: ChartSpec[];
}

/** Share of slots with a value: the coverage every verdict is judged by (the analysis' verdict.coverage). */
const coverageText = (c: Coverage | number, f: Formatter): string => f.pct(typeof c === 'number' ? c : c.slots === 0 ? 0 : (c.slots - c.missing) / c.slots);

/** The verdict with "provisional (coverage x %)" below the threshold, or for a period shorter than a year. */
const plusBadge = (ctx: Ctx, v: Verdict): { html: string } => {
  const short = ctx.d.period.to - ctx.d.period.from < YEAR_MS - 2 * 86_400_000;
  const note = v.provisional ? `${ctx.t('provisional')} (${ctx.t('summary.coverage')} ${ctx.f.pct(v.coverage)})` : short ? ctx.t('provisional') : undefined;
  return badge(v.energyPlus, ctx.t(v.energyPlus ? 'yes' : 'no'), note);
};

/** A month without any value reads "no data", never 0. */
const monthKwh = (ctx: Ctx, m: { hasData: boolean }, v: number): string => (m.hasData ? ctx.f.kwh(v) : ctx.t('noData'));

const periodText = (ctx: Ctx): string =>
  `${ctx.f.date(ctx.d.period.from, ctx.d.timeZone)} – ${ctx.f.date(ctx.d.period.to - 1, ctx.d.timeZone)}`;

const cover = (ctx: Ctx): string => {
  const { d, f, t } = ctx;
  const rows: [string, string][] = [
    [t('report.district'), d.site.name],
    [t('report.period'), `${periodText(ctx)} (${d.period.label})`],
    [t('report.buildings'), String(d.buildings.length)],
    [t('report.resolution'), `${d.stepMs / 60_000} min`],
    [t('report.timezone'), d.timeZone],
    [t('cover.factors'), `${d.primarySet.name} (${d.primarySet.version}); ${d.co2Set.name} (${d.co2Set.version})`],
    [t('report.created'), f.dateTime(d.createdAt, d.timeZone)],
  ];
  return `<section class="cover">
<div class="band"><h1>${esc(t('report.title'))}</h1><div class="sub">${esc(t('report.subtitle'))}</div></div>
<table class="meta"><tbody>${rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join('')}</tbody></table>
<div class="verdict"><div class="muted">${esc(t('summary.districtVirtual'))} – ${esc(t('summary.energyPlus'))}</div>
<div class="big">${plusBadge(ctx, d.district.verdict).html}
&nbsp; ${esc(t('summary.plusCount'))}: ${d.district.energyPlusCount} / ${d.buildings.length}</div></div>
<h3>${esc(t('report.contents'))}</h3>
<table class="toc"><tbody>${[
    t('summary.title'),
    `${t('report.buildings')} (${d.buildings.length})`,
    t('sharing.title'),
    t('pv.title'),
    t('method.title'),
    t('quality.title'),
  ]
    .map((s, i) => `<tr><td>${i + 1}&nbsp;&nbsp;${esc(s)}</td></tr>`)
    .join('')}</tbody></table>
<div class="foot">${esc(t('report.software'))}${d.appVersion === '' ? '' : ` ${esc(d.appVersion)}`} · ${esc(t('summary.note'))}</div>
</section>`;
};

const summary = (ctx: Ctx): string => {
  const { d, f, t } = ctx;
  const dp = d.district.energyPlus;
  const figures = [
    figure(t('summary.finalNet'), f.kwh(dp.finalEnergyNetKwh), 'kWh', dp.finalEnergyPlus ? 'plus' : 'minus'),
    figure(t('summary.primaryNet'), f.kwh(dp.primaryEnergy.total), 'kWh', dp.primaryEnergyPlus ? 'plus' : 'minus'),
    figure(t('summary.co2'), f.num(d.district.co2Tonnes, 1), 't'),
    figure(t('summary.plusCount'), `${d.district.energyPlusCount} / ${d.buildings.length}`, ''),
    figure(t('summary.coverage'), coverageText(d.district.verdict.coverage, f), ''),
  ].join('');
  const statusRows: Cell[][] = d.buildings.map((b) => [
    b.building.name,
    t(`use.${b.building.use}`),
    plusBadge(ctx, b.verdict),
    f.kwh(b.energyPlus.finalEnergyNetKwh),
    f.kwh(b.energyPlus.primaryEnergy.total),
    f.num(b.co2Tonnes, 1),
    coverageText(b.verdict.coverage, f),
  ]);
  const statusTotal: Cell[][] = [
    [t('summary.districtVirtual'), '', plusBadge(ctx, d.district.verdict), f.kwh(dp.finalEnergyNetKwh), f.kwh(dp.primaryEnergy.total), f.num(d.district.co2Tonnes, 1), coverageText(d.district.verdict.coverage, f)],
  ];
  const e = (b: BuildingReport): CarrierBalance | null => b.electricity;
  const elecRows: Cell[][] = d.buildings.map((b) => [
    b.building.name,
    f.kwh(e(b)?.consumptionKwh ?? 0),
    f.kwh(e(b)?.generationKwh ?? 0),
    f.kwh(e(b)?.importKwh ?? 0),
    f.kwh(e(b)?.exportKwh ?? 0),
    f.kwh((e(b)?.consumptionKwh ?? 0) - (e(b)?.generationKwh ?? 0)),
  ]);
  const de = d.district.electricity;
  const elecTotal: Cell[][] = [
    [t('summary.districtRow'), f.kwh(de?.consumptionKwh ?? 0), f.kwh(de?.generationKwh ?? 0), f.kwh(de?.importKwh ?? 0), f.kwh(de?.exportKwh ?? 0), f.kwh((de?.consumptionKwh ?? 0) - (de?.generationKwh ?? 0))],
  ];
  const barHeight = Math.min(900, 70 + d.buildings.length * 26);
  // a bar per building stays readable up to about fifty buildings; beyond that the table says it all
  const withChart = d.buildings.length <= 50;
  if (withChart) ctx.charts.push({
    id: 'summary-final',
    locale: f.locale,
    labels: d.buildings.map((b) => b.building.name),
    yTitle: 'kWh',
    horizontal: true,
    datasets: [
      {
        label: t('summary.finalNet'),
        data: d.buildings.map((b) => b.energyPlus.finalEnergyNetKwh),
        color: COLORS.net,
        colors: d.buildings.map((b) => (b.energyPlus.finalEnergyNetKwh < 0 ? COLORS.district : COLORS.consumption)),
      },
    ],
  });
  return `<section class="page"><h2>1 ${esc(t('summary.title'))}</h2>
<p>${esc(t('summary.intro'))} ${esc(t('report.period'))}: ${esc(periodText(ctx))}.</p>
<div class="figures">${figures}</div>
${table([t('col.building'), t('col.use'), t('summary.energyPlus'), `${t('summary.finalNet')} [kWh]`, `${t('summary.primaryNet')} [kWh]`, `${t('summary.co2')} [t]`, t('summary.coverage')], statusRows, { numeric: [3, 4, 5, 6], total: statusTotal })}
<div class="note">${esc(t('summary.note'))} ${esc(t('sign.note'))}</div>
<h3>${esc(t('summary.electricityTitle'))}</h3>
${table([t('col.building'), `${t('col.consumption')} [kWh]`, `${t('col.generation')} [kWh]`, `${t('col.import')} [kWh]`, `${t('col.export')} [kWh]`, `${t('col.net')} [kWh]`], elecRows, { numeric: [1, 2, 3, 4, 5], total: elecTotal, cls: 'electricity' })}
${withChart ? chart('summary-final', CHART_W, barHeight, t('summary.chartTitle')) : ''}
</section>`;
};

const buildingPage = (ctx: Ctx, b: BuildingReport, k: number): string => {
  const { d, f, t } = ctx;
  const id = `b${k}`;
  const ep = b.energyPlus;
  const head = `<h2>2.${k + 1} ${esc(b.building.name)}</h2>
<p class="muted">${esc(t(`use.${b.building.use}`))} · ${esc(t('col.id'))} ${esc(b.building.id)}${b.building.address === undefined ? '' : ` · ${esc(b.building.address)}`}</p>`;
  const figures = [
    figure(t('summary.energyPlus'), t(ep.energyPlus ? 'yes' : 'no'), b.verdict.provisional ? `(${t('provisional')})` : '', ep.energyPlus ? 'plus' : 'minus'),
    figure(t('summary.finalNet'), f.kwh(ep.finalEnergyNetKwh), 'kWh', ep.finalEnergyPlus ? 'plus' : 'minus'),
    figure(t('summary.primaryNet'), f.kwh(ep.primaryEnergy.total), 'kWh', ep.primaryEnergyPlus ? 'plus' : 'minus'),
    figure(t('summary.co2'), f.num(b.co2Tonnes, 2), 't'),
    figure(t('summary.coverage'), coverageText(b.verdict.coverage, f), ''),
  ].join('');
  if (b.balance.carriers.length === 0) return `<section class="page">${head}<div class="figures">${figures}</div><p>${esc(t('building.noData'))}</p></section>`;
  ctx.charts.push(monthlyChart(id, b.months, d.lang, f, d.timeZone));
  const monthRows: Cell[][] = b.months.map((m) => [
    f.month(m.from, d.timeZone),
    monthKwh(ctx, m, m.consumptionKwh),
    monthKwh(ctx, m, m.generationKwh),
    monthKwh(ctx, m, m.importKwh),
    monthKwh(ctx, m, m.exportKwh),
    monthKwh(ctx, m, m.selfConsumedKwh),
    monthKwh(ctx, m, m.netKwh),
    coverageText(m.coverage, f),
  ]);
  const el = b.electricity;
  const monthTotal: Cell[][] =
    el === null
      ? []
      : [[t('col.total'), f.kwh(el.consumptionKwh), f.kwh(el.generationKwh), f.kwh(el.importKwh), f.kwh(el.exportKwh), f.kwh(el.selfConsumedKwh), f.kwh(el.consumptionKwh - el.generationKwh), coverageText(el.coverage, f)]];
  const primaryBy = new Map(ep.primaryEnergy.carriers.map((c) => [c.carrier, c.weighted]));
  const co2By = new Map(b.co2.carriers.map((c) => [c.carrier, c.weighted]));
  const carrierRows: Cell[][] = b.balance.carriers.map((c) => [
    t(`carrier.${c.carrier}`),
    f.kwh(c.consumptionKwh),
    f.kwh(c.importKwh),
    f.kwh(c.exportKwh),
    primaryBy.has(c.carrier) ? f.kwh(primaryBy.get(c.carrier) as number) : '–',
    co2By.has(c.carrier) ? f.num((co2By.get(c.carrier) as number) / 1e6, 2) : '–',
    coverageText(c.coverage, f),
  ]);
  const k2 = b.kpis;
  const kpiRows: Cell[][] =
    k2 === null
      ? []
      : [
          [t('kpi.selfConsumption'), f.pct(k2.selfConsumption)],
          [t('kpi.selfSufficiency'), f.pct(k2.selfSufficiency)],
          [t('kpi.loadMatch'), k2.loadMatchIndex === null ? t('kpi.undefined') : f.num(k2.loadMatchIndex, 3)],
          [t('kpi.gridInteraction'), k2.gridInteractionIndex === null ? t('kpi.undefined') : f.num(k2.gridInteractionIndex, 3)],
          [t('report.resolution'), k2.resolution],
        ];
  const slots = SLOT_QUALITIES.reduce((s, q) => s + b.quality[q], 0);
  const qualityRows: Cell[][] = SLOT_QUALITIES.filter((q) => b.quality[q] > 0 || q === 'measured' || q === 'missing').map((q) => [
    t(`q.${q}`),
    f.kwh(b.quality[q]),
    f.pct(slots === 0 ? null : b.quality[q] / slots),
  ]);
  qualityRows.push([t('col.longestGap'), `${f.num((b.longestGapSlots * d.stepMs) / 3_600_000, 2)} h`, '']);
  const pointList = b.points.map((p) => `${esc(p.name === p.id ? p.id : `${p.name} (${p.id})`)}: ${esc(t(`carrier.${p.medium}`))}, ${esc(t(`role.${p.role}`))}, ${esc(p.unit)}`).join(' · ');
  return `<section class="page">${head}
<div class="figures">${figures}</div>
${chart(id, CHART_W, 215, `${t('building.chartTitle')} [kWh]`)}
<h3>${esc(t('building.balanceTitle'))}</h3>
${table([t('col.month'), `${t('col.consumption')} [kWh]`, `${t('col.generation')} [kWh]`, `${t('col.import')} [kWh]`, `${t('col.export')} [kWh]`, `${t('col.selfConsumed')} [kWh]`, `${t('col.net')} [kWh]`, t('summary.coverage')], monthRows, { numeric: [1, 2, 3, 4, 5, 6, 7], total: monthTotal, cls: 'months' })}
<h3>${esc(t('building.carriers'))}</h3>
${table([t('col.carrier'), `${t('col.consumption')} [kWh]`, `${t('col.import')} [kWh]`, `${t('col.export')} [kWh]`, `${t('summary.primaryNet')} [kWh]`, `${t('summary.co2')} [t]`, t('summary.coverage')], carrierRows, { numeric: [1, 2, 3, 4, 5, 6] })}
<div class="two"><div><h3>${esc(t('building.kpis'))}</h3>${table([t('col.value'), ''], kpiRows, { numeric: [1] })}</div>
<div><h3>${esc(t('building.quality'))}</h3>${table([t('col.quality'), t('col.slots'), t('col.share')], qualityRows, { numeric: [1, 2] })}</div></div>
<p class="small"><b>${esc(t('building.points'))}:</b> ${pointList}</p>
${b.heatSupply === null ? '' : `<p class="small" data-heat-supply><b>${esc(t('building.heatSupply'))}:</b> ${esc(heatSupplyText(d.lang, f, b.heatSupply))}</p>`}
</section>`;
};

const sharingPage = (ctx: Ctx): string => {
  const { d, f, t } = ctx;
  const s = d.district.sharing;
  let body: string;
  if (s === null) body = `<p>${esc(t('sharing.none'))}</p>`;
  else {
    const distImport = s.district.consumptionKwh - s.district.selfSuppliedKwh;
    const distExport = s.district.generationKwh - s.district.selfConsumedKwh;
    const rows: Cell[][] = [
      [t('col.consumption') + ' [kWh]', f.kwh(s.singles.consumptionKwh), f.kwh(s.district.consumptionKwh)],
      [t('col.generation') + ' [kWh]', f.kwh(s.singles.generationKwh), f.kwh(s.district.generationKwh)],
      [t('col.import') + ' [kWh]', f.kwh(s.singles.importKwh), f.kwh(distImport)],
      [t('col.export') + ' [kWh]', f.kwh(s.singles.exportKwh), f.kwh(distExport)],
      [t('kpi.selfConsumption'), f.pct(s.singles.selfConsumption), f.pct(s.district.selfConsumption)],
      [t('kpi.selfSufficiency'), f.pct(s.singles.selfSufficiency), f.pct(s.district.selfSufficiency)],
      [t('kpi.loadMatch'), '', s.district.loadMatchIndex === null ? t('kpi.undefined') : f.num(s.district.loadMatchIndex, 3)],
      [t('kpi.gridInteraction'), '', s.district.gridInteractionIndex === null ? t('kpi.undefined') : f.num(s.district.gridInteractionIndex, 3)],
    ];
    ctx.charts.push({
      id: 'sharing',
      locale: f.locale,
      labels: [t('col.import'), t('col.export')],
      yTitle: 'kWh',
      datasets: [
        { label: t('sharing.singles'), data: [s.singles.importKwh, s.singles.exportKwh], color: COLORS.singles },
        { label: t('sharing.district'), data: [distImport, distExport], color: COLORS.district },
      ],
    });
    ctx.charts.push(monthlyChart('district-months', d.district.months, d.lang, f, d.timeZone));
    body = `<div class="figures">${figure(t('sharing.gain'), f.kwh(s.gainKwh), 'kWh', 'plus')}${figure(t('sharing.importReduction'), f.pct(s.importReduction), '')}${figure(t('kpi.selfSufficiency'), f.pct(s.district.selfSufficiency), '')}</div>
${table(['', t('sharing.singles'), t('sharing.district')], rows, { numeric: [1, 2] })}
<p class="small muted">${esc(t('report.resolution'))}: ${esc(s.district.resolution)} · ${esc(t('col.slots'))}: ${f.kwh(s.district.slotsUsed)}</p>
${chart('sharing', CHART_W, 200, t('sharing.chartTitle'))}
${chart('district-months', CHART_W, 240, `${t('summary.districtRow')}: ${t('building.chartTitle')} [kWh]`)}`;
  }
  return `<section class="page"><h2>3 ${esc(t('sharing.title'))}</h2><p>${esc(t('sharing.intro'))}</p>${body}${consumptionClassesHtml(d.district.consumptionClasses, f, t)}</section>`;
};

const pvPage = (ctx: Ctx): string => {
  const { d, f, t } = ctx;
  const pv = d.pv;
  if (pv === null) return `<section class="page"><h2>4 ${esc(t('pv.title'))}</h2><p>${esc(t('pv.noWeather'))}</p></section>`;
  const name = (id: string) => d.buildings.find((b) => b.building.id === id)?.building.name ?? id;
  const rows: Cell[][] = pv.buildings.map((r) => [
    name(r.buildingId),
    r.roofSource === 'lod2' ? t('pv.lod2') : t('pv.assumedRoof'),
    `${r.suitableRoofs} / ${r.roofs}`,
    f.num(r.kwp, 1),
    f.kwh(r.annualKwh),
    r.specificYieldKwhPerKwp === null ? '–' : f.kwh(r.specificYieldKwhPerKwp),
  ]);
  const totKwp = pv.buildings.reduce((s, r) => s + r.kwp, 0);
  const totKwh = pv.buildings.reduce((s, r) => s + r.annualKwh, 0);
  const withChart = d.buildings.length <= 40;
  if (withChart) ctx.charts.push({
    id: 'pv',
    locale: f.locale,
    labels: pv.buildings.map((r) => name(r.buildingId)),
    yTitle: 'kWh',
    horizontal: true,
    datasets: [
      { label: `${t('col.annual')} PV`, data: pv.buildings.map((r) => r.annualKwh), color: COLORS.generation },
      { label: t('col.consumption'), data: pv.buildings.map((r) => d.buildings.find((b) => b.building.id === r.buildingId)?.electricity?.consumptionKwh ?? 0), color: COLORS.consumption },
    ],
  });
  let scen = `<p>${esc(pv.scenarioError ?? '')}</p>`;
  if (pv.scenario !== null) {
    const { measured: m, pvPotential: p } = pv.scenario;
    const yes = (v: boolean) => t(v ? 'yes' : 'no');
    scen = table(
      ['', t('scenario.measured'), t('scenario.pvPotential')],
      [
        [`${t('summary.finalNet')} [kWh]`, f.kwh(m.finalEnergyNetKwh), f.kwh(p.finalEnergyNetKwh)],
        [`${t('summary.primaryNet')} [kWh]`, f.kwh(m.primaryEnergyNetKwh), f.kwh(p.primaryEnergyNetKwh)],
        [`${t('summary.co2')} [t]`, f.num(m.co2Tonnes, 1), f.num(p.co2Tonnes, 1)],
        [t('kpi.selfSufficiency'), f.pct(m.selfSufficiency), f.pct(p.selfSufficiency)],
        [t('scenario.energyPlusBuildings'), `${m.energyPlusBuildings} / ${d.buildings.length}`, `${p.energyPlusBuildings} / ${d.buildings.length}`],
        [t('scenario.districtPlus'), yes(m.districtEnergyPlus), yes(p.districtEnergyPlus)],
        ...(m.netCostEur !== null && p.netCostEur !== null ? [[`${t('scenario.netCost')} [€]`, f.num(m.netCostEur, 2), f.num(p.netCostEur, 2)]] : []),
        ...(pv.scenario.savingEur !== null ? [[`${t('scenario.saving')} [€]`, '', f.num(pv.scenario.savingEur, 2)]] : []),
      ],
      { numeric: [1, 2] },
    );
  }
  const o = pv.options;
  // the potential's own notes (weather, usable shares, m² per kWp, threshold), then the irradiance model it used
  const assumptions = [
    ...pv.notes.map((n) => noteText(d.lang, n)),
    labelText(d.lang)('pv.model', { transposition: o.system.transposition, albedo: f.num(o.system.albedo, 2) }),
    `${f.pct(o.system.systemLosses)} ${t('pv.lossModel')}`,
  ];
  return `<section class="page"><h2>4 ${esc(t('pv.title'))}</h2><p>${esc(t('pv.intro'))}</p>
${table([t('col.building'), t('pv.roofSource'), `${t('col.roofs')} (${t('col.suitable')})`, `${t('col.kwp')} [kWp]`, `${t('col.annual')} [kWh/a]`, `${t('col.specific')} [kWh/kWp]`], rows, { numeric: [2, 3, 4, 5], total: [[t('summary.districtRow'), '', '', f.num(totKwp, 1), f.kwh(totKwh), totKwp > 0 ? f.kwh(totKwh / totKwp) : '–']] })}
${withChart ? chart('pv', CHART_W, Math.min(800, 80 + d.buildings.length * 34), t('pv.chartTitle')) : ''}
<h3>${esc(t('scenario.title'))}</h3>${scen}
<div class="note"><b>${esc(t('pv.assumptions'))}:</b> ${assumptions.map(esc).join(' · ')}</div></section>`;
};

const factorTable = (ctx: Ctx, set: FactorSet): string => {
  const { f, t } = ctx;
  const used = new Set(ctx.d.factorsUsed.map((x) => `${x.setId}|${x.carrier}|${x.use}`));
  // Object.entries widens the keys to string; they are the set's carriers
  const entries = (m: FactorSet['factors']) => Object.entries(m) as [Carrier, FactorEntry | undefined][];
  const rows: Cell[][] = [
    ...entries(set.factors).map(([c, e]) => [t(`carrier.${c}`), set.basis === 'consumption' ? t('col.consumption') : t('col.import'), f.num(e!.value, set.kind === 'co2' ? 0 : 2), e!.note ?? '', used.has(`${set.id}|${c}|${set.basis === 'consumption' ? 'consumption' : 'import'}`) ? '●' : '']),
    ...entries(set.exportCredit).map(([c, e]) => [t(`carrier.${c}`), t('method.exportCredit'), f.num(e!.value, set.kind === 'co2' ? 0 : 2), e!.note ?? '', used.has(`${set.id}|${c}|export-credit`) ? '●' : '']),
  ];
  return `<h3>${esc(set.name)}</h3>
<p class="small"><b>${esc(t('col.set'))}:</b> ${esc(set.id)} · <b>${esc(t('col.version'))}:</b> ${esc(set.version)} · <b>${esc(t('col.unit'))}:</b> ${esc(set.unit)} · <b>${esc(t('method.basis'))}:</b> ${esc(set.basis === 'delivered' ? t('method.delivered') : t('method.consumptionBasis'))}<br><b>${esc(t('col.source'))}:</b> ${esc(set.source)}</p>
${table([t('col.carrier'), t('col.use.factor'), `${t('col.factor')} [${set.unit}]`, t('col.note'), '●'], rows, { numeric: [2] })}`;
};

/** The export-credit rule the energy-plus verdict rests on: variant, factor and its source. */
const exportCreditNote = (ctx: Ctx): string => {
  const v = ctx.d.primarySet.exportCreditVariant;
  if (v === undefined) return '';
  return `<p class="small"><b>${esc(ctx.t('method.exportCreditRule'))}:</b> ${esc(v.name)} (${esc(v.id)}), ${esc(ctx.f.num(v.factor, 1))} · ${esc(v.source)}</p>`;
};

const methodPage = (ctx: Ctx): string => {
  const { d, t } = ctx;
  const items: ReportMessageKey[] = ['method.data', 'method.balance', 'method.final', 'method.primary', 'method.co2', 'method.energyPlus', 'method.kpis', 'method.sharing'];
  return `<section class="page"><h2>5 ${esc(t('method.title'))}</h2>
${items.map((k) => `<p>${esc(t(k))}</p>`).join('')}
<p><b>${esc(t('report.resolution'))}:</b> ${d.stepMs / 60_000} min · <b>${esc(t('report.timezone'))}:</b> ${esc(d.timeZone)} (${esc(t('method.months'))}) · <b>${esc(t('report.period'))}:</b> ${esc(periodText(ctx))}</p>
<p>${esc(t('sign.note'))}</p>
<p>${esc(t('method.coverage'))} ${esc(ctx.f.pct(d.minCoverage))}.</p>
<h3>${esc(t('method.assumptions'))}</h3>
<ul class="small">${d.assumptions.map((a) => `<li>${esc(a)}</li>`).join('')}</ul>
<h3>${esc(t('method.factorTitle'))}</h3><p class="small">● = ${esc(t('method.usedMark'))}</p>
${exportCreditNote(ctx)}
${factorTable(ctx, d.primarySet)}
${factorTable(ctx, d.co2Set)}
</section>`;
};

const qualityPage = (ctx: Ctx): string => {
  const { d, f, t } = ctx;
  const cols = SLOT_QUALITIES.filter((q) => q === 'measured' || q === 'missing' || d.district.quality[q] > 0);
  const rows: Cell[][] = d.buildings.map((b) => [b.building.name, ...cols.map((q) => f.kwh(b.quality[q])), coverageText(b.verdict.coverage, f), `${f.num((b.longestGapSlots * d.stepMs) / 3_600_000, 1)} h`]);
  const total: Cell[][] = [[t('summary.districtRow'), ...cols.map((q) => f.kwh(d.district.quality[q])), coverageText(d.district.verdict.coverage, f), '']];
  return `<section class="page"><h2>6 ${esc(t('quality.title'))}</h2><p>${esc(t('quality.intro'))}</p>
${table([t('col.building'), ...cols.map((q) => t(`q.${q}`)), t('summary.coverage'), t('col.longestGap')], rows, { numeric: cols.map((_, i) => i + 1).concat([cols.length + 1, cols.length + 2]), total })}
</section>`;
};

const cspHash = (inline: string): string => `'sha256-${createHash('sha256').update(inline, 'utf8').digest('base64')}'`;

/**
 * The page's CSP: scripts only from its own folder (chart.umd.js; 'self' matches file: URLs for a file: page in
 * Chromium) plus the one inline script, styles only the inline sheet, images only from data: and blob: (chart.js),
 * nothing else. The desktop app prints the page from a file:// URL, where no response header can carry a CSP.
 */
export const REPORT_CSP = [
  "default-src 'none'",
  `script-src 'self' ${cspHash(PAGE_SCRIPT)}`,
  `style-src ${cspHash(REPORT_CSS)}`,
  'img-src data: blob:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The complete page. chartJsSrc is where the page loads chart.js from (a file name next to the page). */
export const renderReportHtml = (d: ReportData, chartJsSrc = 'chart.umd.js'): RenderedReport => {
  const f = formatterFor(d.lang);
  const ctx: Ctx = { d, f, t: reportText(d.lang), charts: [] };
  const body = [cover(ctx), summary(ctx), ...d.buildings.map((b, k) => buildingPage(ctx, b, k)), sharingPage(ctx), pvPage(ctx), methodPage(ctx), qualityPage(ctx), costPage(d.costs, d.lang, f, ctx.t, '7')].join('\n');
  const specs = JSON.stringify(ctx.charts).replaceAll('<', '\\u003c');
  const html = `<!doctype html>
<html lang="${d.lang}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}"><title>${esc(reportText(d.lang)('report.title'))} – ${esc(d.site.name)} – ${esc(d.period.label)}</title>
<style>${REPORT_CSS}</style></head>
<body>
${body}
<script type="application/json" id="chart-specs">${specs}</script>
<script src="${esc(chartJsSrc)}"></script>
<script>${PAGE_SCRIPT}</script>
</body></html>`;
  const footer = `<div style="width:100%;font-size:7pt;color:#6b7785;padding:0 16mm 0 18mm;display:flex;justify-content:space-between;font-family:'Liberation Sans',Arial,sans-serif">
<span>${esc(reportText(d.lang)('report.title'))} · ${esc(d.site.name)} · ${esc(periodText(ctx))}</span>
<span>${esc(reportText(d.lang)('report.page'))} <span class="pageNumber"></span> ${esc(reportText(d.lang)('report.of'))} <span class="totalPages"></span></span></div>`;
  return { html, charts: ctx.charts, footerTemplate: footer, headerTemplate: '<div></div>' };
};
