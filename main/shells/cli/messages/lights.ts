/** What `plustwin lights` prints, German and English. */
import { defineMessages } from '../../../../models/i18n/define-messages.js';

export const lightsMessages = defineMessages({
  de: {
    'lights.missingAction': 'import oder list fehlt',
    'lights.missingFile': 'die Leuchtendatei fehlt',
    'lights.tooBig': '{file} ist größer als {mb} MB, keine Leuchtendatei',
    'lights.nothingImported': '{file}: {count} Problem(e), nichts importiert, der Bestand ist unverändert',
    'lights.imported': '{count} Straßenleuchten im Bestand ({added} neu, {updated} aktualisiert, {removed} entfernt)',
  },
  en: {
    'lights.missingAction': 'missing import or list',
    'lights.missingFile': 'missing the inventory file',
    'lights.tooBig': '{file} is larger than {mb} MB, not a street-light file',
    'lights.nothingImported': '{file}: {count} problem(s), nothing imported, the inventory is unchanged',
    'lights.imported': '{count} street lights in the inventory ({added} new, {updated} updated, {removed} removed)',
  },
});
