/** `plustwin energy-report`: the annual municipal energy report (Energiebericht) as PDF or XLSX. */
import type { CliCommand } from '../../common/command.js';
import { UsageError } from '../../common/command.js';
import { intOption, numberOption, parseArgs } from '../../common/args.js';
import { openExistingDistrict } from '../open-district.js';
import { readBenchmarks } from '../../../core/planning/benchmarks-file.js';
import { energyReportData } from '../../../core/planning/energy-report-data.js';
import { writeEnergyReportPdf, writeEnergyReportXlsx } from '../../../core/planning/energy-report-export.js';
import { DEFAULT_AMBER_LIMIT } from '../../../../models/planning/energy-report.js';
import { parseDegreeDays, parseKlimafaktor, type Klimafaktor, type YearDegreeDays } from '../../../../models/planning/weather-correction.js';

const usage = `usage: plustwin energy-report --db FILE --year YYYY --out FILE.pdf|FILE.xlsx [--lang de|en]
                             [--klimafaktor YYYY=F ... --klimafaktor-source TEXT]
                             [--gradtage YYYY=G ... --gradtage-source TEXT] [--amber-limit X]

The annual energy report on the district's buildings: per building heat and electricity per m² of floor area
for the three years up to --year, heat weather-corrected (the DWD Klimafaktor you enter, else degree days
against the Essen test reference year, else the labelled TRY default: not corrected), compared with the heat
comparison value of the building's category (Bekanntmachung der Regeln für Energieverbrauchswerte und der
Vergleichswerte im Nichtwohngebäudebestand, 2021) and electricity with VDI 3807, traffic lights and the trend.
The category follows the building's use unless set (plustwin heat-plan set --report-category). See docs/planning.md.
  --klimafaktor YYYY=F   the DWD Klimafaktor of a year (repeat per year); needs --klimafaktor-source
  --klimafaktor-source TEXT  where the factors come from, e.g. "DWD Klimafaktoren, PLZ 46236"
  --gradtage YYYY=G  degree days G20/15 of a year at the site, Kd (repeat per year); corrects that year's heat by
                     G20/15 of the Essen TRY / G; needs --gradtage-source
  --gradtage-source TEXT  where the degree days come from, e.g. "DWD Gradtagzahlen, Station Essen-Bredeney"
  --amber-limit X  amber up to X times the comparison value, red above (default ${DEFAULT_AMBER_LIMIT})
  --lang de|en     labels and number format (default de)`;

export const energyReportCommand: CliCommand = {
  name: 'energy-report',
  summary: 'annual energy report (kWh/m² per building, benchmarks, traffic light, 3-year trend) as PDF or XLSX',
  usage,
  async run(argv, io) {
    const { positional, flags } = parseArgs(argv, { db: 'string', year: 'string', out: 'string', lang: 'string', klimafaktor: 'list', 'klimafaktor-source': 'string', gradtage: 'list', 'gradtage-source': 'string', 'amber-limit': 'string' });
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
    if (flags.db === undefined) throw new UsageError('--db is required');
    if (flags.year === undefined) throw new UsageError('--year YYYY is required');
    if (flags.out === undefined || !/\.(pdf|xlsx)$/i.test(flags.out)) throw new UsageError(`--out must name a .pdf or .xlsx file, got '${flags.out ?? ''}'`);
    const lang = flags.lang ?? 'de';
    if (lang !== 'de' && lang !== 'en') throw new UsageError(`--lang must be de or en, got '${lang}'`);
    const year = intOption('year', flags.year, 0, 1990, new Date().getFullYear());
    const amberLimit = numberOption('amber-limit', flags['amber-limit'], DEFAULT_AMBER_LIMIT, 1, 10);
    const source = flags['klimafaktor-source'];
    if ((flags.klimafaktor ?? []).length > 0 && source === undefined) throw new UsageError('--klimafaktor needs --klimafaktor-source naming where the factors come from');
    const klimafaktoren: Klimafaktor[] = (flags.klimafaktor ?? []).map((text) => {
      const k = parseKlimafaktor(text, source ?? '');
      if (k === null) throw new UsageError(`--klimafaktor must read YYYY=F with a positive factor, e.g. 2024=1.12, got '${text}'`);
      return k;
    });
    const gSource = flags['gradtage-source'];
    if ((flags.gradtage ?? []).length > 0 && gSource === undefined) throw new UsageError('--gradtage needs --gradtage-source naming where the degree days come from');
    const degreeDays: YearDegreeDays[] = (flags.gradtage ?? []).map((text) => {
      const g = parseDegreeDays(text, gSource ?? '');
      if (g === null) throw new UsageError(`--gradtage must read YYYY=G with positive degree days, e.g. 2024=3150, got '${text}'`);
      return g;
    });
    const store = await openExistingDistrict(flags.db);
    try {
      const report = await energyReportData(store, readBenchmarks(), { year, klimafaktoren, degreeDays, amberLimit });
      if (flags.out.toLowerCase().endsWith('.pdf')) await writeEnergyReportPdf(flags.out, report, lang);
      else await writeEnergyReportXlsx(flags.out, report, lang);
      const lights = (l: string) => report.buildings.filter((b) => b.heatLight === l).length;
      const none = report.buildings.filter((b) => b.heatLight === null).length;
      io.out.write(`${flags.out}: energy report ${year}, ${report.buildings.length} building(s): ${lights('green')} green, ${lights('amber')} amber, ${lights('red')} red, ${none} without benchmark\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
