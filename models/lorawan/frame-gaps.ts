/**
 * The Things Stack publishes over MQTT with QoS 0 only and LoRaWAN itself does not retransmit unconfirmed uplinks,
 * so uplinks get lost. The frame counter (FCntUp, +1 per uplink) shows how many: a jump from 41 to 44 means two
 * uplinks never arrived. The gap is reported, never filled; the interval engine then flags the longer step between
 * two counter readings as interpolated or recovered. A counter that goes back is a rejoin (new session), not a gap.
 */
export interface FrameGap {
  readonly devEui: string;
  /** Uplinks that did not arrive. */
  readonly missed: number;
  readonly afterFCnt: number;
  readonly ts: number;
}

export class FrameGapTracker {
  private readonly last = new Map<string, number>();

  /** The gap before this uplink, if any; repeated frames (same counter) are not gaps. */
  see(devEui: string, fCnt: number | null, ts: number): FrameGap | null {
    if (fCnt === null) return null;
    const before = this.last.get(devEui);
    this.last.set(devEui, fCnt);
    if (before === undefined || fCnt <= before + 1) return null;
    return { devEui, missed: fCnt - before - 1, afterFCnt: before, ts };
  }
}
