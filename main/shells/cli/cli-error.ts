/**
 * The CLI's failures with their text keys: a usage mistake (exit 2, printed with the usage) or a problem with the
 * input (exit 1). Each carries its English message (what tests and logs of other shells read) and the key runCli
 * prints in the run's language; core failures with a code (models/error-codes.ts) get the CLI's text and hint.
 */
import type { KeyOf, TextsOf } from '../../../models/i18n/define-messages.js';
import type { ParamsFor } from '../../../models/i18n/translator.js';
import type { Language } from '../../../models/values.js';
import { DeviceError } from '../../../drivers/device-driver.js';
import { ApiFailure } from '../../core/base/failure.js';
import { deviceErrorDetail } from '../../core/api/device-error-detail.js';
import { ImportError } from '../../core/importers/import-error.js';
import type { ErrorDetail } from '../../../models/error-codes.js';
import { inputTextKey } from '../../../models/input-error-text.js';
import { localDate } from './local-date.js';
import { importProblemCode, importProblemText } from '../../../models/import-problem-codes.js';
import { UsageError, type MessageRef } from '../common/command.js';
import type { cliMessages} from './messages.js';
import { cliText, cliTextLoose } from './messages.js';

export type CliKey = KeyOf<typeof cliMessages>;
type CliParams<K extends CliKey> = ParamsFor<TextsOf<typeof cliMessages>[K]>;

const english = cliText('en') as (key: string, params?: Readonly<Record<string, string | number>>) => string;
const ref = (key: string, params: readonly unknown[]): MessageRef => ({ key, params: (params[0] ?? {}) as MessageRef['params'] });

/** A usage mistake by key: `throw usageError('usage.required', { flag: '--db FILE' })`. */
export const usageError = <K extends CliKey>(key: K, ...params: CliParams<K>): UsageError => {
  const r = ref(key, params);
  return new UsageError(english(key, r.params), r);
};

/** A problem with the input or the environment (a file, a device): exit 1, no usage. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
  constructor(
    message: string,
    readonly text: MessageRef,
  ) {
    super(message);
  }
}

export const cliFailure = <K extends CliKey>(key: K, ...params: CliParams<K>): CliFailure => {
  const r = ref(key, params);
  return new CliFailure(english(key, r.params), r);
};

/** A building-file problem as the API codes it (main/core/api/file-handlers.ts does the same for uploads). */
const importRef = (e: ImportError): MessageRef => {
  const file = e.file;
  // line and column as text: a line 1234 must not print as 1.234 in German
  const base = { file, line: String(e.line ?? 0), column: String(e.column ?? 0), problem: e.problem };
  if (/^invalid JSON|^unexpected|unterminated|truncated/i.test(e.problem)) return { key: 'error.import.json', params: base };
  if (e.problem === 'the file is empty') return { key: 'error.import.empty', params: base };
  if (e.problem.startsWith('neither CityGML')) return { key: 'error.import.format', params: base };
  return { key: 'error.import.problem', params: { ...base, where: e.where } };
};

/**
 * A coded core failure in `lang`, or undefined where the CLI has no text for it. fields renames a schema's field
 * path to what the command's user typed (the flag, e.g. validTo → --to).
 */
export function codedText(lang: Language, detail: ErrorDetail, where = '', fields: Readonly<Record<string, string>> = {}): string | undefined {
  const params: Record<string, string | number> = { ...detail.params, where };
  if (detail.code.startsWith('input.')) {
    const field = String(detail.params['field'] ?? '');
    params['field'] = fields[field] ?? field;
    if (typeof detail.params['after'] === 'string') params['after'] = fields[detail.params['after']] ?? detail.params['after'];
    const expected = String(detail.params['expected'] ?? '');
    params['expected'] = cliTextLoose(lang, `error.input.expected.${expected}`) ?? expected;
  }
  if (detail.code === 'tariff.overlap') {
    // local days as the language writes them; an open end in words
    for (const k of ['from', 'to', 'otherFrom', 'otherTo']) {
      const day = String(detail.params[k] ?? '');
      params[k] = day === '' ? (cliTextLoose(lang, 'error.tariff.openEnd') ?? '') : localDate(lang, day);
    }
  }
  return cliTextLoose(lang, `error.${inputTextKey(detail)}`, params);
}

/** What a thrown error says in `lang`: its key's text where it has one, else its (English) message. */
export function errorText(lang: Language, e: unknown): string {
  if (e instanceof UsageError || e instanceof CliFailure) return (e.text && cliTextLoose(lang, e.text.key, e.text.params)) ?? e.message;
  if (e instanceof ApiFailure && e.detail !== undefined) return codedText(lang, e.detail, e.where) ?? e.message;
  if (e instanceof DeviceError) {
    // the device's own words stay beside the hint: they name the device and the low-level cause
    const detail = e.detail ?? deviceErrorDetail(e.message);
    const hint = detail && cliTextLoose(lang, `error.${detail.code}`, detail.params);
    return hint === undefined ? e.message : `${hint}\n  (${e.message})`;
  }
  // by name: the class lives beside playwright-core, which only `report` loads
  if (e instanceof Error && e.name === 'NoChromiumError') return `${cliTextLoose(lang, 'error.report.noChromium') ?? e.message}\n  (${e.message})`;
  if (e instanceof ImportError) {
    const r = importRef(e);
    // the problem's own code (models/import-problem-codes.ts) in the run's language, else its English words
    const own = r.key === 'error.import.problem' ? importProblemCode(e.problem) : undefined;
    if (own !== undefined) return cliTextLoose(lang, r.key, { ...r.params, problem: importProblemText(own, (key, params) => cliTextLoose(lang, key, params) ?? key) }) ?? e.message;
    return cliTextLoose(lang, r.key, r.params) ?? e.message;
  }
  return e instanceof Error ? e.message : String(e);
}
