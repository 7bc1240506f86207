/** Modbus exception codes (Modbus Application Protocol v1.1b3, section 7) and what they mean for a poller. */

export const ModbusExceptionCode = {
  IllegalFunction: 1,
  IllegalDataAddress: 2,
  IllegalDataValue: 3,
  ServerDeviceFailure: 4,
  Acknowledge: 5,
  ServerDeviceBusy: 6,
  GatewayPathUnavailable: 0x0a,
  GatewayTargetFailedToRespond: 0x0b,
} as const;

const NAMES: Record<number, string> = {
  1: 'illegal function',
  2: 'illegal data address',
  3: 'illegal data value',
  4: 'server device failure',
  5: 'acknowledge',
  6: 'server device busy',
  10: 'gateway path unavailable',
  11: 'gateway target device failed to respond',
};

export function exceptionName(code: number): string {
  return NAMES[code] ?? `exception ${code}`;
}

/**
 * Codes that say "this request does not fit the register map" (so a coalesced read should be split), as opposed
 * to transient device trouble (busy, failure, gateway), which must not change the read plan.
 */
export function isAddressingException(code: number): boolean {
  return code === 1 || code === 2 || code === 3;
}
