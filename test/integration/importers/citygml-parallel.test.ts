/**
 * The parallel CityGML reader (pieces parsed by worker threads) against the one-thread reader on the same files:
 * the same buildings, roofs, bounds and warnings in the same order, and the same district file once merged. The
 * pieces are cut small (4 KB, one or two buildings each) so that every kind of building meets a cut. Files it
 * cannot split, and files with an error after the first piece, end exactly as with the one-thread reader: the
 * same result, or the same error naming the file's line.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCityGmlParallel } from '../../../main/core/importers/citygml/read-citygml-parallel.js';
import { readCityGmlSerial } from '../../../main/core/importers/citygml/read-citygml-serial.js';
import type { ImportResult } from '../../../main/core/importers/import-result.js';
import { mergeIntoStore } from '../../../main/core/importers/merge-into-store.js';
import { openStore } from '../../../main/core/store/open-store.js';
import { FOOTER, building, buildingParams, header } from '../../fixtures/importers/generate-citygml.js';
import { trickyTile, writeIn } from './tricky-tile.js';
import { folderAndPool, importFailure, readBoth } from './both-readers.js';

const { dir, pool } = folderAndPool('plustwin-citygml-parallel-');

const PIECE = 4096;

const both = (file: string) => readBoth(file, pool, PIECE);

describe('the parallel CityGML reader', () => {
  it('gives what the one-thread reader gives on a file cut into many pieces', async () => {
    const file = writeIn(dir, 'tricky.gml', trickyTile({ longNames: [21, 33], fakeEndTag: (i) => i % 7 === 0, crlf: (i) => i % 11 === 0 }));
    const { serial, parallel, serialReasons } = await both(file);
    // a cut after the comment's fake end tag leaves a piece ending inside a comment: that file is read on one
    // thread in the end; without the fake tag, the workers do all the work
    expect(serialReasons).toEqual(['an unclosed or long comment']);
    expect(parallel).toEqual(serial);

    const plain = writeIn(dir, 'plain.gml', trickyTile({ longNames: [21, 33], fakeEndTag: (i) => i % 7 === 0, crlf: (i) => i % 11 === 0 }).replaceAll('<!-- a comment </core:cityObjectMember> -->', '<!-- a comment -->'));
    const again = await both(plain);
    expect(again.serialReasons).toEqual([]);
    expect(again.parallel).toEqual(again.serial);
    // 120 buildings, 12 without id, two duplicates replacing DENW36AL00000005, one without geometry skipped
    expect(again.parallel.buildings).toHaveLength(120 - 2 - 1);
    expect(again.parallel.buildings.filter((b) => b.id.startsWith('plain.gml#')).map((b) => b.id)).toEqual(
      Array.from({ length: 12 }, (_, k) => `plain.gml#${k + 1}`),
    );
    expect(again.parallel.warnings.join('\n')).toMatch(/duplicate gml:id: the later building is kept: DENW36AL00000005, DENW36AL00000005/);
    // building 33 has no gml:id (33 % 10 = 3): its shortened name is named by its line in the file
    const line33 = lineOfBuilding(trickyTile({ longNames: [21, 33], fakeEndTag: (i) => i % 7 === 0, crlf: (i) => i % 11 === 0 }).replaceAll('<!-- a comment </core:cityObjectMember> -->', '<!-- a comment -->'), 33);
    expect(again.parallel.warnings.join('\n')).toContain(`name longer than 200 characters shortened: DENW36AL00000021, line ${line33}`);
  });

  it('merges into the same district file as the one-thread reader', async () => {
    const file = writeIn(dir, 'merge.gml', trickyTile({ longNames: [21, 33], fakeEndTag: (i) => i % 7 === 0, crlf: (i) => i % 11 === 0 }).replaceAll('<!-- a comment </core:cityObjectMember> -->', ''));
    const { serial, parallel, serialReasons } = await both(file);
    expect(serialReasons).toEqual([]);
    const contents = async (result: ImportResult, name: string) => {
      const store = await openStore(join(dir, name));
      try {
        await mergeIntoStore(store, result, file);
        return { district: (await store.getDistrict())?.buildings, roofs: await store.getRoofs() };
      } finally {
        await store.close();
      }
    };
    const a = await contents(serial, 'serial.sqlite');
    const b = await contents(parallel, 'parallel.sqlite');
    expect(a.district).toHaveLength(117);
    expect(b).toEqual(a);
  });

  it('reads names with entities, CDATA, umlauts and odd attribute quoting as saxes does', async () => {
    let text = header();
    for (let i = 0; i < 30; i++) {
      let b = building(buildingParams(i));
      const name = [
        'Müller &amp; Söhne &#228;&#x00F6; &lt;1&gt; &quot;q&quot; &apos;a&apos;',
        '<![CDATA[Schmidt & <Partner>]]> GmbH',
        'Haus\tmit\nZeilen   und  Leerzeichen',
      ][i % 3] as string;
      b = b.replace('<bldg:function>', `<gml:name>${name}</gml:name>\n      <!-- between -->\n      <bldg:function>`);
      b = b.replace('<gen:stringAttribute name="Gemeindeschluessel">', `<gen:stringAttribute name='Gemeinde\tschluessel'  >`);
      b = b.replace(/<gml:surfaceMember xlink:href="(#[^"]+)"\/>/, '<gml:surfaceMember xlink:href = "$1" />');
      text += b + '  <!-- a comment between members -->\n';
    }
    text += FOOTER;
    const { serial, parallel, serialReasons } = await both(writeIn(dir, 'names.gml', text));
    expect(serialReasons).toEqual([]);
    expect(parallel).toEqual(serial);
    expect(parallel.buildings.map((b) => b.name).slice(0, 3)).toEqual([
      `Müller & Söhne äö <1> "q" 'a'`,
      'Schmidt & <Partner> GmbH',
      'Haus\tmit\nZeilen   und  Leerzeichen',
    ]);

    // what saxes refuses is refused with its words, never taken by the workers' tokenizer
    for (const [bad, problem] of [
      ['<gml:name>a &nbsp; b</gml:name>', /malformed XML/],
      ['<gml:name a="1" a="2">x</gml:name>', /malformed XML/],
      ['<gml:name>a ]]> b</gml:name>', /malformed XML/],
      ['<!-- a -- b -->', /malformed XML/],
    ] as const) {
      // in building 20 of 30: well after the first piece
      const file = writeIn(dir, 'bad.gml', text.replace('<bldg:Building gml:id="DENW36AL00000020">', (m) => `${m}${bad}`));
      const size = statSync(file).size;
      const reasons: string[] = [];
      const e = await importFailure(readCityGmlParallel(file, size, {}, { pool, pieceBytes: PIECE, onSerial: (r) => reasons.push(r) }));
      expect(e.message).toBe((await importFailure(readCityGmlSerial(file, size))).message);
      expect(e.message).toMatch(problem);
      expect(reasons).toHaveLength(1);
    }
  });

  it('reads a file on one thread when its CRS is named only inside the first building', async () => {
    const text = header().replace(/ srsName="[^"]*"/, '') + building(buildingParams(0)).replace('<gml:Polygon ', '<gml:Polygon srsName="EPSG:25832" ') + building(buildingParams(1)) + FOOTER;
    const { serial, parallel, serialReasons } = await both(writeIn(dir, 'late-srs.gml', text));
    expect(serialReasons).toEqual(['no srsName before the first member']);
    expect(parallel).toEqual(serial);
  });

  it('ends with the one-thread reader\'s error, naming the file\'s line, for a problem deep in the file', async () => {
    let text = header();
    for (let i = 0; i < 40; i++) {
      const b = building(buildingParams(i));
      text += i === 30 ? b.replace('<bldg:measuredHeight uom="urn:adv:uom:m">', '<bldg:measuredHeight uom="urn:adv:uom:m">1e308') : b;
    }
    text += FOOTER;
    const file = writeIn(dir, 'tall.gml', text);
    const size = statSync(file).size;
    const reasons: string[] = [];
    const e = await importFailure(readCityGmlParallel(file, size, {}, { pool, pieceBytes: PIECE, onSerial: (r) => reasons.push(r) }));
    const serial = await importFailure(readCityGmlSerial(file, size));
    expect(reasons).toHaveLength(1);
    expect(e.message).toBe(serial.message);
    const line = text.split('\n').findIndex((l) => l.includes('1e308')) + 1;
    expect(e.line).toBe(line);

    const broken = writeIn(dir, 'broken.gml', text.replace('1e308', '12').replace('</bldg:function>', '</bldg:functio>'));
    const malformed = await importFailure(readCityGmlParallel(broken, statSync(broken).size, {}, { pool, pieceBytes: PIECE }));
    const malformedSerial = await importFailure(readCityGmlSerial(broken, statSync(broken).size));
    expect(malformed.message).toBe(malformedSerial.message);
    expect(malformed.message).toMatch(/malformed XML/);
  });
});

/** The 1-based line of building i's (0-based) start tag in text. */
function lineOfBuilding(text: string, i: number): number {
  let seen = -1;
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    if ((lines[k] as string).includes('<bldg:Building')) seen++;
    if (seen === i) return k + 1;
  }
  return -1;
}
