/**
 * The command line's own words in German and English, built with the shared mechanism (models/i18n/): a lookup of
 * a key that is not here fails the typecheck. Only what the CLI already prints in the chosen language (--lang) is
 * here so far; usage and error texts are English.
 */
import { defineMessages } from '../../../models/i18n/define-messages.js';
import type { Language } from '../../../models/values.js';
import { createTranslators } from '../../../models/i18n/translator.js';

export const cliMessages = defineMessages({
  de: {
    'yes': 'ja',
    'no': 'nein',
  },
  en: {
    'yes': 'yes',
    'no': 'no',
  },
});

const translators = createTranslators(cliMessages);

export const cliText = (lang: Language) => translators[lang].t;
