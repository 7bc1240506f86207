/**
 * The command line's own words in German and English, built with the shared mechanism (models/i18n/): one table
 * composed of a file per command (messages/*.ts), so a lookup of a key that is not in any of them fails the
 * typecheck. Everything a command prints (results, progress, usage mistakes, errors) follows --lang or LANG.
 */
import type { MessageTable } from '../../../models/i18n/define-messages.js';
import type { ErrorCode } from '../../../models/error-codes.js';
import type { HistoryLineCode } from '../../../models/history-line-codes.js';
import type { ImportProblemCode } from '../../../models/import-problem-codes.js';
import type { ImportWarningCode } from '../../../models/import-warning-codes.js';
import type { DistrictFileCode } from '../../core/store/district-file.js';
import type { Language } from '../../../models/values.js';
import { createTranslators } from '../../../models/i18n/translator.js';
import { balanceMessages } from './messages/balance.js';
import { commonMessages } from './messages/common.js';
import { devicesMessages } from './messages/devices.js';
import { districtMessages } from './messages/district.js';
import { errorMessages } from './messages/errors.js';
import { historyMessages } from './messages/history.js';
import { importMessages } from './messages/import.js';
import { lightsMessages } from './messages/lights.js';
import { planningMessages } from './messages/planning.js';
import { pvMessages } from './messages/pv.js';
import { tariffMessages } from './messages/tariff.js';

const de = {
  ...commonMessages.texts.de,
  ...balanceMessages.texts.de,
  ...devicesMessages.texts.de,
  ...districtMessages.texts.de,
  ...errorMessages.texts.de,
  ...historyMessages.texts.de,
  ...importMessages.texts.de,
  ...lightsMessages.texts.de,
  ...planningMessages.texts.de,
  ...pvMessages.texts.de,
  ...tariffMessages.texts.de,
};
const en = {
  ...commonMessages.texts.en,
  ...balanceMessages.texts.en,
  ...devicesMessages.texts.en,
  ...districtMessages.texts.en,
  ...errorMessages.texts.en,
  ...historyMessages.texts.en,
  ...importMessages.texts.en,
  ...lightsMessages.texts.en,
  ...planningMessages.texts.en,
  ...pvMessages.texts.en,
  ...tariffMessages.texts.en,
};

export const cliMessages: MessageTable<typeof de> = { texts: { de, en } };

/** Every coded core failure has a CLI text (a code added to models/error-codes.ts without one fails here). */
const everyCode: Readonly<Record<`error.${ErrorCode}`, string>> = errorMessages.texts.de;
void everyCode;
/** The same for the codes of a history file's lines, a building file's problems and warnings, and a district file. */
const everyHistoryCode: Readonly<Record<`history.problem.${HistoryLineCode}`, string>> = historyMessages.texts.de;
const everyImportCode: Readonly<Record<`import.problem.${ImportProblemCode}` | `import.warning.code.${ImportWarningCode}`, string>> = importMessages.texts.de;
const everyDistrictCode: Readonly<Record<`district.problem.${DistrictFileCode}`, string>> = districtMessages.texts.de;
void everyHistoryCode;
void everyImportCode;
void everyDistrictCode;

const translators = createTranslators(cliMessages);

export const cliText = (lang: Language) => translators[lang].t;

/** A key known only at run time (a UsageError's text from the shared argument parser), or undefined. */
export const cliTextLoose = (lang: Language, key: string, params: Readonly<Record<string, string | number>> = {}): string | undefined =>
  Object.hasOwn(cliMessages.texts.de, key) ? (translators[lang].t as (k: string, p: Readonly<Record<string, string | number>>) => string)(key, params) : undefined;
