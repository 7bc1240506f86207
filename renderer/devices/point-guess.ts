/**
 * What a picked OPC UA variable probably is, from its name (display name, browse name, the path it was found under)
 * and, when known, its engineering unit: "HeatPower" in kW is heat power, "Wärmemenge" heat energy, "Gas" in m³ gas.
 * The user can change every guess; `sure` is false when a field fell back to its default for want of a clue, so the
 * picker can say it guessed. Names are matched in German and English, as building automation servers use both.
 */
import type { Medium, PointKind, PointRole } from '../../models/values.js';

export interface PointGuess {
  readonly medium: Medium;
  readonly role: PointRole;
  readonly kind: PointKind;
  /** Both medium and role came from a clue in the name or unit, not from a default. */
  readonly sure: boolean;
}

// Order matters: "Heizöl" is oil, not heat; "Fernwärme" is district heat, not heat; heat before electricity, so
// "HeatPower" in kW is heat although "power" and kW also suit electricity.
const MEDIUM_CLUES: readonly (readonly [Medium, RegExp])[] = [
  ['district-heat', /fernw(ä|ae)rme|district[\s_-]?heat/i],
  ['oil', /heiz(ö|oe)l|(^|[^a-z])(oil|öl)([^a-z]|$)|fuel[\s_-]?oil/i],
  ['gas', /gas/i],
  ['water', /wasser|water/i],
  ['heat', /heat|w(ä|ae)rme|heiz|thermal|therm/i],
  ['electricity', /strom|elektr|electric|wirkleistung|active[\s_-]?(power|energy)|pv|solar|inverter|wechselrichter|grid|netz|voltage|spannung|frequen|cos[\s_-]?phi/i],
];

const ROLE_CLUES: readonly (readonly [PointRole, RegExp])[] = [
  ['export', /export|einspeis|feed[\s_-]?in|lieferung|delivered/i],
  ['generation', /pv|solar|generat|erzeug|ertrag|yield|inverter|wechselrichter|bhkw|chp/i],
  ['storage', /batter|speicher|storage|soc/i],
  ['import', /import|bezug|grid|netz|hausanschluss|supply|zufuhr/i],
  ['consumption', /verbrauch|consum|load|last|unterz(ä|ae)hler|sub[\s_-]?meter/i],
  ['info', /temp|vorlauf|r(ü|ue)cklauf|flow[\s_-]?temp|voltage|spannung|frequen|druck|pressure/i],
];

/** Units by what they measure; m³ alone does not tell gas from water. */
const ENERGY_UNITS = /^(k|m|g)?wh$/i;
const POWER_UNITS = /^(k|m)?w$/i;
const TEMPERATURE_UNITS = /^(°c|degc|k)$/i;
const VOLUME_UNITS = /^(m³|m3)$/i;
const FLOW_UNITS = /^(m³\/h|m3\/h|l\/h|l\/min)$/i;

function guessKind(text: string, unit: string): PointKind {
  if (ENERGY_UNITS.test(unit) || VOLUME_UNITS.test(unit)) return 'energy-counter';
  if (POWER_UNITS.test(unit)) return 'power';
  if (TEMPERATURE_UNITS.test(unit)) return 'temperature';
  if (FLOW_UNITS.test(unit)) return 'flow';
  if (/^v$/i.test(unit)) return 'voltage';
  if (/^a$/i.test(unit)) return 'current';
  if (/^hz$/i.test(unit)) return 'frequency';
  if (/energy|energie|menge|kwh|counter|z(ä|ae)hler|meter[\s_-]?reading/i.test(text)) return 'energy-counter';
  if (/temp/i.test(text)) return 'temperature';
  if (/flow|durchfluss/i.test(text)) return 'flow';
  return 'power';
}

export function guessPoint(names: readonly string[], unit?: string): PointGuess {
  const text = names.join(' ');
  const u = (unit ?? '').trim();
  const kind = guessKind(text, u);
  let medium = MEDIUM_CLUES.find(([, re]) => re.test(text))?.[0];
  // a volume counter without a word for it: gas is the usual one on a building's connection, but ask
  let mediumSure = medium !== undefined;
  if (!medium && VOLUME_UNITS.test(u)) {
    medium = 'gas';
    mediumSure = false;
  }
  const roleClue = ROLE_CLUES.find(([, re]) => re.test(text))?.[0];
  const role: PointRole = kind === 'temperature' || kind === 'voltage' || kind === 'frequency' ? 'info' : (roleClue ?? 'consumption');
  return { medium: medium ?? 'electricity', role, kind, sure: mediumSure && (roleClue !== undefined || role === 'info') };
}
