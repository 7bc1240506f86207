/**
 * The core's own words for API failures it states in the user's language (the settings' language), where the UI
 * shows the message as it comes: so far the refusal of a write against a central database opened read-only.
 */
import { defineMessages } from '../../../models/i18n/define-messages.js';
import { createTranslators } from '../../../models/i18n/translator.js';
import type { Language } from '../../../models/values.js';

export const apiMessages = defineMessages({
  de: {
    'store.readOnly':
      'Nicht möglich: Diese Ansicht liest die zentrale Datenbank {source} (Standort {site}) nur. Geräte, Gebäude und Messwerte ändern Sie am Sammler des Standorts (plustwin collect); die Änderung erscheint hier, sobald er sie übertragen hat.',
    'sites.unknown': 'Die zentrale Datenbank hält keinen Standort „{site}“. Vorhanden: {sites}.',
    'sites.fileHasOne': 'Eine Quartiersdatei hält genau einen Standort; einen anderen zeigt nur eine zentrale Datenbank.',
  },
  en: {
    'store.readOnly':
      'Not possible: this view only reads the central database {source} (site {site}). Change devices, buildings and readings at the site\'s collector (plustwin collect); the change shows here once it has been sent.',
    'sites.unknown': 'The central database holds no site "{site}". There are: {sites}.',
    'sites.fileHasOne': 'A district file holds exactly one site; only a central database shows others.',
  },
});

const translators = createTranslators(apiMessages);

export const apiText = (lang: Language) => translators[lang].t;
