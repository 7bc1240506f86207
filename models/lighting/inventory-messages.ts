/**
 * The street-light inventory's problems in German and English: the parser records a code and its parameters per
 * problem, and each surface (CLI, API, UI) shows them in the user's language, with the line or feature they are at.
 */
import { defineMessages } from '../i18n/define-messages.js';
import { createTranslators } from '../i18n/translator.js';
import type { Language } from '../values.js';

export const inventoryMessages = defineMessages({
  de: {
    'at.line': 'Zeile {n}',
    'at.feature': 'Objekt {n}',
    'empty': 'die Datei ist leer',
    'notCollection': 'keine GeoJSON-FeatureCollection',
    'headerLacks': 'der Kopfzeile fehlen {columns}',
    'notPoint': 'eine Straßenleuchte ist ein Point',
    'notNumber': "{field} '{value}' ist keine Zahl",
    'idMissing': 'id fehlt',
    'notWgs84': 'Position {lon}, {lat} ist keine WGS84-Länge/Breite',
    'powerNotPositive': 'power_w muss über 0 liegen',
    'ledNotYesNo': "led '{value}' ist weder ja noch nein",
    'schedule': 'Dimmplan {problem}',
    'schedule.notLevel': "'{part}' ist keine Stufe wie 50@05:00",
    'schedule.over100': "'{part}': eine Stufe ist höchstens 100 %",
    'schedule.lastOnly': "'{part}': nur die letzte Stufe darf ohne Uhrzeit sein",
    'duplicate': "id '{id}' kommt zweimal vor",
  },
  en: {
    'at.line': 'line {n}',
    'at.feature': 'feature {n}',
    'empty': 'the file is empty',
    'notCollection': 'not a GeoJSON FeatureCollection',
    'headerLacks': 'the header lacks {columns}',
    'notPoint': 'a street light is a Point',
    'notNumber': "{field} '{value}' is not a number",
    'idMissing': 'id is missing',
    'notWgs84': 'position {lon}, {lat} is not WGS84 longitude, latitude',
    'powerNotPositive': 'power_w must be above 0',
    'ledNotYesNo': "led '{value}' is not yes or no",
    'schedule': 'schedule {problem}',
    'schedule.notLevel': "'{part}' is not a level like 50@05:00",
    'schedule.over100': "'{part}': a level is at most 100 %",
    'schedule.lastOnly': "'{part}': only the last level may go without a time",
    'duplicate': "id '{id}' appears twice",
  },
});

/** A problem's text without its place. */
export type InventoryProblemCode = Exclude<keyof (typeof inventoryMessages)['texts']['de'], 'at.line' | 'at.feature' | 'schedule'> | 'schedule';

export interface InventoryProblem {
  /** Line of the CSV file (1 = header) or index of the GeoJSON feature (from 0); absent for the whole file. */
  readonly at?: { readonly kind: 'line' | 'feature'; readonly n: number };
  readonly code: InventoryProblemCode;
  /** Placeholder values, already as text (positions keep the file's digits). */
  readonly params: Readonly<Record<string, string>>;
  /** For code 'schedule': what is wrong with the schedule. */
  readonly schedule?: { readonly code: 'schedule.notLevel' | 'schedule.over100' | 'schedule.lastOnly'; readonly part: string };
}

const translators = createTranslators(inventoryMessages);

/** "line 3: power_w must be above 0" in the language asked for; file names are prefixed by the caller. */
export function inventoryProblemText(p: InventoryProblem, lang: Language): string {
  const t = translators[lang].t as (key: string, params?: Readonly<Record<string, string | number>>) => string;
  const params = p.schedule === undefined ? p.params : { ...p.params, problem: t(p.schedule.code, { part: p.schedule.part }) };
  const text = t(p.code, params);
  // feature numbers count from 0 as GeoJSON tools list them; line numbers from 1 as editors do
  return p.at === undefined ? text : `${t(`at.${p.at.kind}`, { n: String(p.at.n) })}: ${text}`;
}
