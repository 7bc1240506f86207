/** A building import's warnings in the user's language: those of a known kind translated, any other as the core says it. */
import type { BuildingImportSummary } from '../../models/contract/index.js';
import { importWarningText, type ImportWarningCode } from '../../models/import-warning-codes.js';
import { filesMessagesDe } from '../i18n/files-messages.js';
import type { I18n, MessageKey } from '../i18n/i18n.js';

export function warningLines(i18n: I18n, s: BuildingImportSummary): string[] {
  const known = s.warningDetails ?? [];
  const t = i18n.t as (key: MessageKey, params: Readonly<Record<string, string | number>>) => string;
  return [
    ...known.map((w) => importWarningText(w, (key, params) => t(key as MessageKey, params))),
    ...s.warnings.filter((w) => !known.some((d) => w.startsWith(d.message))),
  ];
}

/** Every kind has a text in the UI's table (a kind added without one fails the typecheck). */
const everyCode: Readonly<Record<`import.warning.code.${ImportWarningCode}`, string>> = filesMessagesDe;
void everyCode;
