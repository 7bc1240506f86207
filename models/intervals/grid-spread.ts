import { INTERVAL_MS, intervalStart } from '../time-grid.js';

/** Called once per 15-minute slot a span touches, with the share of the span that falls in that slot. */
export type SlotSink = (slotStart: number, fraction: number, pieceFrom: number, pieceTo: number) => void;

/** Walk the 15-minute UTC grid over [from, to) (from < to). */
export function forEachSlot(from: number, to: number, sink: SlotSink): void {
  const span = to - from;
  for (let slot = intervalStart(from); slot < to; slot += INTERVAL_MS) {
    const a = Math.max(from, slot);
    const b = Math.min(to, slot + INTERVAL_MS);
    if (b > a) sink(slot, (b - a) / span, a, b);
  }
}
