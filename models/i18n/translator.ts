/**
 * Looks texts up in a table built with defineMessages, in one language, and fills in {placeholders}: numbers through
 * Intl.NumberFormat for the locale (German: decimal comma, dot for thousands), whole numbers without decimals and
 * others with one (give a formatted string for anything else); a count picks its singular or plural text through
 * Intl.PluralRules (plural below).
 */
import type { MessageParam, MessageTable, MessageTexts, PlaceholdersOf, PluralBaseOf } from './define-messages.js';
import { LANGUAGES, type Language } from '../values.js';
import { DEFAULT_LOCALE } from './locales.js';

/** No argument for a text without placeholders; exactly its placeholders for one with them. */
export type ParamsFor<S extends string> = [PlaceholdersOf<S>] extends [never]
  ? []
  : [params: { readonly [P in PlaceholdersOf<S>]: MessageParam }];

export type Translate<De extends MessageTexts> = <K extends keyof De & string>(key: K, ...params: ParamsFor<De[K]>) => string;

/**
 * A count's text: `${base}.${category}` by Intl.PluralRules for the locale ('one' for 1 in German and English),
 * `${base}.other` where the table has no text for the category. The count fills {count}.
 */
export type TranslatePlural<De extends MessageTexts> = <B extends PluralBaseOf<De>>(
  base: B,
  count: number,
  ...params: ParamsFor<RemoveCount<De[`${B}.other` & keyof De]>>
) => string;

/** The text's placeholders other than {count}, which the count fills. */
type RemoveCount<S> = S extends `${infer A}{count}${infer B}` ? RemoveCount<`${A}${B}`> : S extends string ? S : never;

export interface Translator<De extends MessageTexts> {
  readonly lang: Language;
  readonly locale: string;
  readonly t: Translate<De>;
  readonly plural: TranslatePlural<De>;
}

export function createTranslator<De extends MessageTexts>(table: MessageTable<De>, lang: Language, locale: string): Translator<De> {
  const texts: Readonly<Record<string, string>> = table.texts[lang];
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const t = (key: string, params?: Readonly<Record<string, MessageParam>>): string => {
    // the types rule out a key without a text; a table edited at run time (never) would show the key, not a blank
    const text = texts[key] ?? key;
    if (params === undefined) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => {
      const v = params[name];
      if (v === undefined) return m;
      return typeof v === 'number' ? (Number.isInteger(v) ? whole : oneDecimal).format(v) : v;
    });
  };
  const rules = new Intl.PluralRules(locale);
  const plural = (base: string, count: number, params?: Readonly<Record<string, MessageParam>>): string => {
    const exact = `${base}.${rules.select(count)}`;
    return t(texts[exact] === undefined ? `${base}.other` : exact, { ...params, count });
  };
  return { lang, locale, t: t as Translate<De>, plural: plural as TranslatePlural<De> };
}

/** A translator per language, each with the language's default locale (reports, menus, the CLI). */
export function createTranslators<De extends MessageTexts>(table: MessageTable<De>): Readonly<Record<Language, Translator<De>>> {
  const out = {} as Record<Language, Translator<De>>;
  for (const lang of LANGUAGES) out[lang] = createTranslator(table, lang, DEFAULT_LOCALE[lang]);
  return out;
}
