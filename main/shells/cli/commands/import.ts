/**
 * `plustwin import FILE.gml|FILE.geojson --db FILE [--crs EPSG:NNNN] [--json]`: reads buildings and roof surfaces
 * (streamed, progress on stderr) and merges them by id into a district file. The file is read completely before
 * the district is opened, so a malformed file changes nothing.
 */
import { basename } from 'node:path';
import { ImportError, importBuildings, type ImportResult } from '../../../core/importers/import-buildings.js';
import { openStore } from '../../../core/store/open-store.js';
import type { Store } from '../../../core/store/store.js';
import { mergeIntoStore } from '../../../core/importers/merge-into-store.js';
import { UsageError, type CliCommand, type CliIo } from '../../common/command.js';
import { parseArgs } from '../../common/args.js';

const usage = `usage: plustwin import FILE.gml|FILE.geojson --db FILE [--crs EPSG:NNNN] [--json]

Imports buildings into a district file: CityGML 1.0/2.0 LoD1 and LoD2 (footprints, heights, roof surfaces with
area, tilt and azimuth) or GeoJSON footprints with height or storeys. Buildings are merged by id (the gml:id or
the GeoJSON feature id), so importing a newer tile again updates them. Nothing is written if the file has an error.
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
      const [file, ...extra] = positional;
      if (file === undefined) throw new UsageError('name the file to import');
      if (extra.length > 0) throw new UsageError(`one file at a time (also given: ${extra.join(' ')})`);
      if (flags.db === undefined) throw new UsageError('--db FILE is required');

      const progress = progressReporter(io.err, `import ${basename(file)}`);
      let result: ImportResult;
      try {
        result = await importBuildings(file, {
          ...(flags.crs !== undefined ? { crs: flags.crs } : {}),
          onProgress: (done, total) => progress.update(done, total),
        });
      } catch (e) {
        progress.finish();
        if (!(e instanceof ImportError)) throw e;
        if (flags.json) io.out.write(JSON.stringify({ error: { kind: 'validation', message: e.problem, where: e.where } }) + '\n');
        io.err.write(`plustwin import: ${e.message}\nnothing was imported\n`);
        return 1;
      }
      progress.finish();

      const store = await open(flags.db);
      let counts: { added: number; updated: number };
      try {
        counts = await mergeIntoStore(store, result, file);
      } finally {
        await store.close();
      }
      const summary: ImportSummary = {
        file,
        db: flags.db,
        format: result.format,
        crs: result.crs,
        buildings: result.buildings.length,
        ...counts,
        roofSurfaces: result.roofs.length,
        roofAreaM2: Number(result.roofs.reduce((s, r) => s + r.areaM2, 0).toFixed(1)),
        bounds: result.bounds,
        warnings: result.warnings,
      };
      if (flags.json) io.out.write(JSON.stringify(summary, null, 2) + '\n');
      else printSummary(summary, io);
      return 0;
    },
  };
}

export const importCommand: CliCommand = makeImportCommand();
