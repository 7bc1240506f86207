/**
 * The one message mechanism: each surface (renderer, reports, desktop menus, CLI) keeps its own table file, built
 * with defineMessages, and looks texts up through createTranslator (translator.ts). The types make the tables and
 * every lookup checkable by tsc:
 * - the keys are the German table's keys; the English table must have exactly the same keys (a missing or extra
 *   key is a compile error), and each English text every {placeholder} of the German one;
 * - a lookup's key must be one of them (a misspelt key, or a key built from a value that has no text, fails the
 *   typecheck), and a text with placeholders needs exactly those parameters.
 */
import type { Language } from '../values.js';

/** The placeholder names of a text: 'Zeile {line}: {message}' gives 'line' | 'message'. */
export type PlaceholdersOf<S extends string> = string extends S
  ? string
  : S extends `${string}{${infer Name}}${infer Rest}`
    ? Name | PlaceholdersOf<Rest>
    : never;

/** A parameter value: numbers are formatted for the locale (decimal comma in German). */
export type MessageParam = string | number;

/** A German text table: key → text. */
export type MessageTexts = Readonly<Record<string, string>>;

/** What a table built with defineMessages holds: both languages, the keys typed by the German table. */
export interface MessageTable<De extends MessageTexts> {
  readonly texts: { readonly de: De } & { readonly [L in Exclude<Language, 'de'>]: { readonly [K in keyof De]: string } };
}

/** The German table's type (its literal texts carry the placeholders). */
export type TextsOf<T> = T extends MessageTable<infer De> ? De : never;
/** The keys of a table: what a lookup accepts. */
export type KeyOf<T> = keyof TextsOf<T> & string;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** A text that contains each of the placeholders P ('{line}' and '{message}' for 'line' | 'message'). */
export type WithPlaceholders<P extends string> = [P] extends [never]
  ? string
  : UnionToIntersection<P extends string ? `${string}{${P}}${string}` : never>;

/**
 * The English table as it must be: every German key, none other (an inline table gets the excess-property check),
 * each text with every placeholder of the German text. tsc cannot rule out an extra placeholder in English; the
 * unit test test/unit/i18n/typed-messages.test.ts compares them for every table.
 */
export type EnglishFor<De extends MessageTexts> = { readonly [K in keyof De]: WithPlaceholders<PlaceholdersOf<De[K]>> };

/**
 * A surface's table. Write both languages inline; `const` keeps each text's literal type, which is what lets tsc
 * see the placeholders.
 */
export function defineMessages<const De extends MessageTexts>(tables: { readonly de: De; readonly en: NoInfer<EnglishFor<De>> }): MessageTable<De> {
  // every member of EnglishFor is a string; tsc cannot see through the intersection of template literals
  return { texts: { de: tables.de, en: tables.en as { readonly [K in keyof De]: string } } };
}

/**
 * The bases of plural texts: 'history.errors' when the table has 'history.errors.other' (and, as the language
 * needs, 'history.errors.one' etc., the categories of Intl.PluralRules).
 */
export type PluralBaseOf<De extends MessageTexts> = { [K in keyof De]: K extends `${infer B}.other` ? B : never }[keyof De];

/** The keys whose text has no placeholders: what a static page can name (data-i18n="…"), checked at run time. */
export type PlainKeyOf<T> = { [K in KeyOf<T>]: [PlaceholdersOf<TextsOf<T>[K]>] extends [never] ? K : never }[KeyOf<T>];

/** For keys only known at run time (an HTML attribute): is it a key of the table whose text needs no parameters? */
export function isPlainKey<T extends MessageTable<MessageTexts>>(table: T, key: string | undefined): key is PlainKeyOf<T> {
  const texts: Readonly<Record<string, string>> = table.texts.de;
  return key !== undefined && Object.hasOwn(texts, key) && !/\{\w+\}/.test(texts[key] ?? '');
}
