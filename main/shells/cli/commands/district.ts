/**
 * `plustwin district export|backup|import|check`: the whole district as one file. Export and backup are online
 * copies (SQLite backup API), so they work while the app or serve writes to the file; an export leaves the OPC UA
 * passwords out because it is meant to be handed on. Import checks the file first and replaces the target only
 * when it is a sound district file.
 */
import { existsSync } from 'node:fs';
import { DistrictFileError, importDistrictFile, inspectDistrictFile, type DistrictFileInfo } from '../../../core/store/district-file.js';
import { openExistingDistrict } from '../open-district.js';
import { UsageError, type CliCommand, type CliIo } from '../../common/command.js';
import { parseArgs } from '../../common/args.js';
import { HEAT_SUPPLY_USAGE, heatSupplyAction } from './heat-supply.js';

const usage = `usage:
  plustwin district export --db FILE --out FILE [--json]   a copy to hand on, without OPC UA passwords
  plustwin district backup --db FILE --out FILE [--json]   a full copy (passwords included) for safekeeping
  plustwin district import FILE --db FILE [--json]         check FILE, then put it in place of the district file
  plustwin district check FILE [--json]                    is FILE a district file this version can open?
${HEAT_SUPPLY_USAGE}

Export and backup copy a district file while PlusTwin may be writing to it. Import replaces --db atomically and
only after FILE passed its checks (SQLite, intact, a known schema, holds a district); close the app first.`;

function describe(info: DistrictFileInfo): string {
  return `schema ${info.schemaVersion}, ${info.buildings} buildings, ${info.points} points, ${info.intervals} intervals`;
}

function print(io: CliIo, json: boolean | undefined, text: string, value: object): void {
  io.out.write(json ? JSON.stringify(value, null, 2) + '\n' : text + '\n');
}

async function copy(kind: 'export' | 'backup', db: string | undefined, out: string | undefined, json: boolean | undefined, io: CliIo) {
  if (db === undefined) throw new UsageError('--db FILE is required');
  if (out === undefined) throw new UsageError('--out FILE is required');
  if (existsSync(out)) throw new UsageError(`--out: ${out} exists; choose a new file`);
  const store = await openExistingDistrict(db);
  let secretsRemoved = 0;
  try {
    if (kind === 'export') secretsRemoved = await store.exportDistrict(out);
    else await store.backup(out);
  } finally {
    await store.close();
  }
  const info = await inspectDistrictFile(out);
  const note = kind === 'export' ? `; OPC UA passwords left out: ${secretsRemoved}` : '';
  print(io, json, `${out}: ${describe(info)}${note}`, { file: out, ...info, ...(kind === 'export' ? { secretsRemoved } : {}) });
  return 0;
}

export const districtCommand: CliCommand = {
  name: 'district',
  summary: 'export, back up, import or check a whole district file; the heat supply of its buildings',
  usage,
  async run(argv, io) {
    const [action, ...rest] = argv;
    if (action === 'heat-supply') {
      const { flags, positional } = parseArgs(rest, { db: 'string', building: 'string', carrier: 'string', efficiency: 'string', none: 'boolean', json: 'boolean' });
      if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
      return heatSupplyAction(flags, io);
    }
    const { flags, positional } = parseArgs(rest, { db: 'string', out: 'string', json: 'boolean' });
    try {
      switch (action) {
        case 'export':
        case 'backup':
          if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
          return await copy(action, flags.db, flags.out, flags.json, io);
        case 'import': {
          const [file, ...extra] = positional;
          if (file === undefined) throw new UsageError('missing the district file to import');
          if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
          if (flags.db === undefined) throw new UsageError('--db FILE is required');
          const info = await importDistrictFile(file, flags.db);
          print(io, flags.json, `${flags.db}: imported from ${file} (${describe(info)})`, { file: flags.db, from: file, ...info });
          return 0;
        }
        case 'check': {
          const [file, ...extra] = positional;
          if (file === undefined) throw new UsageError('missing the district file to check');
          if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
          const info = await inspectDistrictFile(file);
          print(io, flags.json, `${file}: ${describe(info)}`, { file, ...info });
          return 0;
        }
        default:
          throw new UsageError(action === undefined ? 'missing action' : `unknown action '${action}'`);
      }
    } catch (e) {
      if (!(e instanceof DistrictFileError)) throw e;
      // a bad file is the user's input, not a crash: say what is wrong with it, nothing was changed
      io.err.write(`plustwin district: ${e.message}; nothing was changed\n`);
      return 1;
    }
  },
};
