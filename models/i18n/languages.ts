/**
 * The languages PlusTwin speaks, once for every surface (UI, reports, desktop menus, CLI) and every schema that
 * accepts a language. German first: it is the default everywhere.
 */
export const LANGUAGES = ['de', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const isLang = (v: unknown): v is Lang => (LANGUAGES as readonly unknown[]).includes(v);

/** The Intl locale a language formats numbers and dates with where nothing more specific is known. */
export const DEFAULT_LOCALE: Readonly<Record<Lang, string>> = { de: 'de-DE', en: 'en-GB' };
