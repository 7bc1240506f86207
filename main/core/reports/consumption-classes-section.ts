/** The report's table of the consumption classes beyond buildings (E-Mobilität, public lighting), from the analysis. */
import type { ConsumptionClassResult, ConsumptionClasses } from '../../../models/contract/index.js';
import type { Formatter } from './format.js';
import { esc, table, type Cell } from './html-parts.js';
import type { ReportTranslate } from './messages.js';

export const consumptionClassesHtml = (c: ConsumptionClasses | undefined, f: Formatter, t: ReportTranslate): string => {
  if (c === undefined || (c.eMobility.kwh === 0 && c.publicLighting.kwh === 0 && c.eMobility.meters === 0 && c.publicLighting.lights === 0)) return '';
  const share = (part: number, whole: number) => f.pct(whole > 0 ? part / whole : null);
  const row = (name: string, x: ConsumptionClassResult): Cell[] => [
    name,
    f.kwh(x.kwh),
    `${f.kwh(x.pvKwh)} (${share(x.pvKwh, x.kwh)})`,
    `${f.kwh(x.surplusKwh)} (${share(x.surplusKwh, x.kwh)})`,
    f.kwh(x.gridKwh),
    f.kwh(x.unknownKwh),
  ];
  return `<h3>${esc(t('classes.title'))}</h3><p class="small">${esc(t('classes.intro'))}</p>
${table(
  ['', 'kWh', t('classes.pv'), t('classes.surplus'), t('classes.grid'), t('classes.unknown')],
  [row(t('classes.eMobility'), c.eMobility), row(t('classes.lighting'), c.publicLighting)],
  { numeric: [1, 2, 3, 4, 5] },
)}`;
};
