/** A profile after validation, with every default applied: what the driver and the simulator work from. */
import type { Medium, PointKind, PointRole } from '../../models/types.js';
import type { ByteOrder, DataType, WordOrder } from '../modbus/register-types.js';

export type FunctionCode = 1 | 2 | 3 | 4;
export type IdentityField = 'manufacturer' | 'model' | 'serial' | 'version';

export interface ProfilePoint {
  readonly key: string;
  readonly name: string;
  readonly address: number;
  readonly functionCode: FunctionCode;
  readonly type: DataType;
  readonly length?: number;
  readonly wordOrder: WordOrder;
  readonly byteOrder: ByteOrder;
  readonly scale: number;
  readonly scaleFactorAddress?: number;
  /** The device's unit (W, Wh, kWh, V, ...). */
  readonly unit: string;
  readonly medium: Medium;
  readonly role: PointRole;
  readonly kind: PointKind;
  /** Raw bit patterns meaning "not available". */
  readonly notImplemented: readonly bigint[];
  readonly identity?: IdentityField;
}

export interface DeviceProfile {
  readonly id: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly description?: string;
  readonly source: string;
  readonly protocols: readonly string[];
  /** Unit id the device ships with, when the manual names one. */
  readonly defaultUnit?: number;
  readonly points: readonly ProfilePoint[];
  /** Choices the user must make when adding the device (they travel in the URL query). */
  readonly parameters?: readonly ProfileParameter[];
}

export interface ProfileParameter {
  readonly key: string;
  readonly name: string;
  readonly sets: 'unit';
  readonly points: readonly string[];
  readonly choices: readonly string[];
}
