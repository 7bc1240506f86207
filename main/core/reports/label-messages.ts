/**
 * Names for the ids a report would otherwise print raw (how a building's heat is supplied and where that came from,
 * how a factor is used, a factor set's basis), German and English; a table of its own beside messages.ts.
 */
import { defineMessages } from '../../../models/i18n/define-messages.js';
import { createTranslators } from '../../../models/i18n/translator.js';
import type { Language } from '../../../models/values.js';

export const labelMessages = defineMessages({
  de: {
    'heatSupply.text': '{carrier}, {measure} {efficiency} ({origin})',
    'heatSupply.efficiency': 'Jahresnutzungsgrad',
    'heatSupply.scop': 'JAZ',
    'heatSupply.origin.default': 'Standardannahme',
    'heatSupply.origin.building': 'beim Gebäude gespeichert',
    'heatSupply.origin.setting': 'mit dieser Auswertung angegeben',
    'heatSupply.origin.planning': 'aus den Planungsangaben',
    'factorUse.consumption': 'Verbrauch',
    'factorUse.import': 'Bezug',
    'factorUse.export-credit': 'Gutschrift Einspeisung',
    'basis.delivered': 'gelieferte Energie',
    'basis.consumption': 'Verbrauch',
    'col.used': 'genutzt',
    'pv.model': 'Einstrahlungsmodell {transposition}, Albedo {albedo}',
    'yes': 'ja',
    'no': 'nein',
  },
  en: {
    'heatSupply.text': '{carrier}, {measure} {efficiency} ({origin})',
    'heatSupply.efficiency': 'seasonal efficiency',
    'heatSupply.scop': 'SCOP',
    'heatSupply.origin.default': 'default assumption',
    'heatSupply.origin.building': 'stored with the building',
    'heatSupply.origin.setting': 'given with this analysis',
    'heatSupply.origin.planning': 'from the planning attributes',
    'factorUse.consumption': 'consumption',
    'factorUse.import': 'import',
    'factorUse.export-credit': 'export credit',
    'basis.delivered': 'delivered energy',
    'basis.consumption': 'consumption',
    'col.used': 'used',
    'pv.model': 'irradiance model {transposition}, albedo {albedo}',
    'yes': 'yes',
    'no': 'no',
  },
});

const translators = createTranslators(labelMessages);

export const labelText = (lang: Language) => translators[lang].t;
