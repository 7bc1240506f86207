/**
 * Value sources for simulated devices: a meter whose energy counters integrate its power (so the counters are
 * consistent with the power the same device reports), and wrappers that inject counter faults.
 *
 *   const values = meterValues({ power: (now) => houseLoadW(now) - pvW(now), startImportWh: 1.2e6 });
 *   profileSimDevice(sdm630, values)          // power_total, energy_import, energy_export move together
 *   withCounterReset(values, 'energy_import', Date.now() + 60_000)   // meter swapped in a minute
 */
import type { ValueSource } from './profile-sim-device.js';

export interface MeterValuesOptions {
  /** Net power in W at a time, + = drawn from the grid (import), - = fed in (export). */
  readonly power: (now: number) => number;
  readonly powerKey?: string;
  readonly importKey?: string;
  readonly exportKey?: string;
  /** Unit the profile's counters are in (default kWh, as most meters). */
  readonly energyUnit?: 'Wh' | 'kWh';
  /** Unit of the profile's power point (default W). */
  readonly powerUnit?: 'W' | 'kW';
  readonly startImportWh?: number;
  readonly startExportWh?: number;
  /** Answers every other key (voltages, frequency, ...). */
  readonly other?: ValueSource;
}

/**
 * A bidirectional meter: counters advance with the integral of power between queries (midpoint rule), so
 * polling at any rate sees monotonic counters consistent with the power.
 */
export function meterValues(options: MeterValuesOptions): ValueSource {
  const powerKey = options.powerKey ?? 'power_total';
  const importKey = options.importKey ?? 'energy_import';
  const exportKey = options.exportKey ?? 'energy_export';
  const energyDiv = options.energyUnit === 'Wh' ? 1 : 1000;
  const powerDiv = options.powerUnit === 'kW' ? 1000 : 1;
  let importWh = options.startImportWh ?? 0;
  let exportWh = options.startExportWh ?? 0;
  let last: number | undefined;
  const advance = (now: number): void => {
    if (last === undefined) {
      last = now;
      return;
    }
    if (now <= last) return;
    const w = options.power((last + now) / 2);
    const wh = (w * (now - last)) / 3_600_000;
    if (wh >= 0) importWh += wh;
    else exportWh -= wh;
    last = now;
  };
  return (key, now) => {
    if (key === powerKey) return options.power(now) / powerDiv;
    if (key === importKey) {
      advance(now);
      return importWh / energyDiv;
    }
    if (key === exportKey) {
      advance(now);
      return exportWh / energyDiv;
    }
    return options.other?.(key, now);
  };
}

/** From `atMs` on, `key` counts again from 0 (a meter reset or replacement). */
export function withCounterReset(source: ValueSource, key: string, atMs: number): ValueSource {
  let offset: number | undefined;
  return (k, now) => {
    const v = source(k, now);
    if (k !== key || v === undefined || now < atMs) return v;
    offset ??= v;
    return v - offset;
  };
}

/** Adds `offset` to `key`, e.g. to start a uint32 counter just below its rollover (2^32 raw units). */
export function withCounterOffset(source: ValueSource, key: string, offset: number): ValueSource {
  return (k, now) => {
    const v = source(k, now);
    return k === key && v !== undefined ? v + offset : v;
  };
}
