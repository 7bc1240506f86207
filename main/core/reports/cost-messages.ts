/** The reports' words for costs (PDF page, XLSX sheet, costs CSV), German and English; a table beside messages.ts. */
import { defineMessages } from '../../../models/i18n/define-messages.js';
import { createTranslators } from '../../../models/i18n/translator.js';
import type { Language } from '../../../models/values.js';

export const reportCostMessages = defineMessages({
  de: {
    'costs.title': 'Kosten',
    'costs.intro': 'Kosten aus den hinterlegten Tarifen je Gebäude und Energieträger: Bezug je Viertelstunde zum dann gültigen Arbeitspreis (dynamische Tarife: Viertelstundenpreis plus Aufschlag), Grundpreise anteilig je Tag des Kalendermonats, abzüglich der Einspeisevergütung.',
    'costs.sheet': 'Kosten',
    'costs.building': 'Gebäude',
    'costs.carrier': 'Energieträger',
    'costs.energy': 'Energie',
    'costs.fixed': 'Grundpreise',
    'costs.feedIn': 'Einspeisevergütung',
    'costs.net': 'Nettokosten',
    'costs.reference': 'ohne Eigenerzeugung',
    'costs.savings': 'Ersparnis',
    'costs.unpriced': 'Bezug ohne Tarif',
    'costs.total': 'gesamt',
    'costs.district': 'Quartier',
    'costs.rules': 'Regeln',
  },
  en: {
    'costs.title': 'Costs',
    'costs.intro': 'Costs from the stored tariffs per building and carrier: import per quarter hour at the energy price valid then (dynamic tariffs: the quarter-hour price plus the surcharge), fixed charges pro rata per day of the calendar month, less the feed-in payment.',
    'costs.sheet': 'Costs',
    'costs.building': 'Building',
    'costs.carrier': 'Carrier',
    'costs.energy': 'Energy',
    'costs.fixed': 'Fixed charges',
    'costs.feedIn': 'Feed-in payment',
    'costs.net': 'Net cost',
    'costs.reference': 'without own generation',
    'costs.savings': 'Savings',
    'costs.unpriced': 'Import without tariff',
    'costs.total': 'total',
    'costs.district': 'District',
    'costs.rules': 'Rules',
  },
});

const translators = createTranslators(reportCostMessages);
export const reportCostText = (lang: Language) => translators[lang].t;
