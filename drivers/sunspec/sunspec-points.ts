/**
 * Maps discovered SunSpec models to PlusTwin points, expressed as profile points (absolute addresses, scale
 * factor registers, SunSpec sentinels) so one poller reads profile devices and SunSpec devices alike.
 *
 * Keys: inverter_* (models 101-103, 111-113), meter_* (201-204, 211-214; W positive = drawn from the grid,
 * the SunSpec meter convention), mppt<n>_* (160, one per module), der_* (701), battery_* (802). A second model
 * of the same family gets a number: meter2_ac_power.
 */
import type { PointKind, PointRole } from '../../models/types.js';
import type { ProfilePoint } from '../profiles/device-profile.js';
import type { SunSpecDiscovery, SunSpecModelInstance } from './discover.js';
import { repeatCount } from './decode-model.js';
import { registerTypeOf, sunSpecSentinel, type SunSpecPointDef } from './model-layout.js';

interface Mapping {
  readonly name: string;
  readonly key: string;
  readonly label: string;
  readonly role: PointRole;
  readonly kind: PointKind;
}

const m = (name: string, key: string, label: string, role: PointRole, kind: PointKind): Mapping => ({ name, key, label, role, kind });

const INVERTER: readonly Mapping[] = [
  m('W', 'ac_power', 'AC power', 'generation', 'power'),
  m('WH', 'energy_total', 'AC energy (lifetime)', 'generation', 'energy-counter'),
  m('A', 'ac_current', 'AC current', 'info', 'current'),
  m('AphA', 'current_l1', 'Current L1', 'info', 'current'),
  m('AphB', 'current_l2', 'Current L2', 'info', 'current'),
  m('AphC', 'current_l3', 'Current L3', 'info', 'current'),
  m('PhVphA', 'voltage_l1', 'Voltage L1-N', 'info', 'voltage'),
  m('PhVphB', 'voltage_l2', 'Voltage L2-N', 'info', 'voltage'),
  m('PhVphC', 'voltage_l3', 'Voltage L3-N', 'info', 'voltage'),
  m('Hz', 'frequency', 'Frequency', 'info', 'frequency'),
  m('DCW', 'dc_power', 'DC power', 'info', 'power'),
  m('TmpCab', 'temperature_cabinet', 'Cabinet temperature', 'info', 'temperature'),
];

const METER: readonly Mapping[] = [
  m('W', 'ac_power', 'Net active power (+ import)', 'import', 'power'),
  m('WphA', 'ac_power_l1', 'Active power L1', 'info', 'power'),
  m('WphB', 'ac_power_l2', 'Active power L2', 'info', 'power'),
  m('WphC', 'ac_power_l3', 'Active power L3', 'info', 'power'),
  m('TotWhImp', 'energy_import', 'Energy imported', 'import', 'energy-counter'),
  m('TotWhExp', 'energy_export', 'Energy exported', 'export', 'energy-counter'),
  m('TotWhImpPhA', 'energy_import_l1', 'Energy imported L1', 'info', 'energy-counter'),
  m('TotWhImpPhB', 'energy_import_l2', 'Energy imported L2', 'info', 'energy-counter'),
  m('TotWhImpPhC', 'energy_import_l3', 'Energy imported L3', 'info', 'energy-counter'),
  m('TotWhExpPhA', 'energy_export_l1', 'Energy exported L1', 'info', 'energy-counter'),
  m('TotWhExpPhB', 'energy_export_l2', 'Energy exported L2', 'info', 'energy-counter'),
  m('TotWhExpPhC', 'energy_export_l3', 'Energy exported L3', 'info', 'energy-counter'),
  m('PhVphA', 'voltage_l1', 'Voltage L1-N', 'info', 'voltage'),
  m('PhVphB', 'voltage_l2', 'Voltage L2-N', 'info', 'voltage'),
  m('PhVphC', 'voltage_l3', 'Voltage L3-N', 'info', 'voltage'),
  m('AphA', 'current_l1', 'Current L1', 'info', 'current'),
  m('AphB', 'current_l2', 'Current L2', 'info', 'current'),
  m('AphC', 'current_l3', 'Current L3', 'info', 'current'),
  m('Hz', 'frequency', 'Frequency', 'info', 'frequency'),
];

const MPPT_MODULE: readonly Mapping[] = [
  m('DCW', 'dc_power', 'DC power', 'info', 'power'),
  m('DCWH', 'dc_energy', 'DC energy (lifetime)', 'info', 'energy-counter'),
  m('DCV', 'dc_voltage', 'DC voltage', 'info', 'voltage'),
  m('DCA', 'dc_current', 'DC current', 'info', 'current'),
];

