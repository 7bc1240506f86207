/**
 * Names of the points device profiles and SunSpec define, in the user's language. Profile files name their
 * registers in English as the vendors' register maps do ("Phase 1 line to neutral volts"); the UI names a point by
 * its key instead (power_total, energy_import_l2, inverter_ac_power, mppt1_dc_power), so a German user reads
 * "Wirkleistung gesamt" and an English one "Active power, total". Names the user gave (OPC UA points) stay as given,
 * and a key without an entry shows the profile's name.
 */
import type { Language } from '../../models/values.js';

type Names = Readonly<Record<string, string>>;

const BASE: Readonly<Record<Language, Names>> = {
  de: {
    power_total: 'Wirkleistung gesamt',
    power: 'Leistung',
    ac_power: 'AC-Wirkleistung',
    dc_power: 'DC-Leistung',
    energy_import: 'Bezug (Zählerstand)',
    energy_export: 'Einspeisung (Zählerstand)',
    energy_total: 'Energie gesamt (Zählerstand)',
    energy_heat: 'Wärmemenge',
    dc_energy: 'DC-Energie (Zählerstand)',
    voltage: 'Spannung',
    current: 'Strom',
    ac_current: 'AC-Strom',
    dc_voltage: 'DC-Spannung',
    dc_current: 'DC-Strom',
    frequency: 'Netzfrequenz',
    power_factor_total: 'Leistungsfaktor gesamt',
    session_energy: 'Energie des Ladevorgangs',
    volume: 'Volumen',
    flow: 'Durchfluss',
    temperature_flow: 'Vorlauftemperatur',
    temperature_return: 'Rücklauftemperatur',
    temperature_internal: 'Gerätetemperatur',
    temperature_cabinet: 'Gehäusetemperatur',
    serial_number: 'Seriennummer',
    model_name: 'Modell',
    charge_point_state: 'Ladepunkt-Status',
    energy_injected: 'Abgegebene Energie (Zählerstand)',
    energy_absorbed: 'Aufgenommene Energie (Zählerstand)',
    soc: 'Ladezustand',
  },
  en: {
    power_total: 'Active power, total',
    power: 'Power',
    ac_power: 'AC active power',
    dc_power: 'DC power',
    energy_import: 'Import (meter reading)',
    energy_export: 'Export (meter reading)',
    energy_total: 'Energy, total (meter reading)',
    energy_heat: 'Heat energy',
    dc_energy: 'DC energy (meter reading)',
    voltage: 'Voltage',
    current: 'Current',
    ac_current: 'AC current',
    dc_voltage: 'DC voltage',
    dc_current: 'DC current',
    frequency: 'Grid frequency',
    power_factor_total: 'Power factor, total',
    session_energy: 'Charging session energy',
    volume: 'Volume',
    flow: 'Flow rate',
    temperature_flow: 'Flow temperature',
    temperature_return: 'Return temperature',
    temperature_internal: 'Device temperature',
    temperature_cabinet: 'Cabinet temperature',
    serial_number: 'Serial number',
    model_name: 'Model',
    charge_point_state: 'Charge point state',
    energy_injected: 'Energy injected (meter reading)',
    energy_absorbed: 'Energy absorbed (meter reading)',
    soc: 'State of charge',
  },
};

const WORDS: Readonly<Record<Language, { inverter: string; meter: string; mppt: string; tariff2: string }>> = {
  de: { inverter: 'Wechselrichter', meter: 'Zähler', mppt: 'MPPT', tariff2: 'Tarif 2' },
  en: { inverter: 'Inverter', meter: 'Meter', mppt: 'MPPT', tariff2: 'tariff 2' },
};

/** The name of a point key in `lang`, or undefined when the key is not one the profiles and SunSpec define. */
export function pointKeyName(lang: Language, key: string): string | undefined {
  const words = WORDS[lang];
  const prefixed = /^(inverter|meter|mppt(\d+))_(.+)$/.exec(key);
  if (prefixed) {
    const inner = pointKeyName(lang, prefixed[3]!);
    if (inner === undefined) return undefined;
    const who = prefixed[2] !== undefined ? `${words.mppt} ${prefixed[2]}` : words[prefixed[1] as 'inverter' | 'meter'];
    return `${who}: ${inner}`;
  }
  const tariff = /^(.+)_t2$/.exec(key);
  if (tariff) {
    const inner = pointKeyName(lang, tariff[1]!);
    return inner === undefined ? undefined : `${inner}, ${words.tariff2}`;
  }
  const phase = /^(.+)_l([123])$/.exec(key);
  if (phase) {
    const inner = BASE[lang][phase[1]!];
    return inner === undefined ? undefined : `${inner} L${phase[2]}`;
  }
  return BASE[lang][key];
}

/**
 * What the UI calls a point: for a profile's point (Modbus, SunSpec) the name of its key in the user's language;
 * for anything else, and for keys without an entry, the stored name.
 */
export function pointDisplayName(lang: Language, point: { readonly id: string; readonly name: string }, fromProfile: boolean): string {
  if (!fromProfile) return point.name;
  const key = point.id.slice(point.id.indexOf(':') + 1);
  return pointKeyName(lang, key) ?? point.name;
}

/** pointDisplayName for a point of the district: its device tells whether the name comes from a profile. */
export function pointLabel(
  lang: Language,
  point: { readonly id: string; readonly name: string; readonly deviceId: string },
  devices: readonly { readonly id: string; readonly protocol: string }[],
): string {
  const protocol = devices.find((d) => d.id === point.deviceId)?.protocol ?? '';
  return pointDisplayName(lang, point, protocol.startsWith('modbus'));
}
