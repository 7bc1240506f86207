/** Calls for the device UI: a Result becomes the value or a DeviceApiError carrying the typed error. */
import type { ArgsOf, MethodName, PlusTwinApi, ResultOf } from '../../models/contract/index.js';
import type { ErrorCode } from '../../models/error-codes.js';
import type { ApiError } from '../../models/result.js';
import type { I18n } from '../i18n/i18n.js';

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
  if (i18n && e instanceof DeviceApiError && e.error.code) return i18n.t(`error.${e.error.code}`, { profiles: '', ...e.error.params, ...extra });
  return e instanceof Error ? e.message : String(e);
}

/** The failure's code from the core, if it has one. */
export const errorCode = (e: unknown): ErrorCode | undefined => (e instanceof DeviceApiError ? e.error.code : undefined);

/** The core names an untrusted server certificate in its message; the UI then offers the trust dialog. */
export const isCertificateProblem = (e: unknown): boolean => /certificate is not trusted/i.test(errorText(e));
