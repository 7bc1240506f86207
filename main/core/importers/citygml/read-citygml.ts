/**
 * Streams a CityGML 1.0 / 2.0 file (LoD1, LoD2) through saxes: one building in memory at a time, progress by
 * bytes read. Any problem throws an ImportError naming file, line and column, and nothing is returned.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { MAX_CITYGML_BYTES, MAX_NAME_CHARS, MAX_XML_TEXT_CHARS, mb } from '../input-limits.js';
import { basename } from 'node:path';
import { SaxesParser } from 'saxes';
import type { Building, RoofSurface } from '../../../../models/types.js';
import { SUPPORTED_CRS } from '../crs/crs.js';
import { resolveCrsOption } from '../crs/crs-option.js';
import { type ResolvedSrs, resolveSrsName } from '../crs/srs-name.js';
import { ImportError } from '../import-error.js';
import { type ImportOptions, type ImportResult, boundsOf } from '../import-result.js';
import { Warnings } from '../warnings.js';
import { assembleBuilding } from './assemble-building.js';
import { CityGmlHandler, CityGmlProblem, type Position } from './citygml-handler.js';
import type { RawBuilding } from './raw-building.js';

const CHUNK_BYTES = 1 << 20;

/**
 * What saxes holds of the text (or comment, CDATA, attribute value) it is reading: it keeps it until the next
 * markup, so a file that is one huge text node would be held whole. saxes 6 keeps it in its `text` field.
 */
const pendingText = (parser: SaxesParser<{ xmlns: false; position: true }>): number => {
  const text = (parser as unknown as { text?: unknown }).text;
  return typeof text === 'string' ? text.length : 0;
};

export async function readCityGml(file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const totalBytes = (await stat(file)).size;
  if (totalBytes > MAX_CITYGML_BYTES) {
    throw new ImportError(file, `${mb(totalBytes)} is more than a CityGML file may have (${mb(MAX_CITYGML_BYTES)}); import the tiles one by one`);
  }
  const warnings = new Warnings();
  const override = options.crs === undefined ? undefined : resolveCrsOption(file, options.crs);
  let fileSrs: { srsName: string; resolved: ResolvedSrs | undefined; position: Position } | undefined;

  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const position = (): Position => ({ line: parser.line, column: parser.column + 1 });
  const buildings = new Map<string, { building: Building; roofs: RoofSurface[] }>();
  let unnamed = 0;

  const onBuilding = (raw: RawBuilding): void => {
    const srs = override ?? fileSrs?.resolved;
    if (!srs) {
      throw new CityGmlProblem('no srsName in the file before this building: pass --crs EPSG:NNNN', raw);
    }
    let id = raw.id;
    if (id === undefined) {
      id = `${basename(file)}#${++unnamed}`;
      warnings.add('building without gml:id: id made from the file name and order (not stable if the file changes)', id);
    }
    const assembled = assembleBuilding(raw, id, { crs: srs.crs, latLonOrder: srs.latLonOrder, warnings });
    if (!assembled) return;
    if (buildings.has(id)) warnings.add('duplicate gml:id: the later building is kept', id);
    buildings.set(id, assembled);
  };

  const handler = new CityGmlHandler(position, onBuilding, (what, raw) =>
    warnings.add(`${what} longer than ${MAX_NAME_CHARS} characters shortened`, raw.id ?? `line ${raw.line}`),
  );
  handler.onSrsName = ({ srsName, position: at }) => {
    if (!fileSrs) {
      fileSrs = { srsName, resolved: resolveSrsName(srsName), position: at };
      if (override) {
        if (fileSrs.resolved?.crs.code !== override.crs.code) {
          warnings.add(`the file says srsName '${srsName}'; read as ${override.crs.code} as --crs asks`);
        }
      } else if (!fileSrs.resolved) {
        throw new CityGmlProblem(`unknown srsName '${srsName}': pass --crs (supported: ${SUPPORTED_CRS.join(', ')})`, at);
      }
      return;
    }
    if (override || srsName === fileSrs.srsName) return;
    const resolved = resolveSrsName(srsName);
    if (resolved?.crs.code !== fileSrs.resolved?.crs.code || resolved?.latLonOrder !== fileSrs.resolved?.latLonOrder) {
      throw new CityGmlProblem(
        `srsName '${srsName}' differs from '${fileSrs.srsName}' (line ${fileSrs.position.line}); files mixing CRSs are not supported`,
        at,
      );
    }
  };

  parser.on('xmldecl', (decl) => {
    const encoding = decl.encoding?.toLowerCase();
    if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'utf8') {
      throw new CityGmlProblem(`encoding '${decl.encoding}' is not supported: convert the file to UTF-8`, position());
    }
  });
  parser.on('opentag', (tag) => handler.openTag(tag.name, tag.attributes));
  parser.on('text', (text) => handler.text(text));
  parser.on('cdata', (text) => handler.text(text));
  parser.on('closetag', (tag) => handler.closeTag(tag.name));
  parser.on('error', (e) => {
    // saxes prefixes its messages with line:column, which ImportError adds itself
    throw new CityGmlProblem(`malformed XML: ${e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')}`, position());
  });

  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  try {
    let first = true;
    // a file that grew or shrank while being read still ends at 100 %
    for await (const chunk of stream as AsyncIterable<string>) {
      // a byte-order mark is not part of the document
      parser.write(first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk);
      first = false;
      if (pendingText(parser) > MAX_XML_TEXT_CHARS) {
        throw new CityGmlProblem(`text without a tag for more than ${mb(MAX_XML_TEXT_CHARS)}: no posList or name is that long`, position());
      }
      options.onProgress?.(Math.min(stream.bytesRead, totalBytes), totalBytes);
    }
    parser.close();
  } catch (e) {
    if (e instanceof CityGmlProblem) throw new ImportError(file, e.message, e.position.line, e.position.column);
    throw e;
  } finally {
    stream.destroy();
  }
  if (!fileSrs && !override && buildings.size === 0) {
    throw new ImportError(file, 'no CityGML building (bldg:Building) in the file');
  }
  const all = [...buildings.values()];
  const list = all.map((b) => b.building);
  if (list.length === 0) warnings.add('no buildings found');
  return {
    format: 'citygml',
    crs: (override ?? fileSrs?.resolved)?.crs.code ?? 'unknown',
    buildings: list,
    roofs: all.flatMap((b) => b.roofs),
    bounds: boundsOf(list),
    warnings: warnings.list(),
  };
}
