/** `plustwin bisko`: the BISKO balance of one year, sector x carrier, for entry into Klimaschutz-Planer. */
import type { CliCommand } from '../../common/command.js';
import { UsageError } from '../../common/command.js';
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
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
    if (flags.db === undefined) throw new UsageError('--db is required');
    if (flags.year === undefined) throw new UsageError('--year YYYY is required');
    if (flags.out === undefined || !/\.(xlsx|csv)$/i.test(flags.out)) throw new UsageError(`--out must name a .xlsx or .csv file, got '${flags.out ?? ''}'`);
    const lang = flags.lang ?? 'de';
    if (lang !== 'de' && lang !== 'en') throw new UsageError(`--lang must be de or en, got '${lang}'`);
    const year = intOption('year', flags.year, 0, 1990, new Date().getFullYear());
    const store = await openExistingDistrict(flags.db);
    try {
      const { inputs, leftOut } = await biskoInputs(store, year);
      const balance = biskoBalance(year, inputs, setForYear(LIFE_CYCLE_GEMIS, year));
      await writeBisko(flags.out, balance, lang, leftOut);
      io.out.write(`${flags.out}: BISKO ${year}, ${balance.cells.length} cell(s), ${balance.totalMwh.toFixed(3)} MWh, ${balance.totalTCo2e.toFixed(3)} t CO2e\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
