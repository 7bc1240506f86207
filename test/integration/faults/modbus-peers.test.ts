/**
 * Fault suite, Modbus side: `plustwin probe` against a peer that accepts and never answers must end by itself soon
 * after printing its error (the socket is destroyed, not only half-closed); a peer that closes at once is reported
 * as such, not as a missing answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closingPeer, garbagePeer, silentPeer, type Peer } from './peers.js';
import { runCliChild } from './cli-child.js';
import { recordFault } from './fault-report.js';

let silent: Peer;
let closing: Peer;
let garbage: Peer;

beforeAll(async () => {
  silent = await silentPeer();
  closing = await closingPeer();
  garbage = await garbagePeer(4096);
});
afterAll(async () => {
  await silent?.close();
  await closing?.close();
  await garbage?.close();
});

describe('modbus peers that misbehave', () => {
  it('probe of a device that accepts and never answers ends by itself (exit 1)', async () => {
    // node and tsx alone take a few seconds to start on a busy machine; the bug kept the process for minutes
    const r = await runCliChild(['probe', silent.url('unit=1&timeout=300')], 60_000);
    expect(r.stderr).toMatch(/no answer within 300 ms/);
    expect(r.code, `still running after 60 s:\n${r.stderr}`).toBe(1);
    recordFault({ fault: 'device silent (probe)', survived: r.code === 1, readingsLost: 0, recoverMs: r.ms });
  }, 90_000);

  it('a device that closes the connection at once is reported as closing it', async () => {
    const r = await runCliChild(['probe', closing.url('unit=1&timeout=300')], 60_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/connection closed by the device/);
    expect(r.stderr).not.toMatch(/no answer within/);
  }, 90_000);

  it('a device flooding random bytes is reported and the probe ends (exit 1)', async () => {
    const r = await runCliChild(['probe', garbage.url('unit=1&timeout=300')], 60_000);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/plustwin probe: /);
    recordFault({ fault: 'device flooding garbage (probe)', survived: r.code === 1, readingsLost: 0, recoverMs: r.ms, note: '4 KiB of random bytes per request' });
  }, 90_000);
});
