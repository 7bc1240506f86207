/**
 * What is wrong with a building file, as a code and values beside the importer's English problem, so the UI and
 * the CLI say it in the user's language. The importers (and their worker threads) throw ImportError with English
 * words; importProblemCode reads the code and the values from them once, here. A problem of one GeoJSON feature
 * ("feature 3 (id "a"): height 2000 m is outside ...") gets the feature's number and id as params feature, id.
 * CityGML's problems carry the line and column of the ImportError, not a feature. What no rule knows keeps its
 * English text; the XML and JSON parsers' own words stay English inside a translated sentence (malformedXml).
 */
export const IMPORT_PROBLEM_CODES = [
  'noFile',
  'unreadable',
  'tooLarge',
  'unknownCrs',
  'topType',
  'noFeatures',
  'noCityGmlBuilding',
  'notFeature',
  'idTooLong',
  'height',
  'storeys',
  'notNumber',
  'fewPositions',
  'emptyFile',
  'unknownFormat',
  'encoding',
  'malformedXml',
  'textTooLong',
  'elementTextTooLong',
  'noSrsName',
  'unknownSrsName',
  'mixedSrs',
  'srsDimension',
  'coordinateCount',
  'coordinateNotNumber',
  'tooManyCoordinates',
  'elementNotNumber',
  'yearOfConstruction',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

type Params = Record<string, string | number>;
type Rule = readonly [RegExp, ImportProblemCode, (m: RegExpExecArray) => Params];
const none = (): Params => ({});

const FILE_RULES: readonly Rule[] = [
  [/^no such file$/, 'noFile', none],
  [/^cannot read the file \((.+)\)$/, 'unreadable', (m) => ({ reason: m[1]! })],
  [/^(.+) is more than a (CityGML|GeoJSON) file may have \(([^)]+)\)/, 'tooLarge', (m) => ({ size: m[1]!, format: m[2]!, limit: m[3]! })],
  [/^unknown (?:CRS|crs) '([^']*)'(?:: pass --crs)? \(supported: (.+)\)$/, 'unknownCrs', (m) => ({ crs: m[1]!, supported: m[2]! })],
  [/^the top-level "type" must be "FeatureCollection" or "Feature", not (.+)$/, 'topType', (m) => ({ type: m[1]! })],
  [/^the FeatureCollection has no "features" array$/, 'noFeatures', none],
  [/^no CityGML building \(bldg:Building\) in the file$/, 'noCityGmlBuilding', none],
  [/^the file is empty$/, 'emptyFile', none],
  [/^neither CityGML \(XML\) nor GeoJSON/, 'unknownFormat', none],
  [/^encoding '([^']*)' is not supported/, 'encoding', (m) => ({ encoding: m[1]! })],
  [/^malformed XML: (.+)$/s, 'malformedXml', (m) => ({ detail: m[1]! })],
  [/^text without a tag for more than (.+?): no posList or name is that long$/, 'textTooLong', (m) => ({ limit: m[1]! })],
  [/^(\S+) holds more than (\d+) MB of text/, 'elementTextTooLong', (m) => ({ element: m[1]!, limit: `${m[2]!} MB` })],
  [/^no srsName in the file before this building/, 'noSrsName', none],
  [/^unknown srsName '([^']*)': pass --crs \(supported: (.+)\)$/, 'unknownSrsName', (m) => ({ srsName: m[1]!, supported: m[2]! })],
  [/^srsName '([^']*)' differs from '([^']*)' \(line (\d+)\)/, 'mixedSrs', (m) => ({ srsName: m[1]!, first: m[2]!, line: Number(m[3]) })],
  [/^srsDimension must be 2 or 3, not '([^']*)'$/, 'srsDimension', (m) => ({ value: m[1]! })],
  [/^(\S+) has (\d+) numbers, not a multiple of the dimension (\d)$/, 'coordinateCount', (m) => ({ element: m[1]!, count: Number(m[2]), dimension: Number(m[3]) })],
  [/^(\S+) holds '([^']*)', which is not a number$/, 'coordinateNotNumber', (m) => ({ element: m[1]!, value: m[2]! })],
  [/^the building has more than ([\d,]+) coordinates/, 'tooManyCoordinates', (m) => ({ max: m[1]! })],
  [/^(\S+) must be a non-negative number, not '([^']*)'$/, 'elementNotNumber', (m) => ({ element: m[1]!, value: m[2]! })],
  [/^height (.+) m is outside 0 to (\d+) m/, 'height', (m) => ({ value: m[1]!, max: Number(m[2]) })],
  [/^(.+) storeys is outside 0 to (\d+)$/, 'storeys', (m) => ({ value: m[1]!, max: Number(m[2]) })],
  [/^yearOfConstruction must be a year such as 1965, not '([^']*)'$/, 'yearOfConstruction', (m) => ({ value: m[1]! })],
];

const FEATURE_RULES: readonly Rule[] = [
  [/^not a GeoJSON Feature/, 'notFeature', none],
  [/^the id is longer than (\d+) characters$/, 'idTooLong', (m) => ({ max: Number(m[1]) })],
  [/^height (.+) m is outside 0 to (\d+) m/, 'height', (m) => ({ value: m[1]!, max: Number(m[2]) })],
  [/^(.+) storeys is outside 0 to (\d+)$/, 'storeys', (m) => ({ value: m[1]!, max: Number(m[2]) })],
  [/^property '(.+)' must be a non-negative number, not (.+)$/, 'notNumber', (m) => ({ property: m[1]!, value: m[2]! })],
  [/^(.+) has fewer than 3 distinct positions$/, 'fewPositions', (m) => ({ where: m[1]! })],
];

const first = (rules: readonly Rule[], text: string): { code: ImportProblemCode; params: Params } | undefined => {
  for (const [re, code, params] of rules) {
    const m = re.exec(text);
    if (m) return { code, params: params(m) };
  }
  return undefined;
};

export function importProblemCode(problem: string): { code: ImportProblemCode; params: Params } | undefined {
  const feature = /^feature (\d+)(?: \(id (.+?)\))?: (.+)$/s.exec(problem);
  if (feature === null) return first(FILE_RULES, problem);
  const inner = first(FEATURE_RULES, feature[3]!);
  return inner && { code: inner.code, params: { ...inner.params, feature: feature[1]!, id: feature[2] ?? '' } };
}

/**
 * A coded problem in a surface's language ('import.problem.<code>'; a feature's problem inside
 * 'import.problem.feature' or 'import.problem.featureId'). t looks a key up in the surface's table.
 */
export function importProblemText(c: { code: ImportProblemCode; params: Readonly<Params> }, t: (key: string, params: Readonly<Params>) => string): string {
  const text = t(`import.problem.${c.code}`, c.params);
  if (c.params['feature'] === undefined) return text;
  const id = String(c.params['id'] ?? '');
  return t(id === '' ? 'import.problem.feature' : 'import.problem.featureId', { feature: String(c.params['feature']), id, text });
}

/** The code an ApiError's params carry (problemCode), if it is one of ours. */
export const isImportProblemCode = (v: unknown): v is ImportProblemCode => (IMPORT_PROBLEM_CODES as readonly unknown[]).includes(v);
