/**
 * `plustwin import FILE|FOLDER ... --db FILE [--crs EPSG:NNNN] [--json]`: reads buildings and roof surfaces
 * (streamed, one progress bar over all files on stderr) and merges them by id into a district file, tile by tile
 * (a city is many tiles; holding all of them at once would not fit in memory). A CityGML tile is written in batches
 * while it is read, all in one transaction, so a malformed file changes nothing of its own (and a district file
 * that did not exist before it is not left behind); the tiles before it stay imported and are named.
 */
import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { TileImport } from '../../../core/importers/import-into-store.js';
import { importTiles, type TilesOutcome } from '../../../core/importers/import-tiles.js';
import { openStore } from '../../../core/store/open-store.js';
import type { Store } from '../../../core/store/store.js';
import type { CliCommand, CliIo } from '../../common/command.js';
import { parseArgs } from '../../common/args.js';
import { errorText, usageError } from '../cli-error.js';
import { cliTextLoose } from '../messages.js';
import { importWarningText } from '../../../../models/import-warning-codes.js';
import { commandLang } from '../command-lang.js';
import { numberFormatter, type NumberFormatter } from '../number-format.js';

const usage = `usage: plustwin import FILE.gml|FILE.geojson|FOLDER ... --db FILE [--crs EPSG:NNNN] [--json] [--lang de|en]

Imports buildings into a district file: CityGML 1.0/2.0 LoD1 and LoD2 (footprints, heights, roof surfaces with
area, tilt and azimuth) or GeoJSON footprints with height or storeys. Buildings are merged by id (the gml:id or
the GeoJSON feature id), so importing a newer tile again updates them. Name several files or a folder (its .gml,
.xml, .geojson and .json files, in name order) to import a whole city in one run; nothing of a file with an error
is written, and the files before it stay imported.
  --db FILE      the district file (created if missing)
  --crs CODE     the coordinates' CRS when the file names none or the wrong one (EPSG:25832, EPSG:25833,
                 EPSG:31466, EPSG:31467, EPSG:3857, EPSG:4326 ...)
  --json         print the summary as JSON on stdout
  --lang de|en   language of the messages and numbers (default from LANG)`;

/** One file's import as the CLI prints it (and --json writes it). */
export interface ImportSummary extends TileImport {
  readonly file: string;
  readonly db: string;
}

/**
 * A progress bar rewritten in place on a terminal, a line every 10 % otherwise (logs, CI); megabytes with the
 * decimal mark of `f` (English by default).
 */
export function progressReporter(err: NodeJS.WritableStream, label: string, f: NumberFormatter = numberFormatter('en')): {
  update(done: number, total: number): void;
  finish(): void;
} {
  const tty = (err as { isTTY?: boolean }).isTTY === true;
  let shown = -1;
  const mb = (n: number): string => f.num(n / 1e6, 1);
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
      if (names.length === 0) throw usageError('import.emptyFolder', { folder: a });
      out.push(...names.map((n) => join(a, n)));
    } else out.push(a);
  }
  return out;
}

function printSummary(s: ImportSummary, io: CliIo, f: NumberFormatter): void {
  const t = f.t;
  const lines = [
    t('import.summary', { buildings: s.buildings, added: s.added, updated: s.updated, file: s.file, db: s.db }),
    t('import.format', { format: s.format, crs: s.crs }),
    t('import.roofs', { count: s.roofSurfaces, area: f.kwh(s.roofAreaM2) }),
  ];
  if (s.bounds) {
    const { minLon, minLat, maxLon, maxLat } = s.bounds;
    lines.push(t('import.bounds', { minLon: f.num(minLon, 5), maxLon: f.num(maxLon, 5), minLat: f.num(minLat, 5), maxLat: f.num(maxLat, 5) }));
  }
  lines.push(s.warnings.length === 0 ? t('import.noWarnings') : t('import.warnings', { count: s.warnings.length }));
  // a warning of a known kind in the run's language; any other as the importer says it
  const loose = (key: string, params: Readonly<Record<string, string | number>>) => cliTextLoose(f.lang, key, params) ?? key;
  for (const d of s.warningDetails) lines.push(`  - ${importWarningText(d, loose)}`);
  for (const w of s.warnings) if (!s.warningDetails.some((d) => w.startsWith(d.message))) lines.push(`  - ${w}`);
  io.out.write(lines.join('\n') + '\n');
}

export function makeImportCommand(open: (db: string) => Promise<Store> = openStore): CliCommand {
  return {
    name: 'import',
    summary: 'import buildings and roof surfaces from CityGML or GeoJSON into a district file',
    usage,
    async run(argv, io) {
      const { positional, flags } = parseArgs(argv, { db: 'string', crs: 'string', json: 'boolean', lang: 'string' });
      const lang = commandLang(flags.lang);
      const f = numberFormatter(lang);
      const t = f.t;
      if (positional.length === 0) throw usageError('import.noFile');
      if (flags.db === undefined) throw usageError('usage.required', { flag: '--db FILE' });
      const db = flags.db;
      const files = await importFiles(positional);
      const label = files.length === 1 ? t('import.progressOne', { file: basename(files[0] as string) }) : t('import.progressMany', { count: files.length });
      const progress = progressReporter(io.err, label, f);
      const existed = existsSync(db);
      const store = await open(db);
      let outcome: TilesOutcome;
      try {
        outcome = await importTiles(store, files, {
          ...(flags.crs !== undefined ? { crs: flags.crs } : {}),
          onProgress: (done, total) => progress.update(done, total),
        });
      } catch (e) {
        // an error that is not the file's (a full disk, say) ends the bar's line before it is printed
        progress.finish();
        throw e;
      } finally {
        await store.close();
      }
      const summaries: ImportSummary[] = outcome.tiles.map((tile, i) => ({ file: files[i] as string, db, ...tile }));
      if (outcome.failed) {
        const { index: i, error } = outcome.failed;
        progress.finish();
        // the file's transaction was rolled back; a district file made for it alone goes too
        if (!existed && i === 0) await Promise.all(['', '-wal', '-shm', '-journal'].map((x) => rm(db + x, { force: true })));
        if (flags.json) io.out.write(JSON.stringify({ error: { kind: 'validation', message: error.problem, where: error.where } }) + '\n');
        const what = i === 0 ? t('import.nothing') : t('import.partly', { file: files[i] as string, count: i, db, files: files.slice(0, i).join(', ') });
        io.err.write(`plustwin import: ${errorText(lang, error)}\n${what}\n`);
        return 1;
      }
      progress.finish();
      const sum = (f: (x: ImportSummary) => number) => summaries.reduce((a, x) => a + f(x), 0);
      if (summaries.length === 1) {
        const only = summaries[0] as ImportSummary;
        if (flags.json) io.out.write(JSON.stringify(only, null, 2) + '\n');
        else printSummary(only, io, f);
      } else if (flags.json) {
        io.out.write(JSON.stringify({ files: summaries, buildings: sum((x) => x.buildings), added: sum((x) => x.added), updated: sum((x) => x.updated) }, null, 2) + '\n');
      } else {
        for (const x of summaries) printSummary(x, io, f);
        io.out.write(t('import.total', { files: summaries.length, buildings: sum((x) => x.buildings), added: sum((x) => x.added), updated: sum((x) => x.updated), db }) + '\n');
      }
      return 0;
    },
  };
}

export const importCommand: CliCommand = makeImportCommand();
