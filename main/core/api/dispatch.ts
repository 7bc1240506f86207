/**
 * The single entry for every call from a UI, whatever the transport: checks the method name and arguments,
 * runs the handler and turns every outcome, thrown errors included, into a typed Result.
 */
import type { ZodError } from 'zod';
import type { ArgsOf, MethodName, ResultOf } from '../../../models/contract/index.js';
import { err, ok, type Result } from '../../../models/result.js';
import { argSchemas } from './schemas.js';
import { ApiFailure } from '../base/failure.js';

export type Handlers = { [M in MethodName]: (args: ArgsOf<M>) => Promise<ResultOf<M>> };

const isMethod = (name: unknown): name is MethodName => typeof name === 'string' && Object.hasOwn(argSchemas, name);

const describeZod = (e: ZodError): { message: string; where: string } => {
  const issue = e.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'args';
  return { message: issue?.message ?? 'invalid arguments', where };
};

export async function dispatch(handlers: Handlers, method: unknown, args: unknown): Promise<Result<unknown>> {
  if (!isMethod(method)) return err('validation', `unknown method ${JSON.stringify(method)}`, 'method');
  const parsed = argSchemas[method].safeParse(args ?? {});
  if (!parsed.success) {
    const { message, where } = describeZod(parsed.error);
    return err('validation', `${method}: ${message}`, where);
  }
  try {
    const handler = handlers[method] as (a: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (e) {
    if (e instanceof ApiFailure) return err(e.kind, e.message, e.where);
    return err('internal', `${method} failed: ${(e as Error).message ?? String(e)}`);
  }
}
