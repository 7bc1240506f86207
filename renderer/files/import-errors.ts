/** A building file's problem in the user's language: what is wrong, where, and that nothing was imported. */
import type { ErrorCode } from '../../models/error-codes.js';
import type { I18n, MessageKey } from '../i18n/i18n.js';
import { importProblemText, isImportProblemCode, type ImportProblemCode } from '../../models/import-problem-codes.js';
import { filesMessagesDe } from '../i18n/files-messages.js';

type ImportCode = Extract<ErrorCode, `import.${string}`>;

export function importErrorText(i18n: I18n, code: ImportCode, params: Readonly<Record<string, string | number>>): string {
  const file = String(params['file'] ?? '');
  const line = Number(params['line'] ?? 0);
  const column = Number(params['column'] ?? 0);
  // the problem's own code from the core (models/import-problem-codes.ts) in the user's language, else its English words
  const own = params['problemCode'];
  const t = i18n.t as (key: MessageKey, p: Readonly<Record<string, string | number>>) => string;
  const problem = isImportProblemCode(own) ? importProblemText({ code: own, params }, (key, p) => t(key as MessageKey, p)) : String(params['problem'] ?? '');
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

/** Every problem code has a text in the UI's table (a code added without one fails the typecheck). */
const everyProblem: Readonly<Record<`import.problem.${ImportProblemCode}`, string>> = filesMessagesDe;
void everyProblem;
