/**
 * `plustwin lights import FILE --db FILE`: makes the district's street-light inventory the lights of a CSV or
 * GeoJSON file (docs/district-assets.md). A file with a problem changes nothing; every problem is named with the
 * file, its line or feature, in the language of --lang. `plustwin lights list --db FILE` prints the inventory.
 */
import { readFileSync } from 'node:fs';
import { inventoryProblemLines, parseInventoryFile } from '../../../core/api/asset-handlers.js';
import { scheduleText } from '../../../../models/lighting/index.js';
import { openExistingDistrict } from '../open-district.js';
import { cliText } from '../messages.js';
import { usageError } from '../cli-error.js';
import { commandLang } from '../command-lang.js';
import type { CliCommand, CliIo } from '../../common/command.js';
import { parseArgs } from '../../common/args.js';

const usage = `usage: plustwin lights import FILE --db FILE [--json] [--lang de|en]
       plustwin lights list --db FILE [--json]

import   makes the district's street-light inventory the lights of FILE: CSV with the columns id, lon, lat, power_w,
         led, schedule (';' with decimal commas or ','), or a GeoJSON FeatureCollection of WGS84 Points with those
         properties. The schedule is levels with the local time each lasts until: "100@22:00 50@05:00 100".
         Lights not in the file are removed; a light named again keeps its lighting-circuit meter. A file with a
         problem changes nothing, and every problem is listed with its line or feature.
list     prints the inventory.
  --db FILE      the district file
  --json         print the result as JSON
  --lang de|en   language of the messages (default from LANG)`;

/** A city's inventory as CSV is a few MB; more than this is not a street-light file. */
const MAX_FILE_BYTES = 32 * 2 ** 20;

export const lightsCommand: CliCommand = {
  name: 'lights',
  summary: 'import or list the district\'s street lights (CSV or GeoJSON)',
  usage,
  async run(argv, io: CliIo) {
    const { flags, positional } = parseArgs(argv, { db: 'string', json: 'boolean', lang: 'string' });
    const [action, file, ...extra] = positional;
    if (action !== 'import' && action !== 'list') throw action === undefined ? usageError('lights.missingAction') : usageError('usage.unknownAction', { action });
    if (action === 'import' && file === undefined) throw usageError('lights.missingFile');
    const rest = action === 'list' && file !== undefined ? [file, ...extra] : extra;
    if (rest.length > 0) throw usageError('usage.unexpected', { arg: rest[0] as string });
    const lang = commandLang(flags.lang);
    if (flags.db === undefined) throw usageError('usage.required', { flag: '--db FILE' });
    const t = cliText(lang);

    if (action === 'list') {
      const store = await openExistingDistrict(flags.db);
      try {
        const lights = await store.streetLights.streetLights();
        io.out.write(
          flags.json
            ? JSON.stringify(lights.map((l) => ({ ...l, schedule: scheduleText(l.schedule) })), null, 2) + '\n'
            : lights.map((l) => `${l.id}\t${l.lon}\t${l.lat}\t${l.powerW} W\t${l.led ? 'LED' : '-'}\t${scheduleText(l.schedule) || '100'}${l.meterPointId ? `\t${l.meterPointId}` : ''}`).join('\n') + (lights.length > 0 ? '\n' : ''),
        );
        return 0;
      } finally {
        await store.close();
      }
    }

    const path = file as string;
    let buf: Buffer;
    try {
      buf = readFileSync(path);
    } catch (e) {
      io.err.write(`plustwin lights: ${t('file.cannotRead', { file: path, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? t('file.noSuchFile') : (e as Error).message })}\n`);
      return 1;
    }
    if (buf.length > MAX_FILE_BYTES) {
      io.err.write(`plustwin lights: ${t('lights.tooBig', { file: path, mb: MAX_FILE_BYTES / 2 ** 20 })}\n`);
      return 1;
    }
    const parsed = parseInventoryFile(buf.toString('utf8'));
    if (!parsed.ok) {
      io.err.write(`plustwin lights: ${t('lights.nothingImported', { file: path, count: parsed.issues.length })}\n${inventoryProblemLines(path, parsed, lang).join('\n')}\n`);
      return 1;
    }
    const store = await openExistingDistrict(flags.db);
    try {
      const r = await store.streetLights.replaceStreetLights(parsed.lights);
      io.out.write(
        flags.json
          ? JSON.stringify({ count: parsed.lights.length, ...r }, null, 2) + '\n'
          : `${t('lights.imported', { count: parsed.lights.length, added: r.added, updated: r.updated, removed: r.removed })}\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
