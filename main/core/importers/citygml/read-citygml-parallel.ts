/**
 * Reads a CityGML file with parse workers. The main thread reads bytes and cuts them after a cityObjectMember's
 * end tag into pieces of about PIECE_BYTES; the workers parse and assemble the pieces; the main thread takes their
 * buildings back in file order (ids, duplicates and warnings as from one pass) while the next pieces are parsed.
 * At most two pieces per worker are out at a time, so memory stays bounded whatever the file's size, and the read
 * waits when they are all out.
 *
 * The file's head (before the first member) and tail (after the last) go through the same parser and handler as
 * in the one-thread reader, so the CRS, the encoding and the root element are checked as there. Whenever something
 * does not fit the plan (a problem in a piece, a member larger than MAX_PIECE_BYTES, no srsName before the first
 * member, no members at all), the file is read again by the one-thread reader: it gives the same result, or the
 * error worded with the file's line and column, exactly as before there were workers.
 */
import { open } from 'node:fs/promises';
import { ImportError } from '../import-error.js';
import type { ImportOptions, ImportResult } from '../import-result.js';
import { assembleBuilding } from './assemble-building.js';
import { CityGmlSession, shortenedMessage } from './citygml-session.js';
import type { MembersResult } from './parse-members.js';
import { type ParseWorkerPool, parseWorkers } from './parse-worker-pool.js';
import { readCityGmlSerial } from './read-citygml-serial.js';
import { type BuildingSink, encodeAssembled } from './building-sink.js';
import { firstMemberEnd, lastMemberEnd } from './member-ends.js';
import { PieceBuffer } from './piece-buffer.js';
import { ReadCancelled } from './late-sink.js';

const READ_BYTES = 1 << 20;
/** A piece: large enough that passing it to a worker costs little, small enough to keep memory low. */
const PIECE_BYTES = 2 << 20;
/**
 * A member or a head larger than this is left to the one-thread reader, which streams it: a building's largest
 * posList is 16 MB of text (MAX_XML_TEXT_CHARS), and 2 million coordinates are about 30 MB of XML.
 */
const MAX_PIECE_BYTES = 48 << 20;
/** The longest `</prefix:cityObjectMember >` looked for across a read boundary. */
const OVERLAP = 256;
const MEMBER_START = /<(?:[A-Za-z_][\w.-]*:)?cityObjectMember[\s>/]/;

/** The plan does not fit this file: read it on the main thread instead. */
class NotSplittable extends Error {}

export interface ParallelTuning {
  readonly pool?: ParseWorkerPool;
  readonly pieceBytes?: number;
  /** Told why the file is read on the main thread after all (tests). */
  readonly onSerial?: (reason: string) => void;
}

export async function readCityGmlParallel(
  file: string,
  totalBytes: number,
  options: ImportOptions = {},
  tuning: ParallelTuning = {},
  sink?: BuildingSink,
): Promise<ImportResult> {
  const pool = tuning.pool ?? parseWorkers();
  if (!pool.available()) {
    tuning.onSerial?.('no parse worker');
    return readCityGmlSerial(file, totalBytes, options, sink);
  }
  try {
    return await readInPieces(file, totalBytes, options, pool, tuning.pieceBytes ?? PIECE_BYTES, sink);
  } catch (e) {
    // a bad --crs or a file without buildings: the same message either way, no need to read the file again
    if (e instanceof ImportError && e.line === undefined) throw e;
    if (e instanceof ReadCancelled) throw e;
    tuning.onSerial?.(e instanceof Error ? e.message : String(e));
    // what the sink took (or wrote) from the pieces goes: the one-thread reader starts from the file's beginning
    await sink?.reset();
    return readCityGmlSerial(file, totalBytes, options, sink);
  }
}

