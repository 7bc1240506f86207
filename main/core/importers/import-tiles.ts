/**
 * Imports many files (a city's tiles) into one district file, each in its own transaction as importIntoStore does:
 * a file with an error changes nothing of its own, and the files before it stay imported. What this adds is the
 * overlap: once a CityGML tile read by the parse workers has been read to its end, the next one is read and parsed
 * ahead (late-sink.ts) while the tile's last pieces are merged and its transaction commits, so that the workers are
 * not idle at every tile boundary. Only one tile is read ahead, and only as far as the pieces the workers hold.
 */
import { stat } from 'node:fs/promises';
import type { Store } from '../store/store.js';
import { readCityGml, readInParallel } from './citygml/read-citygml.js';
import { LateSink } from './citygml/late-sink.js';
import { ImportError } from './import-error.js';
import { detectFormat } from './import-buildings.js';
import type { ImportFormat, ImportOptions, ImportResult } from './import-result.js';
import { importIntoStore, streamTile, type TileImport } from './import-into-store.js';

export interface TilesOptions {
  /** Overrides every file's own CRS (see ImportOptions). */
  readonly crs?: string;
  /** Bytes of all the files done so far, and their total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Told of each file read ahead of its turn (tests). */
  readonly onReadAhead?: (index: number) => void;
}

export interface TilesOutcome {
  /** One per file imported, in the files' order. */
  readonly tiles: readonly TileImport[];
  /** The file that failed (nothing of it is written; the files before it stay imported); none after it was tried. */
  readonly failed?: { readonly index: number; readonly error: ImportError };
}

/** A file being read ahead: its format once known, and its read, which waits for its writer. */
interface Ahead {
  readonly index: number;
  readonly format: Promise<ImportFormat>;
  readonly sink: LateSink;
  readonly reading: Promise<ImportResult>;
}

export async function importTiles(store: Store, files: readonly string[], options: TilesOptions = {}): Promise<TilesOutcome> {
  const sizes = await Promise.all(files.map(async (f) => (await stat(f).catch(() => null))?.size ?? 0));
  // where each file's bytes start in the run's one progress bar
  const offsets: number[] = [];
  let total = 0;
  for (const size of sizes) {
    offsets.push(total);
    total += size;
  }
  const readEnded = new Set<number>();
  let current = 0;
  let ahead: Ahead | undefined;

  const startAhead = (index: number): void => {
    const file = files[index];
    if (file === undefined || ahead !== undefined || !store.buildingImport || !readInParallel(sizes[index] ?? 0)) return;
    const format = detectFormat(file);
    const sink = new LateSink();
    const reading = format.then((f) => (f === 'citygml' ? readCityGml(file, fileOptions(index), sink) : Promise.reject(new Error('not CityGML'))));
    // both are awaited (or dropped) at the file's turn; this only keeps them from counting as unhandled meanwhile
    format.catch(() => undefined);
    reading.catch(() => undefined);
    ahead = { index, format, sink, reading };
    options.onReadAhead?.(index);
  };

  const fileOptions = (index: number): ImportOptions => ({
    ...(options.crs === undefined ? {} : { crs: options.crs }),
    onProgress: (done) => options.onProgress?.((offsets[index] ?? 0) + done, total),
    onReadEnd: () => {
      readEnded.add(index);
      if (index === current) startAhead(index + 1);
    },
  });

  /** The file at its turn: with the read started ahead when there is one, else as a single file is. */
  const importOne = async (index: number, file: string): Promise<TileImport> => {
    const mine = ahead?.index === index ? ahead : undefined;
    if (mine) ahead = undefined;
    if (readEnded.has(index)) startAhead(index + 1);
    const format = mine === undefined ? undefined : await mine.format.catch(() => undefined);
    if (mine === undefined || format !== 'citygml' || !store.buildingImport) return importIntoStore(store, file, fileOptions(index));
    return store.buildingImport((tx) =>
      streamTile(tx, file, (writer) => {
        mine.sink.attach(writer);
        return mine.reading;
      }),
    );
  };

  const tiles: TileImport[] = [];
  try {
    for (const [index, file] of files.entries()) {
      current = index;
      try {
        tiles.push(await importOne(index, file));
      } catch (e) {
        if (e instanceof ImportError) return { tiles, failed: { index, error: e } };
        throw e;
      }
    }
    return { tiles };
  } finally {
    // a file read ahead of one that failed: its read stops, and its pieces are back from the workers before return
    const left = ahead as Ahead | undefined;
    if (left) {
      left.sink.cancel();
      await left.reading.catch(() => undefined);
    }
  }
}
