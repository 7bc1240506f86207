/**
 * What `plustwin probe` prints for a Modbus or OPC UA device, in the run's language: labels from the CLI's table,
 * values with the language's decimal mark. The drivers' findings (notes: "SunSpec at base 40000 ...") and the
 * devices' own point names stay as the driver and device say them.
 */
import type { ProbeResult, ProbeValue } from '../../../drivers/probe-result.js';
import type { BrowsedNode } from '../../../drivers/opcua/opcua-browse.js';
import { DEFAULT_LOCALE } from '../../../models/i18n/locales.js';
import type { NumberFormatter } from './number-format.js';

/** Up to four decimals, no grouping (a register value 12345,6789 must read as one number); exponent when tiny or huge. */
const valueText = (f: NumberFormatter, v: number): string => {
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e7 || abs < 1e-3)) {
    const e = v.toExponential(4);
    return f.lang === 'de' ? e.replace('.', ',') : e;
  }
  return new Intl.NumberFormat(DEFAULT_LOCALE[f.lang], { maximumFractionDigits: 4, useGrouping: false }).format(v);
};

const withUnit = (f: NumberFormatter, v: ProbeValue): string => {
  if (v.value === null) return f.t('probe.notAvailable');
  const text = typeof v.value === 'string' ? v.value : valueText(f, v.value);
  return v.unit === '' || typeof v.value === 'string' ? text : `${text} ${v.unit}`;
};

/** Labels padded to one column, as the English text always had them. */
const labelled = (pairs: readonly (readonly [string, string])[]): string[] => {
  const width = Math.max(...pairs.map(([l]) => l.length)) + 1;
  return pairs.map(([l, v]) => `  ${`${l}:`.padEnd(width)} ${v}`);
};

export function modbusProbeText(result: ProbeResult, f: NumberFormatter): string {
  const t = f.t;
  const id = result.identity;
  const lines = [
    `${result.url} (${result.protocol})`,
    ...labelled([
      [t('probe.manufacturer'), id.manufacturer ?? '?'],
      [t('probe.model'), id.model ?? '?'],
      [t('probe.serial'), id.serial ?? '?'],
      ...(id.version === undefined ? [] : [[t('probe.version'), id.version] as const]),
    ]),
  ];
  if (result.values.length > 0) {
    lines.push(`  ${t('probe.values')}:`);
    const width = Math.max(...result.values.map((v) => v.key.length));
    for (const v of result.values) lines.push(`    ${v.key.padEnd(width)}  ${withUnit(f, v).padStart(16)}  ${v.name}`);
  }
  for (const n of result.notes) lines.push(`  ${t('probe.note')}: ${n}`);
  return lines.join('\n');
}

export function opcUaProbeText(result: ProbeResult & { readonly browse?: readonly BrowsedNode[] }, f: NumberFormatter): string {
  const t = f.t;
  const id = result.identity;
  const lines: string[] = [
    t('probe.opcuaServer', { url: result.url }),
    ...labelled([
      [t('probe.manufacturer'), id.manufacturer ?? '-'],
      [t('probe.product'), id.model ?? '-'],
      [t('probe.version'), id.version ?? '-'],
    ]),
    '',
    `${t('probe.notes')}:`,
    ...result.notes.map((n) => `  ${n}`),
  ];
  if (result.browse) {
    lines.push('', t('probe.addressSpace'));
    const walk = (nodes: readonly BrowsedNode[], indent: string) => {
      for (const n of nodes) {
        const type = `${n.dataType ? ` : ${n.dataType}` : ''}${n.unit ? ` in ${n.unit}` : ''}`;
        lines.push(`${indent}${n.displayName} [${n.nodeClass}${type}] ${n.nodeId}`);
        if (n.children) walk(n.children, `${indent}  `);
      }
    };
    walk(result.browse, '  ');
  }
  if (result.values.length > 0) {
    lines.push('', `${t('probe.values')}:`);
    const w = Math.max(...result.values.map((v) => v.key.length));
    for (const v of result.values) {
      const value = v.value === null ? '-' : typeof v.value === 'number' ? valueText(f, v.value) : v.value;
      lines.push(`  ${v.key.padEnd(w)}  ${value.padStart(14)} ${v.unit.padEnd(4)} ${v.quality.padEnd(9)} ${v.name}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
