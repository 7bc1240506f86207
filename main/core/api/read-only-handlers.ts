/**
 * The API of a core that reads a central database (app/central-core.ts): the calls that would change the district
 * are refused before they run, and any write the store refuses (ReadOnlyStoreError) becomes the same error value,
 * in the user's language and naming what to do instead. Reads pass through unchanged, so the UI is the same.
 */
import type { MethodName } from '../../../models/contract/index.js';
import type { Language } from '../../../models/values.js';
import { ApiFailure } from '../base/failure.js';
import { ReadOnlyStoreError } from '../store/read-only.js';
import { apiText } from './api-messages.js';
import type { Handlers } from './dispatch.js';

/** Calls that write the district's store; refused at once (their handlers may do other work before the write). */
export const DISTRICT_WRITES = ['devices.add', 'devices.update', 'devices.remove', 'district.setHeatSupply', 'history.import', 'planning.setReportCategory'] as const satisfies readonly MethodName[];

export interface ReadOnlySource {
  /** The database address without its password. */
  readonly source: string;
  readonly site: string;
  /** The user's language at the time of the call (it may change in the settings). */
  readonly language: () => Promise<Language>;
}

export function readOnlyHandlers(handlers: Handlers, o: ReadOnlySource): Handlers {
  const refusal = async (method: string): Promise<ApiFailure> =>
    new ApiFailure('validation', apiText(await o.language())('store.readOnly', { source: o.source, site: o.site }), method);
  const writes = new Set<string>(DISTRICT_WRITES);
  const wrapped: Record<string, (args: never) => Promise<unknown>> = {};
  for (const [method, handler] of Object.entries(handlers) as [string, (args: never) => Promise<unknown>][]) {
    wrapped[method] = async (args: never) => {
      if (writes.has(method)) throw await refusal(method);
      try {
        return await handler(args);
      } catch (e) {
        if (e instanceof ReadOnlyStoreError) throw await refusal(method);
        throw e;
      }
    };
  }
  return wrapped as unknown as Handlers;
}
