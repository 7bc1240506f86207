/**
 * The one message mechanism: each surface (renderer, reports, desktop menus, CLI) keeps its own table file, built
 * with defineMessages, and looks texts up through createTranslator (translator.ts). The types make the tables and
 * every lookup checkable by tsc:
 * - the keys are the German table's keys; the English table must have exactly the same keys (a missing or extra
 *   key is a compile error), and the same {placeholders} in each text;
 * - a lookup's key must be one of them (a misspelt key, or a key built from a value that has no text, fails the
 *   typecheck), and a text with placeholders needs exactly those parameters.
 */
import type { Lang } from './languages.js';

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
  readonly texts: { readonly de: De } & { readonly [L in Exclude<Lang, 'de'>]: { readonly [K in keyof De]: string } };
}

/** The German table's type (its literal texts carry the placeholders). */
export type TextsOf<T> = T extends MessageTable<infer De> ? De : never;
/** The keys of a table: what a lookup accepts. */
export type KeyOf<T> = keyof TextsOf<T> & string;

type SamePlaceholders<A extends string, B extends string> = [PlaceholdersOf<A>] extends [PlaceholdersOf<B>]
  ? [PlaceholdersOf<B>] extends [PlaceholdersOf<A>]
    ? true
    : false
  : false;

/**
 * The English table as it must be: every German key, none other, each text with the German text's placeholders.
 * A text whose placeholders differ is typed as a message saying so, which the real text then does not match.
 */
export type EnglishFor<De extends MessageTexts, En> = {
  readonly [K in keyof De]: K extends keyof En
    ? En[K] extends string
      ? SamePlaceholders<De[K], En[K]> extends true
        ? En[K]
        : `placeholders must be those of the German text: ${De[K]}`
      : string
    : string;
} & { readonly [K in Exclude<keyof En, keyof De>]: never };

/**
 * A surface's table. Write both languages inline; `const` keeps each text's literal type, which is what lets tsc
 * see the placeholders.
 */
export function defineMessages<const De extends MessageTexts, const En extends MessageTexts>(tables: {
  readonly de: De;
  readonly en: En & EnglishFor<De, En>;
}): MessageTable<De> {
  // EnglishFor has checked the English table; its own literal type is of no use after that
  return { texts: { de: tables.de, en: tables.en as unknown as { readonly [K in keyof De]: string } } };
}

/** The keys whose text has no placeholders: what a static page can name (data-i18n="…"), checked at run time. */
export type PlainKeyOf<T> = { [K in KeyOf<T>]: [PlaceholdersOf<TextsOf<T>[K]>] extends [never] ? K : never }[KeyOf<T>];

/** For keys only known at run time (an HTML attribute): is it a key of the table whose text needs no parameters? */
export function isPlainKey<T extends MessageTable<MessageTexts>>(table: T, key: string | undefined): key is PlainKeyOf<T> {
  const texts: Readonly<Record<string, string>> = table.texts.de;
  return key !== undefined && Object.hasOwn(texts, key) && !/\{\w+\}/.test(texts[key] ?? '');
}
