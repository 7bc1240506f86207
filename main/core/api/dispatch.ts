/**
 * The single entry for every call from a UI, whatever the transport: checks the method name and arguments,
 * runs the handler and turns every outcome, thrown errors included, into a typed Result.
 */
import type { ZodError } from 'zod';
import type { ArgsOf, MethodName, ResultOf } from '../../../models/contract/index.js';
import type { ErrorDetail } from '../../../models/error-codes.js';
import { err, ok, type Result } from '../../../models/result.js';
import { argSchemas } from './schemas.js';
import { inputErrorDetail } from './input-error-detail.js';
import { ApiFailure } from '../base/failure.js';

export type Handlers = { [M in MethodName]: (args: ArgsOf<M>) => Promise<ResultOf<M>> };

const isMethod = (name: unknown): name is MethodName => typeof name === 'string' && Object.hasOwn(argSchemas, name);

const describeZod = (e: ZodError, input: unknown): { message: string; where: string; detail: ErrorDetail } => {
  const issue = e.issues[0];
  if (issue === undefined) return { message: 'invalid arguments', where: 'args', detail: { code: 'input.invalid', params: { field: 'args' } } };
  const where = issue.path.length > 0 ? issue.path.join('.') : 'args';
  // a device address of the wrong form: the one validation the UI explains with the schemes to choose from
  if (issue.code === 'invalid_format' && issue.path[issue.path.length - 1] === 'url') return { message: issue.message, where, detail: { code: 'address.scheme', params: {} } };
  return { message: issue.message, where, detail: inputErrorDetail(issue, input) };
};

const withDetail = (r: Result<never>, detail: ErrorDetail | undefined): Result<never> =>
  detail && !r.ok ? { ok: false, error: { ...r.error, code: detail.code, params: detail.params } } : r;

export async function dispatch(handlers: Handlers, method: unknown, args: unknown): Promise<Result<unknown>> {
  if (!isMethod(method)) return err('validation', `unknown method ${JSON.stringify(method)}`, 'method');
  const parsed = argSchemas[method].safeParse(args ?? {});
  if (!parsed.success) {
    const { message, where, detail } = describeZod(parsed.error, args ?? {});
    return withDetail(err('validation', `${method}: ${message}`, where), detail);
  }
  try {
    const handler = handlers[method] as (a: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (e) {
    if (e instanceof ApiFailure) return withDetail(err(e.kind, e.message, e.where), e.detail);
    return err('internal', `${method} failed: ${(e as Error).message ?? String(e)}`);
  }
}
