/** The XLSX costs sheet: the report's cost rows (cost-section.ts) as typed cells, EUR and kWh. */
import type ExcelJS from 'exceljs';
import type { Language } from '../../../models/values.js';
import { reportCostText } from './cost-messages.js';
import type { CostSection } from './cost-section.js';

const EUR = '#,##0.00';

export const addCostSheet = (wb: ExcelJS.stream.xlsx.WorkbookWriter, section: CostSection | undefined, lang: Language, carrierName: (c: string) => string): void => {
  if (section === undefined || !section.hasTariffs) return;
  const c = reportCostText(lang);
  const ws = wb.addWorksheet(c('costs.sheet'));
  const cols = [
    { header: 'ID', key: 'id', width: 14 },
    { header: c('costs.building'), key: 'name', width: 28 },
    { header: c('costs.carrier'), key: 'carrier', width: 16 },
    { header: `${c('costs.energy')} [€]`, key: 'energy', width: 14, numFmt: EUR },
    { header: `${c('costs.fixed')} [€]`, key: 'fixed', width: 14, numFmt: EUR },
    { header: `${c('costs.feedIn')} [€]`, key: 'feedIn', width: 16, numFmt: EUR },
    { header: `${c('costs.net')} [€]`, key: 'net', width: 14, numFmt: EUR },
    { header: `${c('costs.reference')} [€]`, key: 'reference', width: 18, numFmt: EUR },
    { header: `${c('costs.savings')} [€]`, key: 'savings', width: 14, numFmt: EUR },
    { header: `${c('costs.unpriced')} [kWh]`, key: 'unpriced', width: 16, numFmt: '#,##0.0' },
  ];
  ws.columns = cols.map((x) => ({ header: x.header, key: x.key, width: x.width, ...(x.numFmt === undefined ? {} : { style: { numFmt: x.numFmt } }) }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.commit();
  for (const r of section.rows)
    ws.addRow({
      id: r.id,
      name: r.id === 'district' ? c('costs.district') : r.name,
      carrier: r.carrier === null ? c('costs.total') : carrierName(r.carrier),
      energy: r.energyEur,
      fixed: r.fixedEur,
      feedIn: r.feedInEur,
      net: r.netEur,
      reference: r.referenceEur,
      savings: r.savingsEur,
      unpriced: r.unpricedImportKwh,
    }).commit();
  ws.commit();
};
