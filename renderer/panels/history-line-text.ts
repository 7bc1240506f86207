/** A history CSV's bad or doubtful line in the user's language: "Zeile 4: „zwanzig“ ist keine Zahl" (line 0: the file). */
import { HISTORY_LINE_CODES, type HistoryLineProblem } from '../../models/history-line-codes.js';
import type { I18n, MessageKey } from '../i18n/i18n.js';

/** Every code has a text (a code added without one fails the typecheck). */
const KEYS: Readonly<Record<(typeof HISTORY_LINE_CODES)[number], MessageKey>> = Object.fromEntries(
  HISTORY_LINE_CODES.map((c) => [c, `history.problem.${c}` satisfies MessageKey]),
) as Record<(typeof HISTORY_LINE_CODES)[number], MessageKey>;

export function historyLineText(i18n: I18n, p: HistoryLineProblem): string {
  const key = (KEYS as Partial<Record<string, MessageKey>>)[p.code];
  // a problem from an older core without a code: its English words as they are
  const message = key === undefined ? p.message : (i18n.t as (k: MessageKey, params: Readonly<Record<string, string | number>>) => string)(key, p.params ?? {});
  // line numbers as written in the file: 1234, not 1.234
  if (p.line > 0) return i18n.t('history.line', { line: String(p.line), message });
  return message.charAt(0).toLocaleUpperCase(i18n.locale) + message.slice(1);
}
