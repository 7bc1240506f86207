/** The fleet's payloads: what a worker accepts from the broker, and what it refuses with a message naming why. */
import { describe, expect, it } from 'vitest';
import { decodeAck, decodeIntervals, decodeReadings, encodeReadings } from '../../../main/core/fleet/messages.js';

const json = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('fleet messages', () => {
  it('reads back what the edge encodes', () => {
    const m = { first: 7, ts: [1000, 2000], v: [0.1 + 0.2, -1], q: [0, 2], history: true };
    expect(decodeReadings(encodeReadings(m))).toEqual({ ok: true, value: m });
  });

  it('refuses readings that are not JSON, not aligned, not finite or numbered from 0', () => {
    expect(decodeReadings(Buffer.from('{'))).toMatchObject({ ok: false, message: expect.stringMatching(/not JSON/) });
    expect(decodeReadings(json({ first: 1, ts: [1, 2], v: [1], q: [0, 0], history: false }))).toMatchObject({ ok: false });
    expect(decodeReadings(json({ first: 1, ts: [], v: [], q: [], history: false }))).toMatchObject({ ok: false });
    // JSON has no NaN; a string where a number belongs is refused
    expect(decodeReadings(json({ first: 1, ts: [1], v: ['1'], q: [0], history: false }))).toMatchObject({ ok: false, message: expect.stringMatching(/^v\.0/) });
    expect(decodeReadings(json({ first: 0, ts: [1], v: [1], q: [0], history: false }))).toMatchObject({ ok: false, message: expect.stringMatching(/^first/) });
    expect(decodeReadings(json({ first: 1, ts: [1], v: [1], q: [4], history: false }))).toMatchObject({ ok: false });
  });

  it('refuses interval rows outside (after, upto]', () => {
    expect(decodeIntervals(json({ after: 10, upto: 12, rows: [[0, 11, 1.5, 0], [1, 12, 0.5, 0]], history: false })).ok).toBe(true);
    expect(decodeIntervals(json({ after: 10, upto: 12, rows: [[0, 10, 1.5, 0]], history: false })).ok).toBe(false);
    expect(decodeIntervals(json({ after: 12, upto: 12, rows: [], history: false })).ok).toBe(false);
    expect(decodeIntervals(json({ after: 10, upto: 12, rows: [[2, 11, 1.5, 0]], history: false })).ok).toBe(false);
  });

  it('reads acks and refuses negative confirmations', () => {
    expect(decodeAck(json({ readings: { 'p:1': 5 }, intervals: { 'p:1': 2 } }))).toEqual({ ok: true, value: { readings: { 'p:1': 5 }, intervals: { 'p:1': 2 } } });
    expect(decodeAck(json({ readings: { p: -1 }, intervals: {} })).ok).toBe(false);
  });
});
