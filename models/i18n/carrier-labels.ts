/**
 * Energy carriers and fuels by their names in German and English (the table of analysis-notes.ts, which the notes
 * use too), and a plain number for an efficiency or SCOP: for every surface that would otherwise print an id such as
 * 'oil' or 'district-heat'.
 */
import type { Language } from '../values.js';
import { DEFAULT_LOCALE } from './locales.js';
import { analysisNoteMessages } from './analysis-notes.js';


/** A carrier's or fuel's name in `lang`; an id the table does not know stays as it is. */
export function carrierLabel(lang: Language, carrier: string): string {
  const texts: Readonly<Record<string, string>> = analysisNoteMessages.texts[lang];
  return texts[`carrier.${carrier}`] ?? carrier;
}

const efficiencyFormats: Readonly<Record<Language, Intl.NumberFormat>> = {
  de: new Intl.NumberFormat(DEFAULT_LOCALE.de, { maximumFractionDigits: 3 }),
  en: new Intl.NumberFormat(DEFAULT_LOCALE.en, { maximumFractionDigits: 3, useGrouping: false }),
};

/** An efficiency or SCOP as entered (up to three decimals), with the language's decimal mark. */
export const efficiencyText = (lang: Language, v: number): string => efficiencyFormats[lang].format(v);
