/** The consumption classes beyond buildings as `plustwin balance` prints them below the balance. */
import type { ConsumptionClassResult, ConsumptionClasses } from '../../../models/contract/index.js';
import { textTable, type NumberFormatter } from './number-format.js';

const share = (f: NumberFormatter, part: number, whole: number) => f.pct(whole > 0 ? part / whole : null);

export const consumptionClassesReport = (c: ConsumptionClasses, f: NumberFormatter, resolution: string): string[] => {
  const row = (name: string, x: ConsumptionClassResult, source: string) => [
    name,
    f.kwh(x.kwh),
    `${f.kwh(x.pvKwh)} (${share(f, x.pvKwh, x.kwh)})`,
    `${f.kwh(x.surplusKwh)} (${share(f, x.surplusKwh, x.kwh)})`,
    f.kwh(x.gridKwh),
    f.kwh(x.unknownKwh),
    f.num(x.peakKw, 1),
    source,
  ];
  const e = c.eMobility;
  const l = c.publicLighting;
  return [
    '',
    `Consumption classes beyond buildings, covered per ${resolution}:`,
    textTable(
      ['class', 'kWh', 'local PV', 'district surplus', 'grid', 'unknown', 'peak kW', 'from'],
      [
        row('E-Mobilität', e, `${e.meters} meter(s), ${e.sessions} session(s) of charge points without building: ${f.kwh(e.sessionKwh)} kWh`),
        row('Öffentliche Beleuchtung', l, `${l.lights} light(s): computed ${f.kwh(l.computedKwh)} kWh, measured ${f.kwh(l.measuredKwh)} kWh`),
      ],
    ),
    ...c.assumptions.map((a) => `  - ${a}`),
  ];
};
