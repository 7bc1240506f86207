/** Calls serve mode's API from the test process, to compare what the UI shows with what the core says. */
import { HTTP_CALL_PATH, type ArgsOf, type MethodName, type ResultOf } from '../../models/contract/index.js';
import type { Result } from '../../models/result.js';

export async function callApi<M extends MethodName>(baseUrl: string, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const response = await fetch(new URL(HTTP_CALL_PATH, baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method, args }),
  });
  const result = (await response.json()) as Result<ResultOf<M>>;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.kind}: ${result.error.message}`);
  return result.value;
}
