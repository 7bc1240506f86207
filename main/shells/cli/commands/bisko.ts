/** `plustwin bisko`: the BISKO balance of one year, sector x carrier, for entry into Klimaschutz-Planer. */
import type { CliCommand } from '../../common/command.js';
import { usageError } from '../cli-error.js';
import { commandLang } from '../command-lang.js';
import { numberFormatter } from '../number-format.js';
import { intOption, parseArgs } from '../../common/args.js';
import { openExistingDistrict } from '../open-district.js';
import { biskoInputs } from '../../../core/planning/bisko-inputs.js';
import { writeBisko } from '../../../core/planning/bisko-export.js';
import { biskoBalance } from '../../../../models/planning/bisko.js';
import { LIFE_CYCLE_GEMIS } from '../../../../models/factors/life-cycle.js';
import { setForYear } from '../../../../models/factors/by-year.js';

const usage = `usage: plustwin bisko --db FILE --year YYYY --out FILE.xlsx|FILE.csv [--lang de|en]

BISKO balance of a local calendar year: private households, trade/commerce/services, industry, municipal
facilities and transport x energy carrier; final energy (MWh), GHG (t CO2e, life-cycle factors) and the BISKO
data-quality grade per cell (A measured ... D estimated). Sectors follow each building's use unless entered
with 'plustwin heat-plan set --sector'. See docs/planning.md.
  --lang de|en   labels and number format (default de: semicolon and decimal comma in CSV)`;

export const biskoCommand: CliCommand = {
  name: 'bisko',
  summary: 'BISKO balance of a year (sector x carrier, MWh, t CO2e, data quality) as XLSX or CSV',
  usage,
  async run(argv, io) {
    const { positional, flags } = parseArgs(argv, { db: 'string', year: 'string', out: 'string', lang: 'string' });
    if (positional.length > 0) throw usageError('usage.unexpected', { arg: positional[0] as string });
    if (flags.db === undefined) throw usageError('usage.required', { flag: '--db' });
    if (flags.year === undefined) throw usageError('usage.required', { flag: '--year YYYY' });
    if (flags.out === undefined || !/\.(xlsx|csv)$/i.test(flags.out)) throw usageError('usage.outKind', { kinds: '.xlsx or .csv', got: flags.out ?? '' });
    const lang = commandLang(flags.lang, 'de');
    const f = numberFormatter(lang);
    const year = intOption('year', flags.year, 0, 1990, new Date().getFullYear());
    const store = await openExistingDistrict(flags.db);
    try {
      const { inputs, leftOut } = await biskoInputs(store, year);
      const balance = biskoBalance(year, inputs, setForYear(LIFE_CYCLE_GEMIS, year));
      await writeBisko(flags.out, balance, lang, leftOut);
      io.out.write(f.t('bisko.written', { file: flags.out, year: String(year), cells: balance.cells.length, mwh: f.num(balance.totalMwh, 3), tonnes: f.num(balance.totalTCo2e, 3) }) + '\n');
      return 0;
    } finally {
      await store.close();
    }
  },
};
