/**
 * The unit of a history file's values: from the value column's header ("Wert [kW]", "Wirkleistung (kW)",
 * "Zählerstand [MWh]"), from a line such as "Einheit;kW" above the header, or given by the user. Every value is
 * converted to kWh (energy) or kW (power) on reading, so a kW profile is never taken for kWh per quarter hour
 * (4 times too much) nor MWh readings for kWh (1,000 times too little).
 */
import { HISTORY_UNITS, type HistoryUnit } from '../../../../models/values.js';
import type { CsvLine } from './csv-lines.js';

export { HISTORY_UNITS, type HistoryUnit };

/** What a unit measures and its factor to kW (power) or kWh (energy); 1 GJ = 10^9 J / 3.6 x 10^6 J per kWh. */
export const UNIT_FACTORS: Readonly<Record<HistoryUnit, { readonly dim: 'power' | 'energy'; readonly factor: number }>> = {
  W: { dim: 'power', factor: 1e-3 },
  kW: { dim: 'power', factor: 1 },
  Wh: { dim: 'energy', factor: 1e-3 },
  kWh: { dim: 'energy', factor: 1 },
  MWh: { dim: 'energy', factor: 1e3 },
  GJ: { dim: 'energy', factor: 1e6 / 3600 },
};

/** "kWh", "kwh", "MWh" ... -> the unit; null for anything else. Lower-case "mwh" is read as MWh (milli is meaningless here). */
export const parseUnit = (text: string): HistoryUnit | null => {
  const t = text.trim().toLowerCase();
  const found = HISTORY_UNITS.find((u) => u.toLowerCase() === t);
  return found ?? null;
};

/** The unit in a header: inside [] or () first ("Wert [kW]"), else a header that is, or ends in, a unit word. */
export const unitInHeader = (header: string): HistoryUnit | null => {
  for (const m of header.matchAll(/[[(]\s*([^\])]+?)\s*[\])]/g)) {
    const u = parseUnit(m[1] ?? '');
    if (u !== null) return u;
  }
  const words = header.split(/[^A-Za-z]+/).filter(Boolean);
  const last = words[words.length - 1];
  return last === undefined ? null : parseUnit(last);
};

const UNIT_LABELS = ['einheit', 'maßeinheit', 'masseinheit', 'unit'];

/** A metadata line above the header such as "Einheit;kW" or "Unit: kWh". */
export const unitLineAbove = (lines: readonly CsvLine[], headerIndex: number): { unit: HistoryUnit; line: number } | null => {
  for (let i = 0; i < headerIndex; i++) {
    const l = lines[i] as CsvLine;
    const fields = l.fields.length === 1 ? (l.fields[0] ?? '').split(/\s*:\s*/) : l.fields;
    const label = (fields[0] ?? '').trim().toLowerCase().replace(/:$/, '');
    if (!UNIT_LABELS.includes(label)) continue;
    const unit = fields.slice(1).map(parseUnit).find((u) => u !== null);
    if (unit !== undefined && unit !== null) return { unit, line: l.line };
  }
  return null;
};
