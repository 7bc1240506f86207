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
import { CityGmlHandler, CityGmlProblem, type Position } from './citygml-handler.js';
import { normalizeLineEnds, tokenizePiece } from './piece-tokenizer.js';
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

class RecordedWarnings extends Warnings {
  events: [string, string | undefined][] = [];
  override add(message: string, subject?: string): void {
    this.events.push([message, subject]);
  }
}

const STAND_IN_ROOT = 'plustwin-piece';

export function parseMembers(job: MembersJob): MembersResult {
  const srs: ResolvedSrs | undefined = job.crsOption !== undefined ? resolveCrsOption(job.file, job.crsOption) : resolveSrsName(job.fileSrsName);
  if (!srs) throw new Error(`unknown srsName '${job.fileSrsName}'`);
  const text = normalizeLineEnds(
    `<${STAND_IN_ROOT} srsDimension="${job.dimension}">${Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength).toString('utf8')}</${STAND_IN_ROOT}>`,
  );
  // line and column as saxes counts them, found when asked (positions are wanted at a few tags only)
  const at = { index: 0 };
  let counted = 0;
  let line = 1;
  let lineStart = 0;
  const position = (): Position => {
    for (let nl = text.indexOf('\n', counted); nl >= 0 && nl < at.index; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    counted = Math.max(counted, at.index);
    return { line, column: at.index - lineStart + 1 };
  };
  const members: ParsedMember[] = [];
  let shortened: string[] = [];
  const handler = new CityGmlHandler(
    position,
    (raw) => {
      const warnings = new RecordedWarnings();
      const assembled =
        raw.id === undefined ? null : assembleBuilding(raw, raw.id, { crs: srs.crs, latLonOrder: srs.latLonOrder, warnings });
      members.push({ id: raw.id, line: raw.line, shortened, warnings: warnings.events, encoded: encodeAssembled(assembled), ...(raw.id === undefined ? { raw } : {}) });
      shortened = [];
    },
    (what) => shortened.push(what),
    (s) => s,
  );
  handler.onSrsName = ({ srsName, position: at }) => {
    if (job.crsOption !== undefined || srsName === job.fileSrsName) return;
    const resolved = resolveSrsName(srsName);
    if (resolved?.crs.code !== srs.crs.code || resolved.latLonOrder !== srs.latLonOrder) {
      throw new CityGmlProblem(`srsName '${srsName}' differs from the file's`, at);
    }
  };
  let closedRoot = false;
  tokenizePiece(
    text,
    {
      openTag: (name, attrs) => handler.openTag(name, attrs),
      text: (t) => handler.text(t),
      closeTag: (name) => {
        if (name === STAND_IN_ROOT && !handler.betweenBuildings) throw new Error('the piece ends inside a building');
        if (name === STAND_IN_ROOT) closedRoot = true;
        handler.closeTag(name);
      },
    },
    at,
  );
  if (!closedRoot) throw new Error('the piece is not one element');
  at.index = text.length;
  const newlines = position().line - 1;
  return { members, newlines };
}
