/**
 * XLSX export (exceljs streaming writer): a sheet per table with typed cells (numbers, dates, booleans, never numbers
 * as text) and units in the headers. The 15-minute sheet streams from the store and continues on a new sheet
 * before Excel's row limit, so a year for a thousand points is written without holding it in memory.
 */
import type { Worksheet } from 'exceljs';
import { labelText } from './label-messages.js';
import { heatSupplyText } from './heat-supply-text.js';
import { formatterFor } from './format.js';
import type { Carrier } from '../../../models/energy/carriers.js';
import type { FactorSet } from '../../../models/factors/factor-set.js';
import type { Store } from '../store/store.js';
import type { ProgressFn } from './assemble-report.js';
import { balancePoints } from './quality-stats.js';
import { utcOffsetMs } from '../analysis/local-time.js';
import { reportText } from './messages.js';
import type { ReportData } from './report-data.js';
import { addCostSheet } from './cost-sheet.js';

export interface XlsxOptions {
  /** Include the 15-minute interval sheet(s) (default true). */
  readonly intervals?: boolean;
  /** Rows per interval sheet before a new one starts; Excel allows 1,048,576 including the header. */
  readonly maxRowsPerSheet?: number;
  readonly onProgress?: ProgressFn;
}

const EXCEL_MAX_ROWS = 1_048_575;

/** Excel has no time zones: cells hold local wall time (a Date whose UTC fields are the local time). */
const wallDate = (ts: number, timeZone: string): Date => new Date(ts + utcOffsetMs(ts, timeZone));

const KWH = '#,##0.0';
const SHARE = '0.0%';
const DATE_TIME = 'dd.mm.yyyy hh:mm';
const MONTH = 'mm.yyyy';

type Col = { header: string; key: string; width: number; numFmt?: string };

const setColumns = (ws: Worksheet, cols: readonly Col[]): void => {
  ws.columns = cols.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.numFmt === undefined ? {} : { style: { numFmt: c.numFmt } }) }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3ECF4' } };
  head.commit();
};

const factorRows = (set: FactorSet, used: ReadonlySet<string>) =>
  [
    ...Object.entries(set.factors).map(([carrier, f]) => ({ carrier, use: set.basis === 'consumption' ? ('consumption' as const) : ('import' as const), f })),
    ...Object.entries(set.exportCredit).map(([carrier, f]) => ({ carrier, use: 'export-credit' as const, f })),
  ].map(({ carrier, use, f }) => ({ set, carrier: carrier as Carrier, use, value: f!.value, note: f!.note ?? '', used: used.has(`${set.id}|${carrier}|${use}`) }));

