/**
 * The one-thread and the parallel CityGML reader on the same file, for the tests that hold them to each other, and
 * the ImportError a read ends with.
 */
import { statSync } from 'node:fs';
import { expect } from 'vitest';
import type { ParseWorkerPool } from '../../../main/core/importers/citygml/parse-worker-pool.js';
import { readCityGmlParallel } from '../../../main/core/importers/citygml/read-citygml-parallel.js';
import { readCityGmlSerial } from '../../../main/core/importers/citygml/read-citygml-serial.js';
import { ImportError } from '../../../main/core/importers/import-error.js';
import type { ImportResult } from '../../../main/core/importers/import-result.js';

/** Both readers' results; serialReasons says why the parallel one fell back to one thread, if it did. */
export async function readBoth(file: string, pool: ParseWorkerPool, pieceBytes: number): Promise<{ serial: ImportResult; parallel: ImportResult; serialReasons: string[] }> {
  const size = statSync(file).size;
  const serialReasons: string[] = [];
  const serial = await readCityGmlSerial(file, size);
  const parallel = await readCityGmlParallel(file, size, {}, { pool, pieceBytes, onSerial: (r) => serialReasons.push(r) });
  return { serial, parallel, serialReasons };
}

/** The ImportError p rejects with (and that it does). */
export async function importFailure(p: Promise<unknown>): Promise<ImportError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}