async function readInPieces(
  file: string,
  totalBytes: number,
  options: ImportOptions,
  pool: ParseWorkerPool,
  pieceBytes: number,
  sink: BuildingSink | undefined,
): Promise<ImportResult> {
  const session = new CityGmlSession(file, options, sink);
  const maxOut = pool.size * 2;
  const out: { result: Promise<MembersResult>; end: number }[] = [];
  let line = 0; // the file's line where the next piece to merge starts
  let dimension = 3;
  let fileSrsName = '';

  const mergeOldest = async (): Promise<void> => {
    const piece = out.shift();
    if (!piece) return;
    const { members, newlines } = await piece.result;
    for (const m of members) {
      for (const what of m.shortened) session.warnings.add(shortenedMessage(what), m.id ?? `line ${line + m.line - 1}`);
      if (m.raw) {
        const srs = session.srs;
        if (!srs) throw new NotSplittable('no CRS');
        const id = session.unnamedId();
        const raw = { ...m.raw, line: line + m.raw.line - 1 };
        session.keep(id, encodeAssembled(assembleBuilding(raw, id, { crs: srs.crs, latLonOrder: srs.latLonOrder, warnings: session.warnings })));
        continue;
      }
      for (const [message, subject] of m.warnings) session.warnings.add(message, subject);
      session.keep(m.id as string, m.encoded);
    }
    line += newlines;
    // the workers go on with the pieces out while the sink writes
    await session.sink.drain();
    options.onProgress?.(Math.min(piece.end, totalBytes), totalBytes);
  };

  const send = async (piece: Uint8Array, end: number): Promise<void> => {
    if (out.length >= maxOut) await mergeOldest();
    const result = pool.run({ file, bytes: piece, dimension, crsOption: options.crs, fileSrsName });
    // rejections are taken when the piece is merged, in order; this only keeps them from counting as unhandled
    result.catch(() => undefined);
    out.push({ result, end });
  };

  const utf8 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const handle = await open(file, 'r');
  // the checks below refuse a member or head longer than the maximum before the buffer would hold more
  const pending = new PieceBuffer(pieceBytes + READ_BYTES + OVERLAP, MAX_PIECE_BYTES + pieceBytes + 2 * READ_BYTES);
  let inHead = true;
  // where the next search for a member's start (in the head) or end (in the body) begins
  let searchFrom = 0;
  try {
    while ((await pending.read(handle, READ_BYTES)) > 0) {
      if (inHead) {
        const m = MEMBER_START.exec(pending.bytes.toString('latin1', searchFrom, pending.length));
        if (!m) {
          if (pending.length > MAX_PIECE_BYTES) throw new NotSplittable('no member near the start');
          searchFrom = Math.max(0, pending.length - OVERLAP);
          continue;
        }
        const head = utf8(pending.take(searchFrom + m.index));
        session.write(head.charCodeAt(0) === 0xfeff ? head.slice(1) : head);
        if (!session.handler.betweenBuildings) throw new NotSplittable('the first member is inside a building');
        const srsName = session.fileSrsName;
        if (srsName === undefined) throw new NotSplittable('no srsName before the first member');
        fileSrsName = srsName;
        dimension = session.handler.dimensionHere;
        line = session.parser.line;
        inHead = false;
        searchFrom = Math.max(0, pieceBytes - OVERLAP);
      }
      // cut a piece after the first member end past pieceBytes; a member may take several reads to end
      while (pending.length > searchFrom) {
        const end = firstMemberEnd(pending.bytes, pending.length, searchFrom);
        if (end < 0) {
          if (pending.length > MAX_PIECE_BYTES + pieceBytes) throw new NotSplittable('a member larger than a piece may be');
          searchFrom = Math.max(searchFrom, pending.length - OVERLAP);
          break;
        }
        const piece = pending.take(end);
        await send(piece, pending.start);
        searchFrom = Math.max(0, pieceBytes - OVERLAP);
      }
    }
    if (inHead) throw new NotSplittable('no cityObjectMember');
    const last = lastMemberEnd(pending.bytes, pending.length);
    if (last > 0) await send(pending.take(last), pending.start);
    options.onReadEnd?.();
    while (out.length > 0) await mergeOldest();
    // the tail closes the root element the head opened: the parser sees the file without its members
    session.write(utf8(pending.take(pending.length)));
    session.parser.close();
    options.onProgress?.(Math.min(pending.start, totalBytes), totalBytes);
  } catch (e) {
    // every piece sent is awaited before the file is read again, so no worker is still busy with this file
    await Promise.allSettled(out.map((p) => p.result));
    throw e;
  } finally {
    await handle.close();
  }
  return session.result();
}
