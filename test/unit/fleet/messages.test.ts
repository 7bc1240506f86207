/** The fleet's payloads: what a worker accepts from the broker, and what it refuses with a message naming why. */
import { describe, expect, it } from 'vitest';
import { decodeAck, decodeIntervals, decodeReadings, decodeReadingsBatch, encodeReadings, encodeReadingsBatch } from '../../../main/core/fleet/messages.js';

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

  it('carries many points in one compact batch, times as differences, and reads it back', () => {
    const parts = [
      { building: 'h/1', point: 'm:import', readings: { first: 41, ts: [1_767_571_200_000, 1_767_571_201_000, 1_767_571_203_500], v: [0.1 + 0.2, 5, -1e-300], q: [0, 1, 3], history: false } },
      { building: 'h/1', point: 'm:pv', readings: { first: 1, ts: [1_767_571_200_000], v: [7], q: [2], history: true } },
    ];
    const wire = encodeReadingsBatch({ parts });
    // documented shape (docs/deployment.md): 1,767,571,201,000 - 1,767,571,200,000 = 1,000 and 1,767,571,203,500 - 1,767,571,201,000 = 2,500
    expect(JSON.parse(wire.toString())).toEqual({
      points: [
        { b: 'h/1', p: 'm:import', first: 41, ts: [1_767_571_200_000, 1000, 2500], v: [0.30000000000000004, 5, -1e-300], q: [0, 1, 3], h: false },
        { b: 'h/1', p: 'm:pv', first: 1, ts: [1_767_571_200_000], v: [7], q: [2], h: true },
      ],
    });
    expect(decodeReadingsBatch(wire)).toEqual({ ok: true, value: { parts } });
  });

  it('refuses a batch naming the part and the reading that is wrong', () => {
    const part = { b: 'h', p: 'm', first: 1, ts: [1000, 1000], v: [1, 2], q: [0, 0], h: false };
    expect(decodeReadingsBatch(json({ points: [part] })).ok).toBe(true);
    expect(decodeReadingsBatch(Buffer.from('['))).toMatchObject({ ok: false, message: expect.stringMatching(/not JSON/) });
    expect(decodeReadingsBatch(json({ points: [] }))).toMatchObject({ ok: false, message: expect.stringMatching(/^points/) });
    expect(decodeReadingsBatch(json({ points: [part, { ...part, v: [1, '2'] }] }))).toMatchObject({ ok: false, message: 'points.1.v.1: not a finite number' });
    // 1000 - 1001 = -1: a time before 1970 is no reading time
    expect(decodeReadingsBatch(json({ points: [{ ...part, ts: [1000, -1001] }] }))).toMatchObject({ ok: false, message: expect.stringMatching(/^points\.0\.ts\.1/) });
    expect(decodeReadingsBatch(json({ points: [{ ...part, ts: [1000, 0.5] }] }))).toMatchObject({ ok: false, message: expect.stringMatching(/^points\.0\.ts\.1/) });
    expect(decodeReadingsBatch(json({ points: [{ ...part, q: [0, 4] }] }))).toMatchObject({ ok: false, message: expect.stringMatching(/^points\.0\.q\.1/) });
    expect(decodeReadingsBatch(json({ points: [{ ...part, first: 0 }] }))).toMatchObject({ ok: false, message: expect.stringMatching(/^points\.0\.first/) });
    expect(decodeReadingsBatch(json({ points: [{ ...part, p: '' }] }))).toMatchObject({ ok: false, message: expect.stringMatching(/^points\.0\.p/) });
    expect(decodeReadingsBatch(json({ points: [{ ...part, ts: [1000] }] }))).toMatchObject({ ok: false, message: expect.stringMatching(/equally long/) });
  });
});
