/**
 * The one-thread and the parallel CityGML reader on the same file, for the tests that hold them to each other: a
 * folder and a pool of two parse workers for a test file, both readers' results, and the ImportError a read ends with.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { ParseWorkerPool } from '../../../main/core/importers/citygml/parse-worker-pool.js';
import { readCityGmlParallel } from '../../../main/core/importers/citygml/read-citygml-parallel.js';
import { readCityGmlSerial } from '../../../main/core/importers/citygml/read-citygml-serial.js';
import { ImportError } from '../../../main/core/importers/import-error.js';
import type { ImportResult } from '../../../main/core/importers/import-result.js';

/** A temp folder and two parse workers for the calling test file, removed and stopped after its tests. */
export function folderAndPool(prefix: string): { dir: string; pool: ParseWorkerPool } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const pool = new ParseWorkerPool(2);
  afterAll(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, pool };
}

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
