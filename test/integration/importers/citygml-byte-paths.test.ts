/**
 * The parse workers read posLists straight from the file's bytes where they can and decode the text where they
 * must (a posList split by a comment or CDATA, one with an entity or a \r, a number Number() reads but the byte
 * reader leaves to it, a 2D posList, gml:pos and gml:coordinates, non-ASCII ids and names). Every such file must
 * give exactly what the one-thread saxes reader gives, and the workers must take it (no fallback to one thread);
 * a posList that is not numbers must end with the one-thread reader's error.
 */
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCityGmlParallel } from '../../../main/core/importers/citygml/read-citygml-parallel.js';
import { readCityGmlSerial } from '../../../main/core/importers/citygml/read-citygml-serial.js';
import { FOOTER, building, buildingParams, header } from '../../fixtures/importers/generate-citygml.js';
import { writeIn } from './tricky-tile.js';
import { folderAndPool, importFailure, readBoth } from './both-readers.js';

const { dir, pool } = folderAndPool('plustwin-citygml-bytes-');

const PIECE = 4096;
const POS_LIST = /<gml:posList srsDimension="3">([^<]*)<\/gml:posList>/g;

/** Rewrites every posList of a building: numbers in, the element's new text (or whole element) out. */
const eachPosList = (b: string, rewrite: (numbers: string[]) => string): string =>
  b.replace(POS_LIST, (_m, list: string) => rewrite(list.split(' ')));

const points = (numbers: string[]): string[][] => {
  const out: string[][] = [];
  for (let k = 0; k < numbers.length; k += 3) out.push(numbers.slice(k, k + 3));
  return out;
};

const VARIANTS: ((b: string) => string)[] = [
  // split by a comment at a blank, and by CDATA
  (b) => eachPosList(b, (n) => `<gml:posList srsDimension="3">${n.slice(0, 4).join(' ')} <!-- c -->${n.slice(4).join(' ')}</gml:posList>`),
  (b) => eachPosList(b, (n) => `<gml:posList srsDimension="3"><![CDATA[${n.slice(0, 3).join(' ')}]]> ${n.slice(3).join(' ')}</gml:posList>`),
  // an entity and a \r\n between numbers
  (b) => eachPosList(b, (n) => `<gml:posList srsDimension="3">${n[0] as string}&#32;${n.slice(1, 5).join(' ')}\r\n${n.slice(5).join('\t')}</gml:posList>`),
  // the same numbers written otherwise: signs, exponents, trailing zeros, many digits, hex (Number() reads 0x3c)
  (b) =>
    eachPosList(b, (n) => {
      const [x, y, z] = n as [string, string, string];
      const other = [`+${x}.000`, `${Number(y) / 1e6}e6`, z.includes('.') ? `${z}00000000000000000` : `${z}.00000000000000000`].join(' ');
      return `<gml:posList srsDimension="3">${other} ${n.slice(3).join(' ')}</gml:posList>`;
    }),
  (b) => eachPosList(b, (n) => `<gml:posList srsDimension="3">${n.map((v) => (v === '60' ? '0x3c' : v)).join(' ')}</gml:posList>`),
  // 2D posLists, gml:pos per point, gml:coordinates
  (b) => eachPosList(b, (n) => `<gml:posList srsDimension="2">${points(n).map((p) => `${p[0] as string} ${p[1] as string}`).join(' ')}</gml:posList>`),
  (b) => eachPosList(b, (n) => points(n).map((p) => `<gml:pos>${p.join(' ')}</gml:pos>`).join('')),
  (b) => eachPosList(b, (n) => `<gml:coordinates>${points(n).map((p) => p.join(',')).join(' ')}</gml:coordinates>`),
  // non-ASCII in an id, a name and a comment, on the lines whose columns the handler reports
  (b) => b.replace(/gml:id="(DENW[^"]*)"/, 'gml:id="$1_Ä€"').replace('<bldg:function>', '<gml:name>Grüße € <!-- ü --></gml:name><bldg:function>'),
];

function variedTile(count: number, change: (i: number, b: string) => string = (_i, b) => b): string {
  let text = header();
  for (let i = 0; i < count; i++) {
    const b = building(buildingParams(i));
    text += change(i, (VARIANTS[i % VARIANTS.length] as (b: string) => string)(b));
  }
  return text + FOOTER;
}

describe('the parse workers reading posLists from bytes', () => {
  it('give what the one-thread reader gives, for every way of writing a posList, without falling back', async () => {
    const file = writeIn(dir, 'varied.gml', variedTile(VARIANTS.length * 3));
    const { serial, parallel, serialReasons } = await readBoth(file, pool, PIECE);
    expect(serialReasons).toEqual([]);
    expect(parallel).toEqual(serial);
    expect(parallel.buildings).toHaveLength(VARIANTS.length * 3);
    // the non-ASCII id and name came through decoded (building 8, the last variant)
    expect(parallel.buildings.map((b) => b.id)).toContain('DENW36AL00000008_Ä€');
    expect(parallel.buildings.find((b) => b.id === 'DENW36AL00000008_Ä€')?.name).toBe('Grüße €');
  });

  it('end with the one-thread reader\'s error for a posList that is not numbers, deep in the file', async () => {
    for (const bad of ['1e400', 'NaN', '1e', '1,5']) {
      const file = writeIn(
        dir,
        'bad-number.gml',
        variedTile(30, (i, b) => (i === 22 ? b.replace(/(<gml:posList srsDimension="3">)\S+/, `$1${bad}`) : b)),
      );
      const size = statSync(file).size;
      const reasons: string[] = [];
      const e = await importFailure(readCityGmlParallel(file, size, {}, { pool, pieceBytes: PIECE, onSerial: (r) => reasons.push(r) }));
      const serial = await importFailure(readCityGmlSerial(file, size));
      expect(reasons).toHaveLength(1);
      expect(e.message).toBe(serial.message);
      expect(e.message).toContain(`holds '${bad}', which is not a number`);
      expect(e.line).toBe(serial.line);
    }
  });

  it('read a wall whose ring has 60,000 points, as both readers do, as the same wall with 5', async () => {
    // building 0's south wall, x 362000 to 362008 at y 5702000, ground 60, eaves 66: its bottom edge cut into
    // 59,997 points 8 m / 59,996 apart; the wall, and so the building, is the same
    const plain = header() + building(buildingParams(0)) + building(buildingParams(1)) + FOOTER;
    const bottom = Array.from({ length: 59_997 }, (_, k) => `${(362_000 + (8 * k) / 59_996).toFixed(6)} 5702000 60`);
    const ring = [...bottom, '362008 5702000 66', '362000 5702000 66', '362000 5702000 60'].join(' ');
    const wall = /(<bldg:WallSurface gml:id="DENW36AL00000000_WS">[\s\S]*?<gml:posList srsDimension="3">)[^<]*/;
    expect(wall.test(plain)).toBe(true);
    const big = writeIn(dir, 'big-ring.gml', plain.replace(wall, `$1${ring}`));
    const { serial, parallel, serialReasons } = await readBoth(big, pool, PIECE);
    expect(serialReasons).toEqual([]);
    expect(parallel).toEqual(serial);
    const small = writeIn(dir, 'small-ring.gml', plain);
    expect(serial.buildings).toEqual((await readCityGmlSerial(small, statSync(small).size)).buildings);
  });
});
