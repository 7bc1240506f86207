/** A building file's problem in the user's language: what is wrong, where, and that nothing was imported. */
import type { ErrorCode } from '../../models/error-codes.js';
import type { I18n } from '../i18n/i18n.js';

type ImportCode = Extract<ErrorCode, `import.${string}`>;

export function importErrorText(i18n: I18n, code: ImportCode, params: Readonly<Record<string, string | number>>): string {
  const file = String(params['file'] ?? '');
  const line = Number(params['line'] ?? 0);
  const column = Number(params['column'] ?? 0);
  const problem = String(params['problem'] ?? '');
  // the problem ends a sentence of the frame: its own '?' or '.' ends it, else a full stop does
  const sentence = /[.?!]$/.test(problem) ? problem : `${problem}.`;
  const at = line > 0 ? i18n.t('import.error.at', { line, column }) : '';
  switch (code) {
    case 'import.json':
      return i18n.t('error.import.json', { file, at, problem });
    case 'import.format':
      return i18n.t('error.import.format', { file });
    case 'import.empty':
      return i18n.t('error.import.empty', { file });
    case 'import.tooLarge':
      return i18n.t('error.import.tooLarge', { file, limitMb: String(params['limitMb'] ?? '') });
    case 'import.noBuildings':
      return i18n.t('error.import.noBuildings', { file });
    case 'import.problem':
      return i18n.t('error.import.problem', { file, at, problem: sentence });
  }
}
