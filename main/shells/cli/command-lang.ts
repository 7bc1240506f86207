/** A command's language from its --lang flag, else LANG (or the command's own default); de or en, nothing else. */
import { usageError } from './cli-error.js';
import { langFrom, type Lang } from './number-format.js';

export const commandLang = (flag: string | undefined, fallback?: Lang): Lang => {
  const lang = flag === undefined && fallback !== undefined ? fallback : langFrom(flag, process.env['LANG']);
  if (lang === null) throw usageError('usage.lang', { got: flag ?? '' });
  return lang;
};

/** The usage line of --lang, for the commands whose messages are all they print in a language. */
export const LANG_USAGE = '  --lang de|en   language of the messages and numbers (default from LANG)';
