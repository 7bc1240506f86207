/**
 * The Intl locale each language formats numbers and dates with where nothing more specific is known (the UI's
 * English follows the browser's English locale instead, renderer/i18n/i18n.ts). The languages themselves are
 * LANGUAGES in models/values.ts.
 */
import type { Language } from '../values.js';

export const DEFAULT_LOCALE: Readonly<Record<Language, string>> = { de: 'de-DE', en: 'en-GB' };
