/** Calls for the device UI: a Result becomes the value or a DeviceApiError carrying the typed error. */
import type { ArgsOf, MethodName, PlusTwinApi, ResultOf } from '../../models/contract/index.js';
import type { ApiError } from '../../models/result.js';

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

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The core names an untrusted server certificate in its message; the UI then offers the trust dialog. */
export const isCertificateProblem = (e: unknown): boolean => /certificate is not trusted/i.test(errorText(e));
