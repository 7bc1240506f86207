/**
 * What a parse worker does with one piece of a CityGML file: whole cityObjectMember elements, cut by the main thread
 * between two of them. It parses them inside a stand-in root element that passes on the srsDimension in force where
 * the piece was cut, and assembles every building with a gml:id in the file's CRS. Warnings are recorded in order,
 * not counted, so that the main thread can replay them and the collected warnings read as from one pass. Any problem
 * throws: the main thread then reads the file on its own thread, which words the error with the file's line.
 */
import { resolveCrsOption } from '../crs/crs-option.js';
import { type ResolvedSrs, resolveSrsName } from '../crs/srs-name.js';
import { Warnings } from '../warnings.js';
import { assembleBuilding } from './assemble-building.js';
import { encodeAssembled } from './building-sink.js';
import type { EncodedBuilding } from '../../store/building-rows.js';
import { CityGmlHandler, CityGmlProblem, type Position, type TagAttributes } from './citygml-handler.js';
import { type TokenizerPlace, pieceName, tokenizePiece } from './piece-tokenizer.js';
import { piecePosition } from './piece-position.js';
import type { RawBuilding } from './raw-building.js';

export interface MembersJob {
  readonly file: string;
  /** UTF-8 bytes of whole members, cut after a member's end tag. */
  readonly bytes: Uint8Array;
  /** srsDimension in force where the piece starts. */
  readonly dimension: number;
  /** --crs as the user gave it, if they did. */
  readonly crsOption: string | undefined;
  /** The file's first srsName (the main thread found it before the first member). */
  readonly fileSrsName: string;
}

export interface ParsedMember {
  readonly id: string | undefined;
  /** Line of the building's start tag within the piece, 1 for the piece's first line. */
  readonly line: number;
  /** Names and addresses shortened while reading it (the element names), in order. */
  readonly shortened: string[];
  /** Warnings while assembling it: [message, subject]. */
  readonly warnings: [string, string | undefined][];
  /** Encoded here, in the worker, as the district file stores it: strings cross to the main thread cheaply. */
  readonly encoded: EncodedBuilding | null;
  /** A building without gml:id, left to the main thread: its id depends on how many came before it in the file. */
  readonly raw?: RawBuilding;
}

export interface MembersResult {
  readonly members: ParsedMember[];
  /** Line breaks in the piece, so that the main thread knows the next piece's first line. */
  readonly newlines: number;
}

/** What most buildings have of shortened texts and warnings: one empty list for all (nothing adds to it). */
const NONE: unknown[] = [];

class RecordedWarnings extends Warnings {
  events: [string, string | undefined][] = NONE as never[];
  override add(message: string, subject?: string): void {
    if (this.events === NONE) this.events = [];
    this.events.push([message, subject]);
  }
}

const STAND_IN_ROOT = 'plustwin-piece';
/**
 * Where a worker's handler places a posList or a building's text: nowhere in particular. A problem found there only
 * sends the file to the one-thread reader, which words it with its own line and column (read-citygml-parallel.ts).
 */
const NOWHERE: Position = { line: 0, column: 0 };
const nowhere = (): Position => NOWHERE;
const ROOT = pieceName(STAND_IN_ROOT);

export function parseMembers(job: MembersJob): MembersResult {
  const srs: ResolvedSrs | undefined = job.crsOption !== undefined ? resolveCrsOption(job.file, job.crsOption) : resolveSrsName(job.fileSrsName);
  if (!srs) throw new Error(`unknown srsName '${job.fileSrsName}'`);
  // read as if wrapped in <plustwin-piece srsDimension="..."> and its end tag, as the positions count
  const rootAttributes: TagAttributes = { srsName: undefined, srsDimension: String(job.dimension), dimension: undefined, id: undefined, href: undefined };
  const rootTag = `<${STAND_IN_ROOT} srsDimension="${rootAttributes.srsDimension}">`;
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  const at: TokenizerPlace = { index: 0, wide: -1 };
  const position = piecePosition(bytes, at, rootTag.length);
  const members: ParsedMember[] = [];
  // one recorder for the piece, its events taken per building
  const warnings = new RecordedWarnings();
  let shortened: string[] = NONE as never[];
  const handler = new CityGmlHandler(
    position,
    (raw) => {
      warnings.events = NONE as never[];
      const assembled =
        raw.id === undefined ? null : assembleBuilding(raw, raw.id, { crs: srs.crs, latLonOrder: srs.latLonOrder, warnings });
      const encoded = encodeAssembled(assembled);
      if (raw.id === undefined) members.push({ id: raw.id, line: raw.line, shortened, warnings: warnings.events, encoded, raw });
      else members.push({ id: raw.id, line: raw.line, shortened, warnings: warnings.events, encoded });
      shortened = NONE as never[];
    },
    (what) => {
      if (shortened === NONE) shortened = [];
      shortened.push(what);
    },
    (s) => s,
    nowhere,
  );
  handler.onSrsName = ({ srsName, position: at }) => {
    if (job.crsOption !== undefined || srsName === job.fileSrsName) return;
    const resolved = resolveSrsName(srsName);
    if (resolved?.crs.code !== srs.crs.code || resolved.latLonOrder !== srs.latLonOrder) {
      throw new CityGmlProblem(`srsName '${srsName}' differs from the file's`, at);
    }
  };
  handler.openElement(ROOT.local, rootAttributes, ROOT.element);
  tokenizePiece(bytes, handler, at, ROOT);
  if (!handler.betweenBuildings) throw new Error('the piece ends inside a building');
  handler.closeElement(ROOT.element);
  at.index = bytes.length;
  const newlines = position().line - 1;
  return { members, newlines };
}
