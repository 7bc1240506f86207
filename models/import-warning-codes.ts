/**
 * Warnings of a building import (CityGML, GeoJSON) as codes and parameters beside their English lines, so the UI
 * and the CLI say them in the user's language. The importers add constant English messages (some with a number
 * or a name in them); importWarningCode reads the code and those values from the message once, here, so the
 * importers (and their worker threads) keep passing plain messages.
 */
export const IMPORT_WARNING_CODES = [
  'noPolygons',
  'noFootprint',
  'convexHull',
  'heightFromStoreys',
  'heightAssumed',
  'shortened',
  'unnamedBuilding',
  'unnamedFeature',
  'duplicateGmlId',
  'duplicateId',
  'noBuildings',
  'crsOverride',
  'noGeometry',
  'multiPolygon',
  'bowTie',
] as const;
export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number];

/**
 * One kind of warning: its code and values, how often it came, and up to three of the buildings it concerns.
 * params of the kinds: heightFromStoreys storeyM; heightAssumed heightM; shortened what ('name', 'address', an
 * element name), max; crsOverride said, used.
 */
export interface ImportWarning {
  readonly message: string;
  readonly code: ImportWarningCode;
  readonly params: Readonly<Record<string, string | number>>;
  readonly count: number;
  readonly examples: readonly string[];
}

type Rule = readonly [RegExp, ImportWarningCode, (m: RegExpExecArray) => Record<string, string | number>];
const none = (): Record<string, string | number> => ({});

const RULES: readonly Rule[] = [
  [/^building without polygons skipped$/, 'noPolygons', none],
  [/^building without a usable footprint skipped$/, 'noFootprint', none],
  [/^ground pieces do not join into one outline/, 'convexHull', none],
  [/^no measured height or 3D geometry; height from storeys x ([\d.]+) m$/, 'heightFromStoreys', (m) => ({ storeyM: Number(m[1]) })],
  [/^no height(?:, storeys or 3D geometry| or storeys); assumed ([\d.]+) m$/, 'heightAssumed', (m) => ({ heightM: Number(m[1]) })],
  [/^(.+) longer than (\d+) characters shortened$/, 'shortened', (m) => ({ what: m[1]!, max: Number(m[2]) })],
  [/^building without gml:id: /, 'unnamedBuilding', none],
  [/^feature without id: /, 'unnamedFeature', none],
  [/^duplicate gml:id: /, 'duplicateGmlId', none],
  [/^duplicate id: /, 'duplicateId', none],
  [/^no buildings found$/, 'noBuildings', none],
  [/^the file says (?:srsName|crs) '([^']*)'; read as (\S+) as --crs asks$/, 'crsOverride', (m) => ({ said: m[1]!, used: m[2]! })],
  [/^feature without a Polygon or MultiPolygon geometry skipped$/, 'noGeometry', none],
  [/^MultiPolygon footprint: /, 'multiPolygon', none],
  [/^footprint crosses itself/, 'bowTie', none],
];

/** The code and values of an importer's warning message, or undefined for one this table does not know. */
export function importWarningCode(message: string): { code: ImportWarningCode; params: Record<string, string | number> } | undefined {
  for (const [re, code, params] of RULES) {
    const m = re.exec(message);
    if (m) return { code, params: params(m) };
  }
  return undefined;
}

/**
 * One warning line in a surface's language: its kind's text ('import.warning.code.<code>'), then the buildings it
 * concerns or how often it came, as Warnings.list() does in English. t looks a key up in the surface's table.
 */
export function importWarningText(w: ImportWarning, t: (key: string, params: Readonly<Record<string, string | number>>) => string): string {
  const text = t(`import.warning.code.${w.code}`, w.params);
  if (w.examples.length === 0) return w.count > 1 ? t('import.warning.times', { text, count: w.count }) : text;
  const examples = w.examples.join(', ');
  const more = w.count - w.examples.length;
  return more > 0 ? t('import.warning.examplesMore', { text, examples, more }) : t('import.warning.examples', { text, examples });
}
