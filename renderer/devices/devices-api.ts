/** Calls for the device UI: a Result becomes the value or a DeviceApiError carrying the typed error. */
import type { ArgsOf, MethodName, PlusTwinApi, ResultOf } from '../../models/contract/index.js';
import type { ErrorCode } from '../../models/error-codes.js';
import type { ApiError } from '../../models/result.js';
import type { I18n } from '../i18n/i18n.js';
import { importErrorText } from '../files/import-errors.js';
import { tariffCsvErrorText } from '../panels/tariff-csv-text.js';
import { inputErrorText } from '../i18n/input-error-text.js';
import { tariffErrorText } from '../panels/tariff-errors.js';

export class DeviceApiError extends Error {
  constructor(readonly error: ApiError) {
    super(error.where ? `${error.message} (${error.where})` : error.message);
  }
}

export async function callApi<M extends MethodName>(api: PlusTwinApi, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const r = await api.call(method, args);
  if (!r.ok) throw new DeviceApiError(r.error);
  return r.value;
}

/**
 * What to show for a failure: with i18n and a code from the core, the translated text with its hint and next step
 * (extra fills what only the UI knows, e.g. the profile list); otherwise the core's message as it is.
 */
export function errorText(e: unknown, i18n?: I18n, extra?: Readonly<Record<string, string>>): string {
  if (i18n && e instanceof DeviceApiError && e.error.code) return codeText(i18n, e.error.code, e.error.params ?? {}, extra ?? {});
  return e instanceof Error ? e.message : String(e);
}

/** One case per code, so that each text gets exactly its parameters (checked by tsc against the table). */
function codeText(i18n: I18n, code: ErrorCode, params: Readonly<Record<string, string | number>>, extra: Readonly<Record<string, string>>): string {
  switch (code) {
    case 'sunspec.notFound':
      return i18n.t('error.sunspec.notFound', { registers: String(params['registers'] ?? ''), profiles: extra['profiles'] ?? '' });
    case 'address.scheme':
      return i18n.t('error.address.scheme');
    case 'device.refused':
      return i18n.t('error.device.refused', { address: String(params['address'] ?? '') });
    case 'device.unknownHost':
      return i18n.t('error.device.unknownHost', { host: String(params['host'] ?? '') });
    case 'device.unreachable':
      return i18n.t('error.device.unreachable', { address: String(params['address'] ?? '') });
    case 'device.closed':
      return i18n.t('error.device.closed');
    case 'device.timeout':
      return i18n.t('error.device.timeout', { ms: String(params['ms'] ?? '') });
    case 'modbus.illegalAddress':
      return i18n.t('error.modbus.illegalAddress');
    case 'modbus.exception':
      return i18n.t('error.modbus.exception', { code: String(params['code'] ?? ''), name: String(params['name'] ?? '') });
    case 'opcua.login':
      return i18n.t('error.opcua.login');
    case 'opcua.certificate':
      return i18n.t('error.opcua.certificate');
    case 'report.noChromium':
      return i18n.t('error.report.noChromium');
    case 'import.json':
    case 'import.format':
    case 'import.empty':
    case 'import.tooLarge':
    case 'import.noBuildings':
    case 'import.problem':
      return importErrorText(i18n, code, params);
    case 'tariff.csv':
      return tariffCsvErrorText(i18n, params);
    case 'tariff.exists':
    case 'tariff.overlap':
    case 'tariff.needsPrices':
      return tariffErrorText(i18n, code, params);
    case 'input.required':
    case 'input.type':
    case 'input.tooSmall':
    case 'input.tooBig':
    case 'input.between':
    case 'input.tooShort':
    case 'input.tooLong':
    case 'input.oneOf':
    case 'input.format':
    case 'input.order':
    case 'input.unknown':
    case 'input.invalid':
      return inputErrorText(i18n, code, params);
  }
}

/** The failure's code from the core, if it has one. */
export const errorCode = (e: unknown): ErrorCode | undefined => (e instanceof DeviceApiError ? e.error.code : undefined);

/** The core names an untrusted server certificate in its message; the UI then offers the trust dialog. */
export const isCertificateProblem = (e: unknown): boolean => /certificate is not trusted/i.test(errorText(e));
