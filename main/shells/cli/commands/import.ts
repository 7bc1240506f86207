/**
 * `plustwin import FILE|FOLDER ... --db FILE [--crs EPSG:NNNN] [--json]`: reads buildings and roof surfaces
 * (streamed, one progress bar over all files on stderr) and merges them by id into a district file, tile by tile
 * (a city is many tiles; holding all of them at once would not fit in memory). Each file is read completely before
 * it is merged, so a malformed file changes nothing of its own; the tiles before it stay imported and are named.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ImportError, importBuildings, type ImportResult } from '../../../core/importers/import-buildings.js';
import { openStore } from '../../../core/store/open-store.js';
import type { Store } from '../../../core/store/store.js';
import { mergeIntoStore } from '../../../core/importers/merge-into-store.js';
import { UsageError, type CliCommand, type CliIo } from '../../common/command.js';
import { parseArgs } from '../../common/args.js';

const usage = `usage: plustwin import FILE.gml|FILE.geojson|FOLDER ... --db FILE [--crs EPSG:NNNN] [--json]

Imports buildings into a district file: CityGML 1.0/2.0 LoD1 and LoD2 (footprints, heights, roof surfaces with
area, tilt and azimuth) or GeoJSON footprints with height or storeys. Buildings are merged by id (the gml:id or
the GeoJSON feature id), so importing a newer tile again updates them. Name several files or a folder (its .gml,
.xml, .geojson and .json files, in name order) to import a whole city in one run; nothing of a file with an error
is written, and the files before it stay imported.
  --db FILE      the district file (created if missing)
  --crs CODE     the coordinates' CRS when the file names none or the wrong one (EPSG:25832, EPSG:25833,
                 EPSG:31466, EPSG:31467, EPSG:3857, EPSG:4326 ...)
  --json         print the summary as JSON on stdout`;

export interface ImportSummary {
  readonly file: string;
  readonly db: string;
  readonly format: ImportResult['format'];
  readonly crs: string;
  readonly buildings: number;
  readonly added: number;
  readonly updated: number;
  readonly roofSurfaces: number;
  readonly roofAreaM2: number;
  readonly bounds: ImportResult['bounds'];
  readonly warnings: readonly string[];
}

/** A progress bar rewritten in place on a terminal, a line every 10 % otherwise (logs, CI). */
export function progressReporter(err: NodeJS.WritableStream, label: string): {
  update(done: number, total: number): void;
  finish(): void;
} {
  const tty = (err as { isTTY?: boolean }).isTTY === true;
  let shown = -1;
  const mb = (n: number): string => (n / 1e6).toFixed(1);
  return {
    update(done, total) {
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      if (tty) {
        if (pct === shown) return;
        shown = pct;
        const filled = Math.round(pct / 4);
        err.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(25 - filled)}] ${String(pct).padStart(3)} %  ${mb(done)} / ${mb(total)} MB`);
      } else {
        const step = Math.floor(pct / 10) * 10;
        if (step <= shown) return;
        shown = step;
        err.write(`${label}: ${step} % (${mb(done)} / ${mb(total)} MB)\n`);
      }
    },
    finish() {
      if (tty && shown >= 0) err.write('\n');
    },
  };
}

/** The files to import: each argument, a folder's importable files in name order. */
export async function importFiles(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const a of args) {
    const info = await stat(a).catch(() => null);
    if (info?.isDirectory() === true) {
      const names = (await readdir(a)).filter((n) => /\.(gml|xml|citygml|geojson|json)$/i.test(n)).sort();
      if (names.length === 0) throw new UsageError(`the folder ${a} holds no .gml, .xml, .geojson or .json file`);
      out.push(...names.map((n) => join(a, n)));
    } else out.push(a);
  }
  return out;
}

function printSummary(s: ImportSummary, io: CliIo): void {
  const lines = [
    `imported ${s.buildings} buildings (${s.added} new, ${s.updated} updated) from ${s.file} into ${s.db}`,
    `format ${s.format}, CRS ${s.crs}`,
    `${s.roofSurfaces} roof surfaces, ${s.roofAreaM2.toFixed(0)} m² in all`,
  ];
  if (s.bounds) {
    const { minLon, minLat, maxLon, maxLat } = s.bounds;
    lines.push(`bounds lon ${minLon.toFixed(5)} .. ${maxLon.toFixed(5)}, lat ${minLat.toFixed(5)} .. ${maxLat.toFixed(5)}`);
  }
  lines.push(s.warnings.length === 0 ? 'no warnings' : `${s.warnings.length} warning(s):`);
  for (const w of s.warnings) lines.push(`  - ${w}`);
  io.out.write(lines.join('\n') + '\n');
}

export function makeImportCommand(open: (db: string) => Promise<Store> = openStore): CliCommand {
  return {
    name: 'import',
    summary: 'import buildings and roof surfaces from CityGML or GeoJSON into a district file',
    usage,
    async run(argv, io) {
      const { positional, flags } = parseArgs(argv, { db: 'string', crs: 'string', json: 'boolean' });
      if (positional.length === 0) throw new UsageError('name the file to import');
      if (flags.db === undefined) throw new UsageError('--db FILE is required');
      const db = flags.db;
      const files = await importFiles(positional);
      const sizes = await Promise.all(files.map(async (f) => (await stat(f).catch(() => null))?.size ?? 0));
      const total = sizes.reduce((a, b) => a + b, 0);
      const progress = progressReporter(io.err, files.length === 1 ? `import ${basename(files[0] as string)}` : `import ${files.length} files`);
      const summaries: ImportSummary[] = [];
      let before = 0;
      for (const [i, file] of files.entries()) {
        let result: ImportResult;
        try {
          result = await importBuildings(file, {
            ...(flags.crs !== undefined ? { crs: flags.crs } : {}),
            onProgress: (done) => progress.update(before + done, total),
          });
        } catch (e) {
          progress.finish();
          if (!(e instanceof ImportError)) throw e;
          if (flags.json) io.out.write(JSON.stringify({ error: { kind: 'validation', message: e.problem, where: e.where } }) + '\n');
          const what = i === 0 ? 'nothing was imported' : `nothing of ${file} was imported; the ${i} file(s) before it are imported into ${db}: ${files.slice(0, i).join(', ')}`;
          io.err.write(`plustwin import: ${e.message}\n${what}\n`);
          return 1;
        }
        before += sizes[i] ?? 0;
        const store = await open(db);
        let counts: { added: number; updated: number };
        try {
          counts = await mergeIntoStore(store, result, file);
        } finally {
          await store.close();
        }
        summaries.push({
          file,
          db,
          format: result.format,
          crs: result.crs,
          buildings: result.buildings.length,
          ...counts,
          roofSurfaces: result.roofs.length,
          roofAreaM2: Number(result.roofs.reduce((s, r) => s + r.areaM2, 0).toFixed(1)),
          bounds: result.bounds,
          warnings: result.warnings,
        });
      }
      progress.finish();
      const sum = (f: (x: ImportSummary) => number) => summaries.reduce((a, x) => a + f(x), 0);
      if (summaries.length === 1) {
        const only = summaries[0] as ImportSummary;
        if (flags.json) io.out.write(JSON.stringify(only, null, 2) + '\n');
        else printSummary(only, io);
      } else if (flags.json) {
        io.out.write(JSON.stringify({ files: summaries, buildings: sum((x) => x.buildings), added: sum((x) => x.added), updated: sum((x) => x.updated) }, null, 2) + '\n');
      } else {
        for (const x of summaries) printSummary(x, io);
        io.out.write(`${summaries.length} files: ${sum((x) => x.buildings)} buildings (${sum((x) => x.added)} new, ${sum((x) => x.updated)} updated) into ${db}\n`);
      }
      return 0;
    },
  };
}

export const importCommand: CliCommand = makeImportCommand();
