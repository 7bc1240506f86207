/**
 * CityGML code lists for building function and roof type. Files from the German state surveys (NRW: prefixed
 * like "31001_1010") use the ALKIS codes; SIG3D CityGML 2.0 examples use their own list. Both are mapped to the
 * few classes PlusTwin knows.
 */
import type { Building, BuildingUse } from '../../../../models/types.js';

/** Codes by their text: a file uses a few dozen, each on thousands of buildings. */
const codes = new Map<string, number>();
const MAX_CODES = 1024;

function codeOf(raw: string): number {
  let code = codes.get(raw);
  if (code === undefined) {
    code = Number(raw.trim().split('_').pop());
    if (codes.size < MAX_CODES) codes.set(raw, code);
  }
  return code;
}

/** ALKIS Gebäudefunktion (31001) first, SIG3D _AbstractBuilding_function where ALKIS has no such code. */
export function useFromFunction(raw: string | undefined, footprintM2: number, storeys: number | undefined): BuildingUse {
  if (raw === undefined) return 'other';
  const code = codeOf(raw);
  if (!Number.isFinite(code)) return 'other';
  if (code >= 1000 && code < 1200) {
    // residential: the code lists do not say how many flats; a small, low house is taken as single-family
    const small = footprintM2 < 200 && (storeys === undefined || storeys <= 2);
    return small ? 'single-family' : 'multi-family';
  }
  if (code === 3012) return 'town-hall';
  if (code >= 3020 && code < 3030) return 'school';
  if (code === 2020 || code === 3010 || code === 1120) return 'office';
  if ((code >= 2050 && code < 2060) || code === 2010 || code === 1150 || code === 1160 || code === 1170) return 'shop';
  return 'other';
}

/** ALKIS Dachform (1000 flat, 2100 shed, 3100 gable, 3200 hip ...) and SIG3D roofType (1000-1130). */
export function roofTypeFromCode(raw: string | undefined): Building['roofType'] | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim().toLowerCase();
  const code = codeOf(text);
  if (!Number.isFinite(code)) {
    if (text.startsWith('flat')) return 'flat';
    if (text.startsWith('gable')) return 'gable';
    if (text.startsWith('hip')) return 'hip';
    if (text.startsWith('shed') || text.startsWith('mono')) return 'shed';
    return 'other';
  }
  switch (code) {
    case 1000:
      return 'flat';
    case 1010:
    case 1020:
    case 2100:
    case 2200:
      return 'shed';
    case 1030:
    case 3100:
      return 'gable';
    case 1040:
    case 1050:
    case 1070:
    case 1120:
    case 3200:
    case 3300:
    case 3500:
      return 'hip';
    default:
      return 'other';
  }
}
