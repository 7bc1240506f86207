/**
 * One CityGML file being read: the SAX parser, the building handler, the file's CRS and the buildings kept so far.
 * The streaming reader feeds it the whole file; the parallel reader feeds it only the file's head and tail and hands
 * it the buildings its workers assembled, in file order, so that both give the same result and the same warnings.
 */
import { basename } from 'node:path';
import { SaxesParser } from 'saxes';
import { SUPPORTED_CRS } from '../crs/crs.js';
import { resolveCrsOption } from '../crs/crs-option.js';
import { type ResolvedSrs, resolveSrsName } from '../crs/srs-name.js';
import { ImportError } from '../import-error.js';
import { type ImportOptions, type ImportResult, boundsOf } from '../import-result.js';
import { MAX_NAME_CHARS, MAX_XML_TEXT_CHARS, mb } from '../input-limits.js';
import { Warnings } from '../warnings.js';
import { assembleBuilding } from './assemble-building.js';
import { CityGmlHandler, CityGmlProblem, type Position } from './citygml-handler.js';
import type { RawBuilding } from './raw-building.js';
import { type BuildingSink, CollectingSink, encodeAssembled } from './building-sink.js';
import type { EncodedBuilding } from '../../store/building-rows.js';

/**
 * What saxes holds of the text (or comment, CDATA, attribute value) it is reading: it keeps it until the next
 * markup, so a file that is one huge text node would be held whole. saxes 6 keeps it in its `text` field.
 */
const pendingText = (parser: SaxesParser<{ xmlns: false; position: true }>): number => {
  const text = (parser as unknown as { text?: unknown }).text;
  return typeof text === 'string' ? text.length : 0;
};

export const shortenedMessage = (what: string): string => `${what} longer than ${MAX_NAME_CHARS} characters shortened`;
export const UNNAMED_WARNING = 'building without gml:id: id made from the file name and order (not stable if the file changes)';

export class CityGmlSession {
  readonly warnings = new Warnings();
  readonly override: ResolvedSrs | undefined;
  readonly parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  readonly handler: CityGmlHandler;
  private fileSrs: { srsName: string; resolved: ResolvedSrs | undefined; position: Position } | undefined;
  private unnamed = 0;

  constructor(
    readonly file: string,
    readonly options: ImportOptions,
    readonly sink: BuildingSink = new CollectingSink(),
  ) {
    this.override = options.crs === undefined ? undefined : resolveCrsOption(file, options.crs);
    const parser = this.parser;
    const position = (): Position => ({ line: parser.line, column: parser.column + 1 });
    this.handler = new CityGmlHandler(position, (raw) => this.onBuilding(raw), (what, raw) =>
      this.warnings.add(shortenedMessage(what), raw.id ?? `line ${raw.line}`),
    );
    this.handler.onSrsName = ({ srsName, position: at }) => this.onSrsName(srsName, at);
    parser.on('xmldecl', (decl) => {
      const encoding = decl.encoding?.toLowerCase();
      if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'utf8') {
        throw new CityGmlProblem(`encoding '${decl.encoding}' is not supported: convert the file to UTF-8`, position());
      }
    });
    parser.on('opentag', (tag) => this.handler.openTag(tag.name, tag.attributes));
    parser.on('text', (text) => this.handler.text(text));
    parser.on('cdata', (text) => this.handler.text(text));
    parser.on('closetag', (tag) => this.handler.closeTag(tag.name));
    parser.on('error', (e) => {
      // saxes prefixes its messages with line:column, which ImportError adds itself
      throw new CityGmlProblem(`malformed XML: ${e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')}`, position());
    });
  }

  /** The CRS the buildings are read in: --crs, else the file's first srsName (undefined before it is seen). */
  get srs(): ResolvedSrs | undefined {
    return this.override ?? this.fileSrs?.resolved;
  }

  /** The file's first srsName, once seen. */
  get fileSrsName(): string | undefined {
    return this.fileSrs?.srsName;
  }

  /** Buildings kept so far. */
  get size(): number {
    return this.sink.count;
  }

  /** Feeds text to the parser; throws CityGmlProblem. */
  write(text: string): void {
    this.parser.write(text);
    if (pendingText(this.parser) > MAX_XML_TEXT_CHARS) {
      throw new CityGmlProblem(`text without a tag for more than ${mb(MAX_XML_TEXT_CHARS)}: no posList or name is that long`, {
        line: this.parser.line,
        column: this.parser.column + 1,
      });
    }
  }

  /** The id a building without gml:id gets: the file's name and its place among those without one. */
  unnamedId(): string {
    const id = `${basename(this.file)}#${++this.unnamed}`;
    this.warnings.add(UNNAMED_WARNING, id);
    return id;
  }

  /** Keeps a building (none when it was skipped); a later one with the same id replaces the earlier one in its place. */
  keep(id: string, building: EncodedBuilding | null): void {
    if (!building) return;
    if (!this.sink.keep(id, building)) this.warnings.add('duplicate gml:id: the later building is kept', id);
  }

  result(): ImportResult {
    if (!this.fileSrs && !this.override && this.sink.count === 0) {
      throw new ImportError(this.file, 'no CityGML building (bldg:Building) in the file');
    }
    if (this.sink.count === 0) this.warnings.add('no buildings found');
    // a sink that wrote the buildings as they came leaves the lists empty: its writer counts them
    const all = this.sink.collected() ?? [];
    const list = all.map((b) => b.building);
    return {
      format: 'citygml',
      crs: this.srs?.crs.code ?? 'unknown',
      buildings: list,
      roofs: all.flatMap((b) => b.roofs),
      bounds: boundsOf(list),
      warnings: this.warnings.list(),
      warningDetails: this.warnings.coded(),
    };
  }

  private onBuilding(raw: RawBuilding): void {
    const srs = this.srs;
    if (!srs) {
      throw new CityGmlProblem('no srsName in the file before this building: pass --crs EPSG:NNNN', raw);
    }
    const id = raw.id ?? this.unnamedId();
    this.keep(id, encodeAssembled(assembleBuilding(raw, id, { crs: srs.crs, latLonOrder: srs.latLonOrder, warnings: this.warnings })));
  }

  private onSrsName(srsName: string, at: Position): void {
    const override = this.override;
    if (!this.fileSrs) {
      this.fileSrs = { srsName, resolved: resolveSrsName(srsName), position: at };
      if (override) {
        if (this.fileSrs.resolved?.crs.code !== override.crs.code) {
          this.warnings.add(`the file says srsName '${srsName}'; read as ${override.crs.code} as --crs asks`);
        }
      } else if (!this.fileSrs.resolved) {
        throw new CityGmlProblem(`unknown srsName '${srsName}': pass --crs (supported: ${SUPPORTED_CRS.join(', ')})`, at);
      }
      return;
    }
    if (override || srsName === this.fileSrs.srsName) return;
    const resolved = resolveSrsName(srsName);
    if (resolved?.crs.code !== this.fileSrs.resolved?.crs.code || resolved?.latLonOrder !== this.fileSrs.resolved?.latLonOrder) {
      throw new CityGmlProblem(
        `srsName '${srsName}' differs from '${this.fileSrs.srsName}' (line ${this.fileSrs.position.line}); files mixing CRSs are not supported`,
        at,
      );
    }
  }
}
