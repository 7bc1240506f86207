/**
 * The one entry point for importing building data: detects the format from the file's first characters
 * (falling back to the extension), streams it, and returns buildings, roof surfaces, bounds and warnings.
 * Nothing is written anywhere; on any problem an ImportError names file, line and column.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { readCityGml } from './citygml/read-citygml.js';
import { readGeoJson } from './geojson/read-geojson.js';
import { ImportError } from './import-error.js';
import type { ImportFormat, ImportOptions, ImportResult } from './import-result.js';

export type { ImportOptions, ImportResult } from './import-result.js';
export { ImportError } from './import-error.js';

const EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  '.gml': 'citygml',
  '.xml': 'citygml',
  '.citygml': 'citygml',
  '.geojson': 'geojson',
  '.json': 'geojson',
};

export async function detectFormat(file: string): Promise<ImportFormat> {
  let head: string;
  try {
    const handle = await open(file, 'r');
    try {
      const buf = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      head = buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImportError(file, code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(e)})`);
  }
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === undefined) throw new ImportError(file, 'the file is empty');
  if (first === '<') return 'citygml';
  if (first === '{') return 'geojson';
  const byExtension = EXTENSIONS[extname(file).toLowerCase()];
  if (byExtension) return byExtension;
  throw new ImportError(file, 'neither CityGML (XML) nor GeoJSON: the file starts with neither < nor {');
}

export async function importBuildings(file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const format = await detectFormat(file);
  return format === 'citygml' ? readCityGml(file, options) : readGeoJson(file, options);
}
