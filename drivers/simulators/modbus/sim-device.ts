/**
 * What a simulated Modbus unit is to the servers (TCP and RTU): something that answers reads, plus the faults a
 * test can switch on per unit. Servers do the framing; devices only know registers.
 */

export type ReadFunctionCode = 1 | 2 | 3 | 4;

export interface SimDevice {
  /**
   * Answers `count` registers (FC 3/4, 16-bit words) or bits (FC 1/2, 0/1) from `address`, or a Modbus exception
   * code (a plain number) when the request does not fit the register map.
   */
  read(fc: ReadFunctionCode, address: number, count: number, now: number): ArrayLike<number> | number;
}

/** Faults injectable per unit at run time. */
export type SimFault =
  /** requests get no answer at all */
  | { readonly kind: 'timeout' }
  /** every read answers this Modbus exception code (4 failure, 6 busy, 11 gateway target, ...) */
  | { readonly kind: 'exception'; readonly code: number }
  /** the server closes the client's connection when a request arrives */
  | { readonly kind: 'drop' }
  /** register contents are random bytes */
  | { readonly kind: 'garbage' }
  /** the answer frame is cut short / has a wrong byte count */
  | { readonly kind: 'malformed' }
  /** the answer comes this late */
  | { readonly kind: 'delay'; readonly ms: number };

/** Everything a server needs per listening endpoint: the units it serves and their current faults. */
export class SimUnitTable {
  private readonly faults = new Map<number, SimFault>();
  constructor(private readonly units: Map<number, SimDevice>) {}

  device(unit: number): SimDevice | undefined {
    return this.units.get(unit);
  }

  fault(unit: number): SimFault | undefined {
    return this.faults.get(unit);
  }

  setFault(unit: number, fault: SimFault | undefined): void {
    if (fault === undefined) this.faults.delete(unit);
    else this.faults.set(unit, fault);
  }

  setDevice(unit: number, device: SimDevice | undefined): void {
    if (device === undefined) this.units.delete(unit);
    else this.units.set(unit, device);
  }

  unitIds(): number[] {
    return [...this.units.keys()];
  }
}

export function toUnitMap(devices: ReadonlyMap<number, SimDevice> | Readonly<Record<number, SimDevice>>): Map<number, SimDevice> {
  if (devices instanceof Map) return new Map(devices);
  const out = new Map<number, SimDevice>();
  for (const [k, v] of Object.entries(devices)) out.set(Number(k), v as SimDevice);
  return out;
}
