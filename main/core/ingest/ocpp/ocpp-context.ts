/**
 * What the message mappings of both OCPP versions (ocpp16-calls.ts, ocpp201-calls.ts) share of the central
 * system: the charging store, the settings, the id tag salt, the clock, the log, and the one way meter values
 * enter the district (readings of a connector's points, through the interval engine).
 */
import type { MeterSample } from '../../../../drivers/ocpp/meter-values.js';
import type { ChargingStore, OcppSettings } from '../../store/charging-store.js';

export interface OcppContext {
  readonly charging: ChargingStore;
  readonly settings: OcppSettings;
  /** The district's salt for id tag / idToken hashes (id-tag-hash.ts). */
  readonly salt: string;
  readonly now: () => number;
  readonly log: (line: string) => void;
  /**
   * Stores samples as readings of the connector's points (1.6 connectorId, 2.0.1 evseId; 0 = the charge point's
   * main meter), adding the charge point and the points to the district on first use.
   */
  storeSamples(chargePointId: string, connector: number, samples: readonly MeterSample[]): Promise<void>;
}

export const num = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
/** An OCPP dateTime as UTC ms, or the central system's clock when it is not one. */
export const timeOr = (v: unknown, now: () => number): number => {
  const t = Date.parse(str(v));
  return Number.isFinite(t) ? t : now();
};
