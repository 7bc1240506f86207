import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../main/core/api/dispatch.js';
import { ApiFailure } from '../../../main/core/base/failure.js';

const calls: unknown[] = [];
const handlers = {
  'app.info': async () => ({ version: '1', dataDir: '/d', dbPath: '/d/x.sqlite', transport: 'http' as const }),
  'district.get': async () => {
    throw new ApiFailure('not-found', 'no district');
  },
  'district.balances': async (args: unknown) => {
    calls.push(args);
    return [];
  },
  'building.series': async () => {
    throw new Error('disk on fire');
  },
  'status.get': async () => {
    throw new Error('unused');
  },
} as unknown as Handlers;

describe('dispatch', () => {
  it('runs a valid call and wraps the value', async () => {
    expect(await dispatch(handlers, 'app.info', {})).toEqual({
      ok: true,
      value: { version: '1', dataDir: '/d', dbPath: '/d/x.sqlite', transport: 'http' },
    });
  });

  it('rejects an unknown method as a validation error', async () => {
    const r = await dispatch(handlers, 'fs.readFile', {});
    expect(r).toEqual({ ok: false, error: { kind: 'validation', message: 'unknown method "fs.readFile"', where: 'method' } });
  });

  it('names the field of an invalid argument and never calls the handler', async () => {
    calls.length = 0;
    const r = await dispatch(handlers, 'district.balances', { from: 'yesterday', to: 5 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('validation');
      expect(r.error.where).toBe('from');
    }
    const reversed = await dispatch(handlers, 'district.balances', { from: 10, to: 5 });
    expect(!reversed.ok && reversed.error.where).toBe('to');
    const extra = await dispatch(handlers, 'district.balances', { from: 1, to: 5, sql: 'drop table' });
    expect(extra.ok).toBe(false);
    expect(calls).toHaveLength(0);
  });

  it('passes validated arguments through', async () => {
    calls.length = 0;
    expect((await dispatch(handlers, 'district.balances', { from: 1, to: 5 })).ok).toBe(true);
    expect(calls).toEqual([{ from: 1, to: 5 }]);
  });

  it('turns an expected failure into its kind and an exception into internal', async () => {
    expect(await dispatch(handlers, 'district.get', {})).toEqual({ ok: false, error: { kind: 'not-found', message: 'no district' } });
    const r = await dispatch(handlers, 'building.series', { buildingId: 'b', from: 1, to: 2, resolution: 'hour' });
    expect(r).toEqual({ ok: false, error: { kind: 'internal', message: 'building.series failed: disk on fire' } });
  });
});
