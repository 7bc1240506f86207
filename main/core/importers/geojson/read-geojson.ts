/**
 * Streams a GeoJSON FeatureCollection (RFC 7946, or the 2008 form with a "crs" member) of building footprints.
 * Any problem throws an ImportError naming file, line and column, and nothing is returned.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Building, RoofSurface } from '../../../../models/types.js';
import { crsByEpsg, SUPPORTED_CRS } from '../crs/crs.js';
import { resolveSrsName } from '../crs/srs-name.js';
import { resolveCrsOption } from '../crs/crs-option.js';
import { ImportError } from '../import-error.js';
import { type ImportOptions, type ImportResult, boundsOf } from '../import-result.js';
import { Warnings } from '../warnings.js';
import { MAX_GEOJSON_BYTES, mb } from '../input-limits.js';
import { FeatureScanner, JsonProblem, type ScannedFeature } from './feature-scanner.js';
import { PropertyProblem, featureToBuilding } from './feature-to-building.js';
import { advance, jsonErrorOffset, jsonErrorProblem } from './json-position.js';

const CHUNK_BYTES = 1 << 20;

interface ParsedFeature {
  readonly value: unknown;
  readonly index: number;
  readonly line: number;
  readonly column: number;
}

function parseFeature(file: string, f: ScannedFeature): ParsedFeature {
  try {
    return { value: JSON.parse(f.text), index: f.index, line: f.line, column: f.column };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = advance(f.text, jsonErrorOffset(f.text, message), f.line, f.column);
    throw new ImportError(file, `invalid JSON in feature ${f.index + 1}: ${jsonErrorProblem(message)}`, at.line, at.column);
  }
}

export async function readGeoJson(file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const totalBytes = (await stat(file)).size;
  if (totalBytes > MAX_GEOJSON_BYTES) {
    throw new ImportError(file, `${mb(totalBytes)} is more than a GeoJSON file may have (${mb(MAX_GEOJSON_BYTES)}); split it, or use CityGML, which is streamed`);
  }
  const override = options.crs === undefined ? undefined : resolveCrsOption(file, options.crs);
  // the "crs" member may come after the features, so they are converted once the whole file is read
  const features: ParsedFeature[] = [];
  const scanner = new FeatureScanner((f) => features.push(parseFeature(file, f)));

  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  let skeleton: unknown;
  try {
    let first = true;
    for await (const chunk of stream as AsyncIterable<string>) {
      scanner.write(first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk);
      first = false;
      options.onProgress?.(Math.min(stream.bytesRead, totalBytes), totalBytes);
    }
    skeleton = scanner.end();
  } catch (e) {
    if (e instanceof JsonProblem) throw new ImportError(file, e.message, e.line, e.column);
    throw e;
  } finally {
    stream.destroy();
  }

  const top = (typeof skeleton === 'object' && skeleton !== null ? skeleton : {}) as {
    type?: unknown;
    features?: unknown;
    crs?: { properties?: { name?: unknown } };
  };
  if (top.type === 'Feature') features.push({ value: skeleton, index: 0, line: 1, column: 1 });
  else if (top.type !== 'FeatureCollection') {
    throw new ImportError(file, `the top-level "type" must be "FeatureCollection" or "Feature", not ${JSON.stringify(top.type)}`, 1, 1);
  } else if (!Array.isArray(top.features)) {
    throw new ImportError(file, 'the FeatureCollection has no "features" array', 1, 1);
  }

  const warnings = new Warnings();
  const crsName = top.crs?.properties?.name;
  let crs = override?.crs;
  if (!crs && typeof crsName === 'string') {
    crs = resolveSrsName(crsName)?.crs;
    if (!crs) throw new ImportError(file, `unknown crs '${crsName}': pass --crs (supported: ${SUPPORTED_CRS.join(', ')})`);
  } else if (crs && typeof crsName === 'string' && resolveSrsName(crsName)?.crs.code !== crs.code) {
    warnings.add(`the file says crs '${crsName}'; read as ${crs.code} as --crs asks`);
  }
  crs ??= crsByEpsg(4326);
  if (!crs) throw new Error('EPSG:4326 is not defined');

  const buildings = new Map<string, { building: Building; roofs: RoofSurface[] }>();
  for (const f of features) {
    let converted;
    try {
      converted = featureToBuilding(f.value, { crs, warnings, fallbackId: `${basename(file)}#${f.index + 1}` });
    } catch (e) {
      if (!(e instanceof PropertyProblem)) throw e;
      const id = (f.value as { id?: unknown } | null)?.id;
      const label = `feature ${f.index + 1}${typeof id === 'string' || typeof id === 'number' ? ` (id ${JSON.stringify(id)})` : ''}`;
      throw new ImportError(file, `${label}: ${e.message}`, f.line, f.column);
    }
    if (!converted) continue;
    if (buildings.has(converted.building.id)) warnings.add('duplicate id: the later feature is kept', converted.building.id);
    buildings.set(converted.building.id, converted);
  }
  const all = [...buildings.values()];
  const list = all.map((b) => b.building);
  if (list.length === 0) warnings.add('no buildings found');
  return {
    format: 'geojson',
    crs: crs.code,
    buildings: list,
    roofs: all.flatMap((b) => b.roofs),
    bounds: boundsOf(list),
    warnings: warnings.list(),
    warningDetails: warnings.coded(),
  };
}
