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
    'lights.cannotRead': '{file} kann nicht gelesen werden: {reason}',
    'lights.noSuchFile': 'die Datei gibt es nicht',
    'lights.tooBig': '{file} ist größer als {mb} MB, keine Leuchtendatei',
    'lights.nothingImported': '{file}: {count} Problem(e), nichts importiert, der Bestand ist unverändert',
    'lights.imported': '{count} Straßenleuchten im Bestand ({added} neu, {updated} aktualisiert, {removed} entfernt)',
  },
  en: {
    'yes': 'yes',
    'no': 'no',
    'lights.cannotRead': 'cannot read {file}: {reason}',
    'lights.noSuchFile': 'no such file',
    'lights.tooBig': '{file} is larger than {mb} MB, not a street-light file',
    'lights.nothingImported': '{file}: {count} problem(s), nothing imported, the inventory is unchanged',
    'lights.imported': '{count} street lights in the inventory ({added} new, {updated} updated, {removed} removed)',
  },
});

const translators = createTranslators(cliMessages);

export const cliText = (lang: Language) => translators[lang].t;
