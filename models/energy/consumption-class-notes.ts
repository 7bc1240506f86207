/**
 * The rules behind the consumption classes (consumption-classes.ts) in German and English: the analysis' English
 * `assumptions` of ConsumptionClasses are made from this table, and the CLI and the reports print it in their
 * language, so the two never say different things.
 */
import { defineMessages } from '../i18n/define-messages.js';
import { createTranslators } from '../i18n/translator.js';
import type { Language } from '../values.js';

export const consumptionClassNotes = defineMessages({
  de: {
    'eMobility':
      'E-Mobilität: Zähler der Ladepunkte und Wallboxen im jeweiligen Gebäude; abgeschlossene OCPP-Ladevorgänge von Ladepunkten ohne Gebäude, gleichmäßig über jeden Ladevorgang verteilt, außerhalb aller Gebäude.',
    'lighting':
      'Öffentliche Beleuchtung: Straßenleuchten berechnet aus der bürgerlichen Dämmerung (Sonne 6° unter dem Horizont) und dem Dimmplan jeder Leuchte, Nennleistung x Stufe, außerhalb aller Gebäude; Leuchten mit einem Zähler am Beleuchtungskreis nehmen dessen Energie.',
    'coverage':
      'Deckung je Zeitschritt: eine Last in einem Gebäude hat anteilig an dessen PV-Eigennutzung teil (Last x min(E, V) / V); der Rest anteilig am Überschuss des Quartiers (min(1, Einspeisung / (Bezug + Lasten außerhalb der Gebäude))); der Rest ist Netz.',
  },
  en: {
    'eMobility':
      'E-Mobilität: charge point and wallbox meters inside their buildings; closed OCPP sessions of charge points attached to no building, spread evenly over each session, outside every building.',
    'lighting':
      "Öffentliche Beleuchtung: street lights computed from civil twilight (sun 6° below the horizon) and each light's dimming schedule at rated power x level, outside every building; lights with a lighting-circuit meter take that meter's energy instead.",
    'coverage':
      "Coverage per step: a load inside a building shares its PV use pro rata (load x min(G, L) / L); the rest shares the district's surplus pro rata (min(1, export / (import + loads outside buildings))); the remainder is grid.",
  },
});

const translators = createTranslators(consumptionClassNotes);

/** The rules in lang, in the order the classes are shown. */
export const consumptionClassNoteTexts = (lang: Language): string[] => {
  const t = translators[lang].t;
  return [t('eMobility'), t('lighting'), t('coverage')];
};