const DER: readonly Mapping[] = [
  m('W', 'ac_power', 'AC power', 'generation', 'power'),
  m('WL1', 'ac_power_l1', 'AC power L1', 'generation', 'power'),
  m('WL2', 'ac_power_l2', 'AC power L2', 'generation', 'power'),
  m('WL3', 'ac_power_l3', 'AC power L3', 'generation', 'power'),
  m('TotWhInj', 'energy_injected', 'Energy injected (lifetime)', 'generation', 'energy-counter'),
  m('TotWhAbs', 'energy_absorbed', 'Energy absorbed (lifetime)', 'consumption', 'energy-counter'),
  m('VL1', 'voltage_l1', 'Voltage L1-N', 'info', 'voltage'),
  m('VL2', 'voltage_l2', 'Voltage L2-N', 'info', 'voltage'),
  m('VL3', 'voltage_l3', 'Voltage L3-N', 'info', 'voltage'),
  m('AL1', 'current_l1', 'Current L1', 'info', 'current'),
  m('AL2', 'current_l2', 'Current L2', 'info', 'current'),
  m('AL3', 'current_l3', 'Current L3', 'info', 'current'),
  m('Hz', 'frequency', 'Frequency', 'info', 'frequency'),
];

const BATTERY: readonly Mapping[] = [m('SoC', 'soc', 'State of charge', 'info', 'other')];

function family(id: number): { prefix: string; map: readonly Mapping[] } | undefined {
  if ((id >= 101 && id <= 103) || (id >= 111 && id <= 113)) return { prefix: 'inverter', map: INVERTER };
  if ((id >= 201 && id <= 204) || (id >= 211 && id <= 214)) return { prefix: 'meter', map: METER };
  if (id === 701) return { prefix: 'der', map: DER };
  if (id === 802) return { prefix: 'battery', map: BATTERY };
  return undefined;
}

function toPoint(
  model: SunSpecModelInstance,
  def: SunSpecPointDef,
  groupStart: number,
  siblings: readonly SunSpecPointDef[],
  top: readonly SunSpecPointDef[],
  key: string,
  name: string,
  role: PointRole,
  kind: PointKind,
): ProfilePoint {
  const format = registerTypeOf(def.type, def.size);
  const sentinel = sunSpecSentinel(def.type);
  let scaleFactorAddress: number | undefined;
  if (def.sf !== undefined) {
    const local = siblings.find((p) => p.name === def.sf);
    const sfDef = local ?? top.find((p) => p.name === def.sf);
    if (sfDef !== undefined) scaleFactorAddress = (local !== undefined ? groupStart : model.address) + sfDef.offset;
  }
  return {
    key,
    name,
    address: groupStart + def.offset,
    functionCode: 3,
    type: format.type,
    ...(format.length !== undefined ? { length: format.length } : {}),
    wordOrder: 'big',
    byteOrder: 'big',
    scale: def.sfFixed !== undefined ? 10 ** def.sfFixed : 1,
    ...(scaleFactorAddress !== undefined ? { scaleFactorAddress } : {}),
    unit: def.units ?? '',
    medium: 'electricity',
    role,
    kind,
    notImplemented: sentinel !== undefined && def.type !== 'float32' ? [sentinel] : [],
  };
}

/** The points PlusTwin polls on a discovered SunSpec device. */
export function sunSpecPoints(discovery: SunSpecDiscovery): ProfilePoint[] {
  const out: ProfilePoint[] = [];
  const seen = new Map<string, number>();
  let mpptIndex = 0;
  for (const model of discovery.models) {
    const layout = model.layout;
    if (layout === undefined) continue;
    const inModel = (def: SunSpecPointDef): boolean => def.offset + def.size <= model.length + 2;
    if (model.id === 160) {
      const group = layout.groups[0];
      const n = repeatCount(layout, model.length)[0] ?? 0;
      if (group === undefined) continue;
      for (let i = 0; i < n; i++) {
        mpptIndex++;
        const start = model.address + group.offset + i * group.length;
        for (const mp of MPPT_MODULE) {
          const def = group.points.find((p) => p.name === mp.name);
          if (def === undefined) continue;
          out.push(toPoint(model, def, start, group.points, layout.points, `mppt${mpptIndex}_${mp.key}`, `MPPT ${mpptIndex} ${mp.label}`, mp.role, mp.kind));
        }
      }
      continue;
    }
    const fam = family(model.id);
    if (fam === undefined) continue;
    const count = (seen.get(fam.prefix) ?? 0) + 1;
    seen.set(fam.prefix, count);
    const prefix = count === 1 ? fam.prefix : `${fam.prefix}${count}`;
    for (const mp of fam.map) {
      const def = layout.points.find((p) => p.name === mp.name);
      if (def === undefined || !inModel(def)) continue;
      out.push(toPoint(model, def, model.address, layout.points, layout.points, `${prefix}_${mp.key}`, mp.label, mp.role, mp.kind));
    }
  }
  return out;
}
