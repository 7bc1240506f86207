/**
 * `plustwin district export|backup|import|check`: the whole district as one file. Export and backup are online
 * copies (SQLite backup API), so they work while the app or serve writes to the file; an export leaves the OPC UA
 * passwords out because it is meant to be handed on. Import checks the file first and replaces the target only
 * when it is a sound district file.
 */
import { cliTextLoose } from '../messages.js';
import { existsSync } from 'node:fs';
import { DistrictFileError, importDistrictFile, inspectDistrictFile, type DistrictFileInfo } from '../../../core/store/district-file.js';
import { openExistingDistrict } from '../open-district.js';
import { type CliCommand, type CliIo } from '../../common/command.js';
import { parseArgs } from '../../common/args.js';
import { usageError } from '../cli-error.js';
import { commandLang } from '../command-lang.js';
import { numberFormatter, type NumberFormatter } from '../number-format.js';
import { HEAT_SUPPLY_USAGE, heatSupplyAction } from './heat-supply.js';

const usage = `usage:
  plustwin district export --db FILE --out FILE [--json]   a copy to hand on, without OPC UA passwords
  plustwin district backup --db FILE --out FILE [--json]   a full copy (passwords included) for safekeeping
  plustwin district import FILE --db FILE [--json]         check FILE, then put it in place of the district file
  plustwin district check FILE [--json]                    is FILE a district file this version can open?
${HEAT_SUPPLY_USAGE}
  --lang de|en   language of the messages and numbers (default from LANG)

Export and backup copy a district file while PlusTwin may be writing to it. Import replaces --db atomically and
only after FILE passed its checks (SQLite, intact, a known schema, holds a district); close the app first.`;

function describe(info: DistrictFileInfo, f: NumberFormatter): string {
  return f.t('district.info', { schema: String(info.schemaVersion), buildings: info.buildings, points: info.points, intervals: info.intervals });
}

function print(io: CliIo, json: boolean | undefined, text: string, value: object): void {
  io.out.write(json ? JSON.stringify(value, null, 2) + '\n' : text + '\n');
}

async function copy(kind: 'export' | 'backup', db: string | undefined, out: string | undefined, json: boolean | undefined, io: CliIo, f: NumberFormatter) {
  if (db === undefined) throw usageError('usage.required', { flag: '--db FILE' });
  if (out === undefined) throw usageError('usage.required', { flag: '--out FILE' });
  if (existsSync(out)) throw usageError('usage.outExists', { file: out });
  const store = await openExistingDistrict(db);
  let secretsRemoved = 0;
  try {
    if (kind === 'export') secretsRemoved = await store.exportDistrict(out);
    else await store.backup(out);
  } finally {
    await store.close();
  }
  const info = await inspectDistrictFile(out);
  const note = kind === 'export' ? f.t('district.passwordsLeftOut', { count: secretsRemoved }) : '';
  print(io, json, `${out}: ${describe(info, f)}${note}`, { file: out, ...info, ...(kind === 'export' ? { secretsRemoved } : {}) });
  return 0;
}

export const districtCommand: CliCommand = {
  name: 'district',
  summary: 'export, back up, import or check a whole district file; the heat supply of its buildings',
  usage,
  async run(argv, io) {
    const [action, ...rest] = argv;
    if (action === 'heat-supply') {
      const { flags, positional } = parseArgs(rest, { db: 'string', building: 'string', carrier: 'string', efficiency: 'string', none: 'boolean', json: 'boolean', lang: 'string' });
      if (positional.length > 0) throw usageError('usage.unexpected', { arg: positional[0] as string });
      return heatSupplyAction(flags, io, numberFormatter(commandLang(flags.lang)));
    }
    const { flags, positional } = parseArgs(rest, { db: 'string', out: 'string', json: 'boolean', lang: 'string' });
    const f = numberFormatter(commandLang(flags.lang));
    const [named] = positional;
    if ((action === 'import' || action === 'check') && named !== undefined && !existsSync(named)) {
      // said here rather than by the store, so that it is said in the user's language
      io.err.write(`plustwin district: ${f.t('district.failed', { problem: `${named}: ${f.t('file.noSuchFile')}` })}\n`);
      return 1;
    }
    try {
      switch (action) {
        case 'export':
        case 'backup':
          if (positional.length > 0) throw usageError('usage.unexpected', { arg: positional[0] as string });
          return await copy(action, flags.db, flags.out, flags.json, io, f);
        case 'import': {
          const [file, ...extra] = positional;
          if (file === undefined) throw usageError('district.missingImport');
          if (extra.length > 0) throw usageError('usage.unexpected', { arg: extra[0] as string });
          if (flags.db === undefined) throw usageError('usage.required', { flag: '--db FILE' });
          const info = await importDistrictFile(file, flags.db);
          print(io, flags.json, f.t('district.imported', { db: flags.db, file, info: describe(info, f) }), { file: flags.db, from: file, ...info });
          return 0;
        }
        case 'check': {
          const [file, ...extra] = positional;
          if (file === undefined) throw usageError('district.missingCheck');
          if (extra.length > 0) throw usageError('usage.unexpected', { arg: extra[0] as string });
          const info = await inspectDistrictFile(file);
          print(io, flags.json, `${file}: ${describe(info, f)}`, { file, ...info });
          return 0;
        }
        default:
          throw action === undefined ? usageError('usage.missingAction') : usageError('usage.unknownAction', { action });
      }
    } catch (e) {
      if (!(e instanceof DistrictFileError)) throw e;
      // a bad file is the user's input, not a crash: say what is wrong with it, nothing was changed
      const problem = cliTextLoose(f.lang, `district.problem.${e.code}`, e.params) ?? e.message;
      io.err.write(`plustwin district: ${f.t('district.failed', { problem })}\n`);
      return 1;
    }
  },
};
