/** `plustwin heat-plan`: the heat-planning (WPG) export as GeoPackage and CSV, and the buildings' planning attributes. */
import type { CliCommand } from '../../common/command.js';
import { UsageError } from '../../common/command.js';
import { usageError } from '../cli-error.js';
import { commandLang } from '../command-lang.js';
import { cliText } from '../messages.js';
import { intOption, parseArgs } from '../../common/args.js';
import { openExistingDistrict } from '../open-district.js';
import { exportHeatPlan, gridCsvPath } from '../../../core/planning/export-heat-plan.js';
import { checkPlanningAttributes, setPlanningAttributes, setReportCategory } from '../../../core/planning/planning-attributes.js';
import { parseKlimafaktor, type Klimafaktor } from '../../../../models/planning/weather-correction.js';
import type { BiskoSector, HeatingFuel, HeatingType, PlanningAttributes } from '../../../../models/planning/attributes.js';

const usage = `usage: plustwin heat-plan --db FILE --out FILE.gpkg [--csv FILE.csv] [--year YYYY] [--cell M] [--grid-only] [--csv-dialect de|intl]
                         [--klimafaktor YYYY=F ... --klimafaktor-source TEXT] [--lang de|en]
       plustwin heat-plan set --db FILE --building ID [--year-built YYYY] [--heating TYPE] [--fuel FUEL]
                              [--heater-year YYYY] [--floor-area M2] [--sector SECTOR] [--report-category N|auto]

Heat-planning export (WPG section 15): per building its use, age class, heating, measured heat of the three
years up to --year (weather as measured) or an estimate from the building typology, flagged; and the heat
density per grid cell (MWh/(ha*a), KEA-BW suitability classes), published only for cells of >= 5 buildings.
GeoPackage layers 'buildings' and 'heat_grid' in EPSG:25832; see docs/planning.md.
  --out FILE.gpkg      the GeoPackage to write (replaced if it exists)
  --csv FILE.csv       also the buildings as CSV, and the grid as FILE-grid.csv
  --year YYYY          last measured year (default: last year)
  --cell M             grid cell size in metres (default 100)
  --grid-only          leave the per-building layer out (a file for publication)
  --csv-dialect de|intl  de = semicolon and decimal comma (default), intl = comma and point
  --klimafaktor YYYY=F   the DWD Klimafaktor of a measured year (repeat per year); that year's heat is
                         multiplied by it (heating and hot water together); needs --klimafaktor-source
  --klimafaktor-source TEXT  where the factors come from, e.g. "DWD Klimafaktoren, PLZ 45127"
  --lang de|en         language of the messages and numbers (default from LANG)
set: enters a building's attributes where the import had none
  --heating boiler|heat-pump|district-heat|electric-direct|stove|chp|none|unknown
  --fuel gas|oil|lpg|biogas|wood|pellets|district-heat|electricity|coal|unknown
  --sector households|trade-services|industry|municipal
  --report-category N|auto  the building's Energiebericht category (lfd. Nr. 1-52 of the Bekanntmachung 2021,
                     Anlage 1 Tabelle 1; see docs/planning.md); auto: derived from the use again`;

