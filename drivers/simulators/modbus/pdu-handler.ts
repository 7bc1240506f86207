/**
 * Turns one request PDU (function code + data) into a response PDU, independent of the framing (MBAP for TCP,
 * address + CRC for RTU). Faults that need the transport (timeout, drop, delay) are decided by the servers;
 * this file handles the ones that shape the answer (exception, garbage, malformed).
 */
import type { ReadFunctionCode, SimFault, SimUnitTable } from './sim-device.js';

export type PduOutcome =
  | { readonly kind: 'answer'; readonly pdu: Buffer }
  | { readonly kind: 'silent' }
  | { readonly kind: 'drop' }
  | { readonly kind: 'delay'; readonly ms: number; readonly pdu: Buffer };

function exceptionPdu(fc: number, code: number): Buffer {
  const b = Buffer.allocUnsafe(2);
  b[0] = (fc | 0x80) & 0xff;
  b[1] = code & 0xff;
  return b;
}

/** Answers one request. `unknownUnit` is what to do for a unit id nobody serves (gateways answer 0x0B). */
export function handlePdu(
  table: SimUnitTable,
  unit: number,
  pdu: Buffer,
  now: number,
  unknownUnit: 'silent' | 'gateway-exception',
): PduOutcome {
  const fc = pdu[0] ?? 0;
  const device = table.device(unit);
  if (device === undefined) {
    return unknownUnit === 'silent' ? { kind: 'silent' } : { kind: 'answer', pdu: exceptionPdu(fc, 0x0b) };
  }
  const fault: SimFault | undefined = table.fault(unit);
  if (fault?.kind === 'timeout') return { kind: 'silent' };
  if (fault?.kind === 'drop') return { kind: 'drop' };
  if (fc < 1 || fc > 4) return { kind: 'answer', pdu: exceptionPdu(fc, 1) };
  if (pdu.length !== 5) return { kind: 'answer', pdu: exceptionPdu(fc, 3) };
  if (fault?.kind === 'exception') return { kind: 'answer', pdu: exceptionPdu(fc, fault.code) };

  const address = pdu.readUInt16BE(1);
  const count = pdu.readUInt16BE(3);
  const isBits = fc === 1 || fc === 2;
  const maxCount = isBits ? 2000 : 125;
  if (count < 1 || count > maxCount) return { kind: 'answer', pdu: exceptionPdu(fc, 3) };
  if (address + count > 0x10000) return { kind: 'answer', pdu: exceptionPdu(fc, 2) };

  const data = device.read(fc as ReadFunctionCode, address, count, now);
  if (typeof data === 'number') return { kind: 'answer', pdu: exceptionPdu(fc, data) };

  let out: Buffer;
  if (isBits) {
    const bytes = Math.ceil(count / 8);
    out = Buffer.alloc(2 + bytes);
    out[0] = fc;
    out[1] = bytes;
    for (let i = 0; i < count; i++) {
      if (data[i]) out[2 + (i >> 3)]! |= 1 << (i & 7);
    }
  } else {
    out = Buffer.allocUnsafe(2 + count * 2);
    out[0] = fc;
    out[1] = count * 2;
    for (let i = 0; i < count; i++) out.writeUInt16BE((data[i] ?? 0) & 0xffff, 2 + i * 2);
  }
  if (fault?.kind === 'garbage') {
    for (let i = 2; i < out.length; i++) out[i] = Math.floor(Math.random() * 256);
  }
  if (fault?.kind === 'malformed') {
    // byte count claims more data than the frame carries
    out[1] = (out[1]! + 2) & 0xff;
  }
  if (fault?.kind === 'delay') return { kind: 'delay', ms: fault.ms, pdu: out };
  return { kind: 'answer', pdu: out };
}
