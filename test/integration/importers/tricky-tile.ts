/**
 * 120 generated CityGML buildings with what needs care when a file is cut into pieces or written in batches: every
 * 10th without gml:id (ids from the file's order), buildings 50 and 77 with building 5's id (the later one kept, in
 * the earlier one's place), over-long names (warnings naming the id, or the file's line), building 60 without usable
 * geometry (skipped with a warning), and optionally comments holding a fake member end tag and CRLF line ends.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FOOTER, building, buildingParams, header } from '../../fixtures/importers/generate-citygml.js';

export interface TrickyTileOptions {
  /** Buildings whose name is longer than the import keeps. */
  readonly longNames: readonly number[];
  /** Buildings ending in a comment that holds a fake </core:cityObjectMember>. */
  readonly fakeEndTag?: (i: number) => boolean;
  /** Buildings written with CRLF line ends. */
  readonly crlf?: (i: number) => boolean;
}

export function trickyTile(o: TrickyTileOptions): string {
  let s = header();
  for (let i = 0; i < 120; i++) {
    let b = building(buildingParams(i));
    if (i % 10 === 3) b = b.replace(/ gml:id="DENW36AL\d+"/, '');
    if (i === 50 || i === 77) b = b.replaceAll(`DENW36AL${String(i).padStart(8, '0')}`, 'DENW36AL00000005');
    if (o.longNames.includes(i)) b = b.replace('<bldg:function>', `<gml:name>${'x'.repeat(300)}</gml:name>\n      <bldg:function>`);
    if (o.fakeEndTag?.(i)) b = b.replace('</bldg:Building>', '<!-- a comment </core:cityObjectMember> --></bldg:Building>');
    if (o.crlf?.(i)) b = b.replaceAll('\n', '\r\n');
    if (i === 60) b = b.replace(/<bldg:boundedBy>[\s\S]*<\/bldg:boundedBy>\n/, '');
    s += b;
  }
  return s + FOOTER;
}

/** Writes text to dir/name and answers the file's path. */
export function writeIn(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
