/**
 * Streams a CityGML 1.0 / 2.0 file (LoD1, LoD2) through saxes on the calling thread: one building in memory at a
 * time, progress by bytes read. Any problem throws an ImportError naming file, line and column, and nothing is
 * returned. The parallel reader falls back to this one whenever a file is not plainly split into members, and to
 * word an error exactly.
 */
import { createReadStream } from 'node:fs';
import type { ImportOptions, ImportResult } from '../import-result.js';
import { ImportError } from '../import-error.js';
import { CityGmlProblem } from './citygml-handler.js';
import { CityGmlSession } from './citygml-session.js';
import type { BuildingSink } from './building-sink.js';

const CHUNK_BYTES = 1 << 20;

export async function readCityGmlSerial(file: string, totalBytes: number, options: ImportOptions = {}, sink?: BuildingSink): Promise<ImportResult> {
  const session = new CityGmlSession(file, options, sink);
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  try {
    let first = true;
    // a file that grew or shrank while being read still ends at 100 %
    for await (const chunk of stream as AsyncIterable<string>) {
      // a byte-order mark is not part of the document
      session.write(first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk);
      first = false;
      await session.sink.drain();
      options.onProgress?.(Math.min(stream.bytesRead, totalBytes), totalBytes);
    }
    session.parser.close();
  } catch (e) {
    if (e instanceof CityGmlProblem) throw new ImportError(file, e.message, e.position.line, e.position.column);
    throw e;
  } finally {
    stream.destroy();
  }
  return session.result();
}
