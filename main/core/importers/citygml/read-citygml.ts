/**
 * Reads a CityGML 1.0 / 2.0 file (LoD1, LoD2): buildings, roof surfaces, bounds and warnings. Small files are
 * streamed on the calling thread; larger ones are cut into pieces parsed by worker threads (read-citygml-parallel.ts),
 * with the same result. Any problem throws an ImportError naming file, line and column, and nothing is returned.
 */
import { stat } from 'node:fs/promises';
import { MAX_CITYGML_BYTES, mb } from '../input-limits.js';
import { ImportError } from '../import-error.js';
import type { ImportOptions, ImportResult } from '../import-result.js';
import { readCityGmlParallel } from './read-citygml-parallel.js';
import { readCityGmlSerial } from './read-citygml-serial.js';
import type { BuildingSink } from './building-sink.js';

/** Below this, starting the workers costs more than they save. */
const PARALLEL_FROM_BYTES = 8 << 20;

/** Whether a file of this size is read by the parse workers (and may be read ahead, see import-tiles.ts). */
export const readInParallel = (bytes: number): boolean => bytes >= PARALLEL_FROM_BYTES && bytes <= MAX_CITYGML_BYTES;

/** With a sink, the buildings go there as they are read (see building-sink.ts) instead of into the result. */
export async function readCityGml(file: string, options: ImportOptions = {}, sink?: BuildingSink): Promise<ImportResult> {
  const totalBytes = (await stat(file)).size;
  if (totalBytes > MAX_CITYGML_BYTES) {
    throw new ImportError(file, `${mb(totalBytes)} is more than a CityGML file may have (${mb(MAX_CITYGML_BYTES)}); import the tiles one by one`);
  }
  return readInParallel(totalBytes) ? readCityGmlParallel(file, totalBytes, options, {}, sink) : readCityGmlSerial(file, totalBytes, options, sink);
}