/** Writes the workbook to file; returns the number of interval rows written. */
export const writeReportXlsx = async (store: Store, data: ReportData, file: string, o: XlsxOptions = {}): Promise<{ intervalRows: number }> => {
  const t = reportText(data.lang);
  const progress = o.onProgress ?? (() => {});
  const tz = data.timeZone;
  // loaded when a workbook is written: exceljs costs every other command ~30 MB and 0.3 s at start
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = `PlusTwin ${data.appVersion}`.trim();
  wb.created = new Date(data.createdAt);

  const info = wb.addWorksheet(t('sheet.info'));
  setColumns(info, [
    { header: t('col.value'), key: 'k', width: 28 },
    { header: '', key: 'v', width: 70 },
  ]);
  const infoRows: [string, string | number | Date][] = [
    [t('report.title'), data.site.name],
    [t('report.period'), data.period.label],
    [`${t('col.start')} (${tz})`, wallDate(data.period.from, tz)],
    [`${t('col.end')} (${tz})`, wallDate(data.period.to, tz)],
    [t('report.resolution'), `${data.stepMs / 60_000} min`],
    [t('report.timezone'), tz],
    [t('report.created'), wallDate(data.createdAt, tz)],
    [`${t('cover.factors')}: ${t('summary.primaryNet')}`, `${data.primarySet.name} (${data.primarySet.id}@${data.primarySet.version})`],
    [`${t('cover.factors')}: CO2e`, `${data.co2Set.name} (${data.co2Set.id}@${data.co2Set.version})`],
  ];
  for (const [k, v] of infoRows) {
    const row = info.addRow({ k, v });
    if (v instanceof Date) row.getCell('v').numFmt = DATE_TIME;
    row.commit();
  }
  info.commit();

  const bs = wb.addWorksheet(t('sheet.buildings'));
  setColumns(bs, [
    { header: t('col.id'), key: 'id', width: 14 },
    { header: t('col.building'), key: 'name', width: 30 },
    { header: t('col.use'), key: 'use', width: 18 },
    { header: `${t('col.consumption')} [kWh]`, key: 'l', width: 14, numFmt: KWH },
    { header: `${t('col.generation')} [kWh]`, key: 'g', width: 14, numFmt: KWH },
    { header: `${t('col.import')} [kWh]`, key: 'im', width: 14, numFmt: KWH },
    { header: `${t('col.export')} [kWh]`, key: 'ex', width: 14, numFmt: KWH },
    { header: `${t('col.net')} [kWh]`, key: 'net', width: 14, numFmt: KWH },
    { header: `${t('summary.finalNet')} (+ = ${t('sign.deficit')}) [kWh]`, key: 'fin', width: 16, numFmt: KWH },
    { header: `${t('summary.primaryNet')} [kWh]`, key: 'pri', width: 16, numFmt: KWH },
    { header: 'CO2e [t]', key: 'co2', width: 10, numFmt: '#,##0.00' },
    { header: t('summary.energyPlus'), key: 'plus', width: 12 },
    { header: t('provisional'), key: 'prov', width: 12 },
    { header: `${t('summary.coverage')} [%]`, key: 'cov', width: 12, numFmt: SHARE },
    { header: `${t('kpi.selfConsumption')} [%]`, key: 'sc', width: 14, numFmt: SHARE },
    { header: `${t('kpi.selfSufficiency')} [%]`, key: 'ss', width: 14, numFmt: SHARE },
    { header: t('building.heatSupply'), key: 'heat', width: 44 },
  ]);
  for (const b of data.buildings) {
    const e = b.electricity;
    bs.addRow({
      id: b.building.id,
      name: b.building.name,
      use: t(`use.${b.building.use}`),
      l: e?.consumptionKwh ?? 0,
      g: e?.generationKwh ?? 0,
      im: e?.importKwh ?? 0,
      ex: e?.exportKwh ?? 0,
      net: (e?.consumptionKwh ?? 0) - (e?.generationKwh ?? 0),
      fin: b.energyPlus.finalEnergyNetKwh,
      pri: b.energyPlus.primaryEnergy.total,
      co2: b.co2Tonnes,
      plus: b.verdict.energyPlus,
      prov: b.verdict.provisional,
      cov: b.verdict.coverage,
      sc: b.kpis?.selfConsumption ?? null,
      ss: b.kpis?.selfSufficiency ?? null,
      heat: b.heatSupply === null ? '' : heatSupplyText(data.lang, formatterFor(data.lang), b.heatSupply),
    }).commit();
  }
  const de = data.district.electricity;
  // Electricity as the sum of the buildings (as in the PDF and the CLI); the verdict, final and primary energy and
  // the KPIs of the district as one connection (what sharing changes is on the PDF's sharing page).
  bs.addRow({
    id: 'district',
    name: t('summary.districtRow'),
    use: '',
    l: de?.consumptionKwh ?? 0,
    g: de?.generationKwh ?? 0,
    im: de?.importKwh ?? 0,
    ex: de?.exportKwh ?? 0,
    net: (de?.consumptionKwh ?? 0) - (de?.generationKwh ?? 0),
    fin: data.district.energyPlus.finalEnergyNetKwh,
    pri: data.district.energyPlus.primaryEnergy.total,
    co2: data.district.co2Tonnes,
    plus: data.district.verdict.energyPlus,
    prov: data.district.verdict.provisional,
    cov: data.district.verdict.coverage,
    sc: data.district.kpis?.selfConsumption ?? null,
    ss: data.district.kpis?.selfSufficiency ?? null,
  }).commit();
  bs.commit();
  addCostSheet(wb, data.costs, data.lang, (c) => t(`carrier.${c as Carrier}`));

  const ms = wb.addWorksheet(t('sheet.monthly'));
  setColumns(ms, [
    { header: t('col.id'), key: 'id', width: 14 },
    { header: `${t('col.month')} (${tz})`, key: 'm', width: 12, numFmt: MONTH },
    { header: `${t('col.consumption')} [kWh]`, key: 'l', width: 14, numFmt: KWH },
    { header: `${t('col.generation')} [kWh]`, key: 'g', width: 14, numFmt: KWH },
    { header: `${t('col.import')} [kWh]`, key: 'im', width: 14, numFmt: KWH },
    { header: `${t('col.export')} [kWh]`, key: 'ex', width: 14, numFmt: KWH },
    { header: `${t('col.selfConsumed')} [kWh]`, key: 'sc', width: 14, numFmt: KWH },
    { header: `${t('col.net')} [kWh]`, key: 'net', width: 14, numFmt: KWH },
    { header: `${t('summary.finalNet')} [kWh]`, key: 'fin', width: 16, numFmt: KWH },
    { header: `${t('summary.coverage')} [%]`, key: 'cov', width: 12, numFmt: SHARE },
  ]);
  for (const b of data.buildings) {
    for (const m of b.months) {
      // a month without data stays empty ("no data"), never 0
      const v = (x: number) => (m.hasData ? x : t('noData'));
      ms.addRow({
        id: b.building.id,
        m: wallDate(m.from, tz),
        l: v(m.consumptionKwh),
        g: v(m.generationKwh),
        im: v(m.importKwh),
        ex: v(m.exportKwh),
        sc: v(m.selfConsumedKwh),
        net: v(m.netKwh),
        fin: v(m.finalEnergyNetKwh),
        cov: m.coverage,
      }).commit();
    }
  }
  ms.commit();

  const fs = wb.addWorksheet(t('sheet.factors'));
  setColumns(fs, [
    { header: t('col.set'), key: 'set', width: 22 },
    { header: t('col.version'), key: 'ver', width: 24 },
    { header: t('col.carrier'), key: 'carrier', width: 16 },
    { header: t('col.use.factor'), key: 'use', width: 14 },
    { header: t('col.factor'), key: 'value', width: 10, numFmt: '0.###' },
    { header: t('col.unit'), key: 'unit', width: 12 },
    { header: t('method.basis'), key: 'basis', width: 12 },
    { header: labelText(data.lang)('col.used'), key: 'used', width: 8 },
    { header: t('col.source'), key: 'source', width: 90 },
  ]);
  const used = new Set(data.factorsUsed.map((f) => `${f.setId}|${f.carrier}|${f.use}`));
  for (const set of [data.primarySet, data.co2Set]) {
    for (const r of factorRows(set, used)) {
      fs.addRow({
        set: set.id,
        ver: set.version,
        carrier: t(`carrier.${r.carrier}`),
        use: labelText(data.lang)(`factorUse.${r.use}`),
        value: r.value,
        unit: set.unit,
        basis: labelText(data.lang)(`basis.${set.basis}`),
        used: r.used,
        source: r.note === '' ? set.source : `${set.source}; ${r.note}`,
      }).commit();
    }
  }
  fs.commit();

  let intervalRows = 0;
  if (o.intervals ?? true) {
    const limit = Math.min(o.maxRowsPerSheet ?? EXCEL_MAX_ROWS, EXCEL_MAX_ROWS);
    const ids = new Set(data.buildings.map((b) => b.building.id));
    const points = balancePoints(data.buildings.flatMap((b) => b.points)).filter((p) => ids.has(p.buildingId));
    let sheetNo = 0;
    let ws: Worksheet | null = null;
    let inSheet = 0;
    const open = () => {
      sheetNo++;
      const s = wb.addWorksheet(sheetNo === 1 ? t('sheet.intervals') : `${t('sheet.intervals')} ${sheetNo}`);
      setColumns(s, [
        { header: t('col.point'), key: 'p', width: 22 },
        { header: t('col.id'), key: 'b', width: 14 },
        { header: t('col.medium'), key: 'med', width: 12 },
        { header: t('col.role'), key: 'role', width: 12 },
        { header: `${t('col.start')} (${tz})`, key: 's', width: 17, numFmt: DATE_TIME },
        { header: `${t('col.utcOffset')} [h]`, key: 'off', width: 10 },
        { header: `${t('col.start')} (UTC)`, key: 'u', width: 17, numFmt: DATE_TIME },
        { header: `${t('col.energy')} [kWh]`, key: 'kwh', width: 12, numFmt: '0.000' },
        { header: t('col.quality'), key: 'q', width: 14 },
      ]);
      inSheet = 0;
      return s;
    };
    for (const [k, p] of points.entries()) {
      progress(k / Math.max(1, points.length), p.id);
      for await (const iv of store.intervals([p.id], data.period.from, data.period.to)) {
        if (ws === null || inSheet >= limit) {
          ws?.commit();
          ws = open();
        }
        const off = utcOffsetMs(iv.start, tz);
        ws.addRow([p.id, p.buildingId, p.medium, p.role, new Date(iv.start + off), off / 3_600_000, new Date(iv.start), iv.kwh, iv.quality]).commit();
        inSheet++;
        intervalRows++;
      }
    }
    if (ws === null) ws = open();
    ws.commit();
  }
  await wb.commit();
  progress(1, 'done');
  return { intervalRows };
};

