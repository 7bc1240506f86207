/** The consumption classes beyond buildings as `plustwin balance` prints them below the balance. */
import type { ConsumptionClassResult, ConsumptionClasses } from '../../../models/contract/index.js';
import { textTable, type NumberFormatter } from './number-format.js';
import { consumptionClassNoteTexts } from '../../../models/energy/consumption-class-notes.js';

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
  const t = f.t;
  return [
    '',
    t('classes.title', { resolution }),
    textTable(
      [t('classes.col.class'), 'kWh', t('classes.col.pv'), t('classes.col.surplus'), t('classes.col.grid'), t('classes.col.unknown'), t('classes.col.peak'), t('classes.col.from')],
      [
        row(t('classes.eMobility'), e, t('classes.eMobility.from', { meters: e.meters, sessions: e.sessions, kwh: f.kwh(e.sessionKwh) })),
        row(t('classes.lighting'), l, t('classes.lighting.from', { lights: l.lights, computed: f.kwh(l.computedKwh), measured: f.kwh(l.measuredKwh) })),
      ],
    ),
    ...consumptionClassNoteTexts(f.lang).map((a) => `  - ${a}`),
  ];
};