async function runSet(argv: readonly string[], io: Parameters<CliCommand['run']>[1]): Promise<number> {
  const { positional, flags } = parseArgs(argv, {
    db: 'string',
    building: 'string',
    'year-built': 'string',
    heating: 'string',
    fuel: 'string',
    'heater-year': 'string',
    'floor-area': 'string',
    sector: 'string',
    'report-category': 'string',
  });
  if (positional.length > 0) throw usageError('usage.unexpected', { arg: positional[0] as string });
  if (flags.db === undefined) throw usageError('usage.required', { flag: '--db' });
  if (flags.building === undefined) throw usageError('usage.required', { flag: '--building' });
  const thisYear = new Date().getFullYear();
  const patch: PlanningAttributes = {
    ...(flags['year-built'] === undefined ? {} : { yearBuilt: intOption('year-built', flags['year-built'], 0, 1000, thisYear) }),
    ...(flags['heater-year'] === undefined ? {} : { heaterYear: intOption('heater-year', flags['heater-year'], 0, 1000, thisYear) }),
    ...(flags['floor-area'] === undefined ? {} : { floorAreaM2: Number(flags['floor-area']) }),
    ...(flags.heating === undefined ? {} : { heatingType: flags.heating as HeatingType }),
    ...(flags.fuel === undefined ? {} : { fuel: flags.fuel as HeatingFuel }),
    ...(flags.sector === undefined ? {} : { sector: flags.sector as BiskoSector }),
  };
  const rc = flags['report-category'];
  const category = rc === undefined ? undefined : rc === 'auto' ? null : /^\d+$/.test(rc) ? Number(rc) : NaN;
  if (Number.isNaN(category)) throw usageError('heatPlan.reportCategory', { got: rc ?? '' });
  // every value checked before the first write, so a bad one stores nothing
  const all = checkPlanningAttributes({ ...patch, ...(typeof category === 'number' ? { energyReportCategory: category } : {}) }, thisYear);
  if (!all.ok) throw new UsageError(`${all.error.where === undefined ? '' : `${all.error.where}: `}${all.error.message}`);
  const store = await openExistingDistrict(flags.db);
  try {
    if (category !== undefined) {
      const c = await setReportCategory(store, flags.building, category);
      if (!c.ok) throw new UsageError(`${c.error.where === undefined ? '' : `${c.error.where}: `}${c.error.message}`);
    }
    const r = await setPlanningAttributes(store, flags.building, patch, thisYear);
    if (!r.ok) throw new UsageError(`${r.error.where === undefined ? '' : `${r.error.where}: `}${r.error.message}`);
    io.out.write(`${flags.building}: ${JSON.stringify(r.value)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export const heatPlanCommand: CliCommand = {
  name: 'heat-plan',
  summary: 'heat-planning (WPG) export: buildings and heat-density grid as GeoPackage and CSV',
  usage,
  async run(argv, io) {
    if (argv[0] === 'set') return runSet(argv.slice(1), io);
    const { positional, flags } = parseArgs(argv, { db: 'string', out: 'string', csv: 'string', year: 'string', cell: 'string', 'grid-only': 'boolean', 'csv-dialect': 'string', klimafaktor: 'list', 'klimafaktor-source': 'string', lang: 'string' });
    if (positional.length > 0) throw usageError('usage.unexpected', { arg: positional[0] as string });
    if (flags.db === undefined) throw usageError('usage.required', { flag: '--db' });
    if (flags.out === undefined) throw usageError('usage.required', { flag: '--out FILE.gpkg' });
    if (!flags.out.toLowerCase().endsWith('.gpkg')) throw usageError('usage.outKind', { kinds: '.gpkg', got: flags.out });
    const t = cliText(commandLang(flags.lang));
    const dialect = flags['csv-dialect'] ?? 'de';
    if (dialect !== 'de' && dialect !== 'intl') throw usageError('usage.oneOf', { flag: '--csv-dialect', values: 'de, intl', got: dialect });
    const thisYear = new Date().getFullYear();
    const lastYear = intOption('year', flags.year, thisYear - 1, 1990, thisYear);
    const source = flags['klimafaktor-source'];
    if ((flags.klimafaktor ?? []).length > 0 && source === undefined) throw usageError('heatPlan.klimafaktorSource');
    const klimafaktoren: Klimafaktor[] = (flags.klimafaktor ?? []).map((text) => {
      const k = parseKlimafaktor(text, source ?? '');
      if (k === null) throw usageError('heatPlan.klimafaktor', { got: text });
      return k;
    });
    const cellSizeM = intOption('cell', flags.cell, 100, 10, 10_000);
    const store = await openExistingDistrict(flags.db);
    try {
      const r = await exportHeatPlan(store, {
        gpkg: flags.out,
        lastYear,
        cellSizeM,
        dialect,
        gridOnly: flags['grid-only'] === true,
        klimafaktoren,
        ...(flags.csv === undefined ? {} : { csv: flags.csv }),
      });
      if (!r.ok) throw new Error(`${flags.db}: ${r.error.message}`);
      const p = r.value;
      const line = t('heatPlan.written', {
        file: flags.out,
        buildings: p.buildings,
        measured: p.bySource.measured,
        fromYear: String(lastYear - 2),
        toYear: String(lastYear),
        estimated: p.bySource.estimated,
        unknown: p.bySource.unknown,
        cells: p.grid.cells.length,
        cellSize: cellSizeM,
        suppressedCells: p.grid.suppressedCells,
        suppressedBuildings: p.grid.suppressedBuildings,
      });
      io.out.write(line + '\n');
      if (flags.csv !== undefined) io.out.write(`${flags['grid-only'] === true ? '' : `${flags.csv}, `}${gridCsvPath(flags.csv)}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
