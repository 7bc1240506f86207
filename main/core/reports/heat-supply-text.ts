/** A building's heat supply as a report says it: "Heizöl, Jahresnutzungsgrad 0,85 (beim Gebäude gespeichert)". */
import type { BuildingReport } from './report-data.js';
import type { Formatter } from './format.js';
import { labelText } from './label-messages.js';
import { reportText } from './messages.js';
import type { Language } from '../../../models/values.js';

export const heatSupplyText = (lang: Language, f: Formatter, hs: NonNullable<BuildingReport['heatSupply']>): string => {
  const l = labelText(lang);
  return l('heatSupply.text', {
    carrier: reportText(lang)(`carrier.${hs.carrier}`),
    measure: l(hs.carrier === 'electricity' ? 'heatSupply.scop' : 'heatSupply.efficiency'),
    efficiency: f.num(hs.efficiency, 2),
    origin: l(`heatSupply.origin.${hs.origin}`),
  });
};
